package org.safeguardinghub.section11.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeguardinghub.surveys.NewSurvey;
import org.safeguardinghub.surveys.SurveyLink;
import org.safeguardinghub.surveys.SurveySummary;
import org.safeguardinghub.surveys.Surveys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff survey of a Section 11 cycle: one anonymous survey per cycle (owned by the cycle), with one public link
 * for the staff of each agency expected to return. Callers check access (the business team of a partnership running
 * the cycle).
 */
@Service
public class StaffSurveys {

    static final String OWNER_TYPE = "s11-cycle";

    private final StaffSurveyRecords records;
    private final Surveys surveys;

    StaffSurveys(StaffSurveyRecords records, Surveys surveys) {
        this.records = records;
        this.surveys = surveys;
    }

    public record Cycle(long id, String name, LocalDate opensOn, LocalDate closesOn) {}

    /** An agency expected to return in the cycle. */
    record ExpectedAgency(long agencyId, String name, long returnId) {}

    public Optional<Cycle> cycle(long cycleId) {
        return records.cycle(cycleId);
    }

    public List<ExpectedAgency> expected(long cycleId) {
        return records.expected(cycleId);
    }

    public Optional<SurveySummary> survey(long cycleId) {
        return surveys.findByOwner(OWNER_TYPE, cycleId);
    }

    /**
     * Creates the cycle's survey from the standard questions, with a link for every expected agency. The cycle row
     * is locked first, so two people pressing the button at once make one survey; the second gets the first's.
     */
    @Transactional
    public long setUp(long cycleId, long partnershipId, LocalDate opensOn, LocalDate closesOn, String createdBy) {
        return setUp(cycleId, partnershipId, opensOn, closesOn, createdBy, "");
    }

    /** As {@link #setUp(long, long, LocalDate, LocalDate, String)}, with a note added to the introduction. */
    @Transactional
    public long setUp(
            long cycleId,
            long partnershipId,
            LocalDate opensOn,
            LocalDate closesOn,
            String createdBy,
            String introductionNote) {
        Cycle cycle = records.lockCycle(cycleId);
        Optional<SurveySummary> existing = survey(cycleId);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        StaffSurveyDefinition definition = StaffSurveyDefinition.load();
        long surveyId = surveys.create(new NewSurvey(
                partnershipId,
                definition.title() + ": " + cycle.name(),
                introductionNote.isBlank()
                        ? definition.introduction()
                        : definition.introduction() + "\n\n" + introductionNote,
                OWNER_TYPE,
                cycleId,
                opensOn,
                closesOn,
                createdBy,
                definition.questions()));
        addMissingLinks(cycleId);
        return surveyId;
    }

    /** Adds a link for each agency expected since the survey was set up; returns how many were added. */
    @Transactional
    public int addMissingLinks(long cycleId) {
        SurveySummary survey = survey(cycleId).orElseThrow();
        Set<Long> linked = surveys.links(survey.id()).stream()
                .map(SurveyLink::agencyId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        int added = 0;
        for (ExpectedAgency agency : expected(cycleId)) {
            if (!linked.contains(agency.agencyId())) {
                surveys.addLink(survey.id(), agency.name(), agency.agencyId());
                added++;
            }
        }
        return added;
    }

    /** Expected agencies that have no link yet. */
    public List<ExpectedAgency> withoutLink(long cycleId, List<SurveyLink> links) {
        Set<Long> linked = links.stream()
                .map(SurveyLink::agencyId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return expected(cycleId).stream()
                .filter(a -> !linked.contains(a.agencyId()))
                .toList();
    }
}
