package org.safeguardinghub.section11.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.surveys.SurveyLink;
import org.safeguardinghub.surveys.SurveyResults;
import org.safeguardinghub.surveys.SurveyResults.TagResult;
import org.safeguardinghub.surveys.SurveySummary;
import org.safeguardinghub.surveys.Surveys;
import org.springframework.stereotype.Service;

/**
 * The staff survey's results by agency and Section 11 standard, for showing beside self-assessed and moderated
 * scores (triangulation). It checks no access: callers show it only to people who may see the cycle's analysis or
 * the agency's return.
 */
@Service
public class StaffSurveyResults {

    private final StaffSurveys staffSurveys;
    private final Surveys surveys;

    StaffSurveyResults(StaffSurveys staffSurveys, Surveys surveys) {
        this.staffSurveys = staffSurveys;
        this.surveys = surveys;
    }

    /**
     * One agency's staff answers for one standard (questions tagged with its code): how many staff answered, and
     * the share of positive answers (agree or strongly agree, or yes). When {@code suppressed}, too few answered to
     * show anything and both {@code respondents} and {@code percentPositive} are withheld. {@code respondents} is the
     * published (rounded) number, never the exact one.
     *
     * @param display what to show in a table cell: "72% (n=25)", or the suppression phrase such as "fewer than 6"
     */
    public record AgencyStandard(
            long agencyId,
            String agencyName,
            String standardCode,
            @Nullable Long respondents,
            @Nullable Double percentPositive,
            boolean suppressed,
            String display) {}

    /** Whether the cycle has a staff survey at all. */
    public boolean hasSurvey(long cycleId) {
        return staffSurveys.survey(cycleId).isPresent();
    }

    /**
     * For every agency with a link and every standard code asked about, its staff's result; empty when the cycle has
     * no staff survey. Agencies or standards without any answers are included, hidden like any small count.
     */
    public List<AgencyStandard> forCycle(long cycleId) {
        Optional<SurveySummary> survey = staffSurveys.survey(cycleId);
        if (survey.isEmpty()) {
            return List.of();
        }
        SurveyResults results = surveys.results(survey.get().id());
        List<AgencyStandard> out = new ArrayList<>();
        for (SurveyLink link : results.links()) {
            if (link.agencyId() == null) {
                continue;
            }
            for (String code : results.tags()) {
                out.add(of(
                        results,
                        link.agencyId(),
                        link.audienceLabel(),
                        results.tag(link.id(), code).orElse(null),
                        code));
            }
        }
        return List.copyOf(out);
    }

    /** One agency's results in the cycle, by standard code. */
    public List<AgencyStandard> forAgency(long cycleId, long agencyId) {
        return forCycle(cycleId).stream().filter(r -> r.agencyId() == agencyId).toList();
    }

    static AgencyStandard of(
            SurveyResults results, long agencyId, String agencyName, @Nullable TagResult tag, String code) {
        if (tag == null || tag.suppressed() || tag.percentPositive().isEmpty()) {
            return new AgencyStandard(
                    agencyId,
                    agencyName,
                    code,
                    null,
                    null,
                    true,
                    tag == null ? results.suppressedText() : results.percentText(tag));
        }
        Double percent = tag.percentPositive().orElseThrow();
        String display =
                SurveyResults.percent(percent) + " (n=" + tag.respondentsCell().text() + ")";
        return new AgencyStandard(
                agencyId, agencyName, code, tag.respondentsCell().shown(), percent, false, display);
    }
}
