package org.safeguardinghub.casereviews.dashboards;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * What a dashboard counts: the referrals of one partnership submitted in a run of financial years (April to March),
 * optionally only those notified to the national panel, and optionally only those whose represented child (the
 * youngest, see {@link ReferralDashboard}) has the given age band, gender, ethnicity or district, or that involved an
 * agency. Every value reaches the SQL as a parameter.
 *
 * @param firstYear start year of the first financial year counted (2023 for 2023-24)
 * @param lastYear start year of the last financial year counted, inclusive
 */
public record DashboardFilters(
        long partnershipId,
        int firstYear,
        int lastYear,
        boolean notificationsOnly,
        @Nullable String ageBand,
        @Nullable String gender,
        @Nullable String ethnicity,
        @Nullable Long districtId,
        @Nullable Long agencyId) {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    public DashboardFilters {
        if (lastYear < firstYear) {
            throw new IllegalArgumentException("The last year cannot be before the first year");
        }
    }

    /** Every referral of the partnership in the given financial years, no other filter. */
    public static DashboardFilters years(long partnershipId, int firstYear, int lastYear) {
        return new DashboardFilters(partnershipId, firstYear, lastYear, false, null, null, null, null, null);
    }

    /** 1 April of the first year, 00:00 UK time. */
    OffsetDateTime from() {
        return LocalDate.of(firstYear, 4, 1).atStartOfDay(LONDON).toOffsetDateTime();
    }

    /** 1 April after the last year, 00:00 UK time (exclusive). */
    OffsetDateTime to() {
        return LocalDate.of(lastYear + 1, 4, 1).atStartOfDay(LONDON).toOffsetDateTime();
    }
}
