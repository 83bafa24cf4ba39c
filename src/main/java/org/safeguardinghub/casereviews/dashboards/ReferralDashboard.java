package org.safeguardinghub.casereviews.dashboards;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral and notification dashboard's figures: every chart of the page at once ({@link #charts}), or one
 * chart at a time for callers that want a single one. Scoped to one partnership by its filters; the counting rules
 * and the SQL are in {@link ReferralDashboardRecords}.
 */
@Component
@Transactional(readOnly = true)
public class ReferralDashboard {

    /** Every chart of the page, as the single-chart methods below give them. */
    public record Charts(
            List<YearCount> byYear,
            List<Count> byAgeBand,
            List<Count> byGender,
            List<Count> byEthnicity,
            List<Count> byDistrict,
            List<Count> byRapidReviewOutcome,
            List<Count> byAgencyInvolved) {}

    private final ReferralDashboardRecords records;

    ReferralDashboard(ReferralDashboardRecords records) {
        this.records = records;
    }

    /** Every chart in one statement. */
    public Charts charts(DashboardFilters f) {
        return records.charts(f);
    }

    /** Referrals and notifications per financial year of the window (years with none are left out). */
    public List<YearCount> byYear(DashboardFilters f) {
        return records.byYear(f);
    }

    /** Referrals by the age band of the youngest child (code, or null when not recorded). */
    public List<Count> byAgeBand(DashboardFilters f) {
        return records.byAgeBand(f);
    }

    /** Referrals by the gender of the youngest child (DfE code). */
    public List<Count> byGender(DashboardFilters f) {
        return records.byGender(f);
    }

    /** Referrals by the ethnicity of the youngest child (DfE code). */
    public List<Count> byEthnicity(DashboardFilters f) {
        return records.byEthnicity(f);
    }

    /** Referrals by the district of the youngest child (district name). */
    public List<Count> byDistrict(DashboardFilters f) {
        return records.byDistrict(f);
    }

    /** Referrals by the outcome of their rapid review (code, or null when there was none or it is not decided). */
    public List<Count> byRapidReviewOutcome(DashboardFilters f) {
        return records.byRapidReviewOutcome(f);
    }

    /** For each agency, the referrals it was involved in (a referral involving three agencies counts for each). */
    public List<Count> byAgencyInvolved(DashboardFilters f) {
        return records.byAgencyInvolved(f);
    }

    /** The names the agency chart uses (short name, or name) for the given agencies, in no particular order. */
    public List<String> agencyLabels(Collection<Long> agencyIds) {
        return records.agencyLabels(agencyIds);
    }
}
