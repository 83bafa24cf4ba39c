package org.safeguardinghub.casereviews.dashboards;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard filters as they arrive in the query string (a GET form, so a filtered view can be bookmarked and
 * shared). Values are read leniently: an unknown code or a malformed number is treated as "no filter", never passed
 * to SQL as text.
 */
public record DashboardRequest(
        @Nullable String period,
        @Nullable String show,
        @Nullable String ageBand,
        @Nullable String gender,
        @Nullable String ethnicity,
        @Nullable String district,
        @Nullable String agency,
        @Nullable String view,
        @Nullable String sinceDay,
        @Nullable String sinceMonth,
        @Nullable String sinceYear) {

    /** The query string that reproduces these filters (for export links), without the leading "?". */
    public String query() {
        Map<String, @Nullable String> values = new LinkedHashMap<>();
        values.put("period", period);
        values.put("show", show);
        values.put("ageBand", ageBand);
        values.put("gender", gender);
        values.put("ethnicity", ethnicity);
        values.put("district", district);
        values.put("agency", agency);
        values.put("view", view);
        values.put("sinceDay", sinceDay);
        values.put("sinceMonth", sinceMonth);
        values.put("sinceYear", sinceYear);
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                b.queryParam(k, v.trim());
            }
        });
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    static @Nullable String code(@Nullable String value, Map<String, String> vocabulary) {
        return value != null && vocabulary.containsKey(value.trim()) ? value.trim() : null;
    }

    static @Nullable Long id(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable Integer number(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
