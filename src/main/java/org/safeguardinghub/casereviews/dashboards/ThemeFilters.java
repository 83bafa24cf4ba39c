package org.safeguardinghub.casereviews.dashboards;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the learning themes dashboard counts: the cases of one partnership since a date (a referral counts from the
 * day it was submitted, a practice review without a referral from its commissioning), optionally only those whose
 * youngest child has the given age band, gender or district. A characteristic filter leaves out practice reviews
 * that have no referral (thematic reviews), since they describe no child. {@code until} (exclusive), when given, ends
 * the period: the published view counts fixed financial years, never "since any day".
 */
public record ThemeFilters(
        long partnershipId,
        LocalDate since,
        @Nullable String ageBand,
        @Nullable String gender,
        @Nullable Long districtId,
        @Nullable LocalDate until) {

    /** Cases since a date, with no end. */
    public ThemeFilters(
            long partnershipId,
            LocalDate since,
            @Nullable String ageBand,
            @Nullable String gender,
            @Nullable Long districtId) {
        this(partnershipId, since, ageBand, gender, districtId, null);
    }

    public static ThemeFilters since(long partnershipId, LocalDate since) {
        return new ThemeFilters(partnershipId, since, null, null, null);
    }
}
