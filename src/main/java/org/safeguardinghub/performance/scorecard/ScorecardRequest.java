package org.safeguardinghub.performance.scorecard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scorecard's filters as they arrive in the query string: a period end (each indicator's value at or before
 * it), a priority, an agency (indicators reading an item that agency supplies), a district (values by district),
 * which figures ({@code first} for "as first published", anything else the latest) and the view
 * ({@code published} for small-number suppression). Anything unreadable is ignored rather than refused.
 */
public record ScorecardRequest(
        @Nullable String period,
        @Nullable String priority,
        @Nullable String agency,
        @Nullable String district,
        @Nullable String figures,
        @Nullable String view) {

    static ScorecardRequest none() {
        return new ScorecardRequest(null, null, null, null, null, null);
    }

    @Nullable
    LocalDate periodEnd() {
        if (period == null || period.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(period.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Nullable
    Long agencyId() {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(agency.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Nullable
    String priorityName() {
        return priority == null || priority.isBlank() ? null : priority.trim();
    }

    @Nullable
    String districtName() {
        return district == null || district.isBlank() ? null : district.trim();
    }

    boolean firstPublished() {
        return "first".equals(figures);
    }

    boolean askedForPublished() {
        return "published".equals(view);
    }

    /** The filters as a query string (without "?"), with the view actually shown. */
    String query(boolean published) {
        List<String> parts = new ArrayList<>();
        add(parts, "period", periodEnd() == null ? null : String.valueOf(periodEnd()));
        add(parts, "priority", priorityName());
        add(parts, "agency", agencyId() == null ? null : String.valueOf(agencyId()));
        add(parts, "district", districtName());
        add(parts, "figures", firstPublished() ? "first" : null);
        add(parts, "view", published ? "published" : null);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, @Nullable String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
