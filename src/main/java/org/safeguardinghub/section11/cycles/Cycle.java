package org.safeguardinghub.section11.cycles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An audit cycle with the partnerships that run it and its expected and received counts. */
public record Cycle(
        long id,
        String name,
        LocalDate opensOn,
        LocalDate closesOn,
        LocalDate moderationFrom,
        LocalDate moderationTo,
        @Nullable Long previousCycleId,
        @Nullable String previousCycleName,
        @Nullable OffsetDateTime publishedAt,
        String createdByName,
        int version,
        List<PartnershipRef> partnerships,
        int expected,
        int received) {

    public record PartnershipRef(long id, String name, String shortName) {}

    /** Share of expected returns received, rounded to a whole percent; null when none are expected. */
    public @Nullable Integer receivedPercent() {
        return expected == 0 ? null : (int) Math.round(100.0 * received / expected);
    }

    public boolean published() {
        return publishedAt != null;
    }

    public boolean joint() {
        return partnerships.size() > 1;
    }

    public String partnershipNames() {
        return String.join(
                " and ", partnerships.stream().map(PartnershipRef::shortName).toList());
    }

    /** Where the cycle is on a day: before opening, open for returns, closed (moderating), or published. */
    public String stage(LocalDate today) {
        if (published()) {
            return "Published";
        }
        if (today.isBefore(opensOn)) {
            return "Not open yet";
        }
        if (!today.isAfter(closesOn)) {
            return "Open";
        }
        return today.isAfter(moderationTo) ? "Closed" : "Moderating";
    }

    public String stageTag(LocalDate today) {
        return switch (stage(today)) {
            case "Published" -> "govuk-tag--green";
            case "Open" -> "govuk-tag--blue";
            case "Moderating" -> "govuk-tag--purple";
            case "Not open yet" -> "govuk-tag--grey";
            default -> "govuk-tag--grey";
        };
    }
}
