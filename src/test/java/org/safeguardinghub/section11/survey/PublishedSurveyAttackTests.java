package org.safeguardinghub.section11.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.platform.export.Table;
import org.safeguardinghub.section11.demo.StaffSurveyDemo;
import org.safeguardinghub.section11.survey.web.StaffSurveyController;
import org.safeguardinghub.shared.SafeCounts;
import org.safeguardinghub.shared.disclosure.Attack;
import org.safeguardinghub.surveys.SurveyLink;
import org.safeguardinghub.surveys.SurveyQuestion;
import org.safeguardinghub.surveys.SurveyResults;
import org.safeguardinghub.surveys.SurveyResults.TagResult;
import org.safeguardinghub.surveys.SurveySummary;
import org.safeguardinghub.surveys.Surveys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo staff survey's published results attacked as a reader of the results page and its download could: per
 * agency and for all agencies, the staff who answered each question and how many answered it positively (the
 * download), the staff who answered each standard's questions (the page), and how many of an agency's staff answered
 * the survey at all (the agency's return page, which its colleagues and the panel read). Agencies' links are disjoint, so each
 * agency's count is a part of the all-agencies count; positive answers are some of the answers; everyone who answered
 * a question tagged with a standard is one of that standard's respondents. No hidden count of staff may be narrowed
 * to fewer than three values.
 */
@SpringBootTest
class PublishedSurveyAttackTests {

    private static final String ALL = "All agencies";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    StaffSurveys staffSurveys;

    @Test
    void noHiddenCountOfStaffCanBeRecoveredFromThePublishedSurveyResults() {
        long cycleId = jdbc.sql("select id from s11_cycle where name = :n order by id limit 1")
                .param("n", StaffSurveyDemo.CYCLE)
                .query(Long.class)
                .single();
        StaffSurveys.Cycle cycle = staffSurveys.cycle(cycleId).orElseThrow();
        SurveySummary survey = staffSurveys.survey(cycleId).orElseThrow();
        SurveyResults results = surveys.results(survey.id());
        Table table = StaffSurveyController.table(cycle, results);

        Attack attack = new Attack();
        Map<String, List<String>> agenciesOf = new LinkedHashMap<>(); // question code -> agencies listed
        for (List<? extends Object> row : table.rows()) {
            String agency = String.valueOf(row.get(0));
            String code = String.valueOf(row.get(2));
            String note = String.valueOf(row.get(7));
            attack.published(key("Q", code, agency), text(row.get(4), note));
            attack.published(key("P", code, agency), text(row.get(5), note));
            attack.atMost(key("Q", code, agency), List.of(key("P", code, agency)));
            if (!agency.equals(ALL)) {
                agenciesOf.computeIfAbsent(code, k -> new ArrayList<>()).add(agency);
            }
        }
        agenciesOf.forEach((code, agencies) -> {
            attack.partition(
                    key("Q", code, ALL),
                    agencies.stream().map(a -> key("Q", code, a)).toList());
            attack.partition(
                    key("P", code, ALL),
                    agencies.stream().map(a -> key("P", code, a)).toList());
        });
        List<String> names = new ArrayList<>();
        List<Long> linkIds = new ArrayList<>();
        for (SurveyLink l : results.links()) {
            names.add(l.audienceLabel());
            linkIds.add(l.id());
        }
        names.add(ALL);
        linkIds.add(null);
        for (int i = 0; i < names.size() - 1; i++) { // each agency's return page: how many of its staff answered
            attack.published(
                    key("N", "", names.get(i)),
                    StaffSurveyController.responsesText(SafeCounts.of(surveys.suppression()), results, linkIds.get(i)));
        }
        for (String tag : results.tags()) {
            for (int i = 0; i < names.size(); i++) {
                TagResult r = results.tag(linkIds.get(i), tag).orElse(null);
                attack.published(key("R", tag, names.get(i)), results.respondentsText(r));
                for (SurveyQuestion q : results.choiceQuestions()) {
                    if (tag.equals(q.tag())) { // who answered a question of the standard answered the standard
                        attack.atMost(key("R", tag, names.get(i)), List.of(key("Q", q.code(), names.get(i))));
                    }
                }
                if (i < names.size() - 1) { // who answered a standard's questions answered the survey
                    attack.atMost(key("N", "", names.get(i)), List.of(key("R", tag, names.get(i))));
                }
            }
            attack.partition(
                    key("R", tag, ALL),
                    names.subList(0, names.size() - 1).stream()
                            .map(a -> key("R", tag, a))
                            .toList());
        }
        Attack.Result result = attack.run();
        System.out.printf("Staff survey results: %s%n", result.summary());
        assertThat(result.hiddenCells())
                .as("the demo survey has hidden counts to protect")
                .isPositive();
        assertThat(result.narrowed())
                .as(
                        "hidden counts of staff recovered exactly or narrowed to fewer than 3 values, e.g. %s",
                        result.examples())
                .isZero();
    }

    /** A cell left empty because it is withheld could hold anything the method allows: "suppressed". */
    private static String text(Object cell, String note) {
        String t = String.valueOf(cell);
        return t.isEmpty() && note.startsWith("Suppressed") ? "suppressed" : t;
    }

    private static String key(String figure, String code, String agency) {
        return figure + "|" + code + "|" + agency;
    }
}
