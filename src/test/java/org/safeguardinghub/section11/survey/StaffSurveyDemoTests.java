package org.safeguardinghub.section11.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.section11.demo.StaffSurveyDemo;
import org.safeguardinghub.section11.survey.StaffSurveyResults.AgencyStandard;
import org.safeguardinghub.surveys.QuestionKind;
import org.safeguardinghub.surveys.SurveyResults;
import org.safeguardinghub.surveys.SurveySummary;
import org.safeguardinghub.surveys.Surveys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The staff survey questions file, and the demo survey of the 2026 Kent and Medway cycle (loaded in every test DB). */
@SpringBootTest
class StaffSurveyDemoTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    StaffSurveyResults staffResults;

    @Test
    void theQuestionsFileMapsQuestionsToEveryStandard() {
        StaffSurveyDefinition definition = StaffSurveyDefinition.load();
        assertThat(definition.title()).isEqualTo("Safeguarding staff survey");
        assertThat(definition.introduction()).contains("\n\n"); // two paragraphs
        assertThat(definition.questions()).hasSize(9);
        assertThat(definition.questions())
                .extracting(q -> q.tag())
                .containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", null);
        assertThat(definition.questions().get(8).kind()).isEqualTo(QuestionKind.FREE_TEXT);
        assertThat(definition.questions().get(8).required()).isFalse();
        assertThat(definition.questions()).filteredOn(q -> q.tag() != null).allMatch(q -> q.required());
    }

    @Test
    void theDemoCycleHasAStaffSurveyWithSuppressedAgenciesAndLowEscalationAwareness() {
        long cycle = jdbc.sql("select id from s11_cycle where name = :n order by id limit 1")
                .param("n", StaffSurveyDemo.CYCLE)
                .query(Long.class)
                .single();
        SurveySummary survey =
                surveys.findByOwner(StaffSurveys.OWNER_TYPE, cycle).orElseThrow();
        assertThat(survey.introduction()).contains("fictional");
        assertThat(survey.openOn(surveys.today())).isTrue();
        long expected = jdbc.sql("select count(*) from s11_return where cycle_id = :c")
                .param("c", cycle)
                .query(Long.class)
                .single();
        assertThat(surveys.links(survey.id())).hasSize((int) expected);

        List<AgencyStandard> results = staffResults.forCycle(cycle);
        List<AgencyStandard> escalation =
                results.stream().filter(r -> r.standardCode().equals("S7")).toList();
        assertThat(escalation).hasSize((int) expected);
        assertThat(escalation).anyMatch(AgencyStandard::suppressed);
        assertThat(escalation).anyMatch(r -> !r.suppressed() && r.percentPositive() != null);

        SurveyResults all = surveys.results(survey.id());
        double aware = all.tag(null, "S7").orElseThrow().percentPositive().orElseThrow();
        assertThat(aware).isBetween(30.0, 50.0);
        long responses = jdbc.sql("select count(*) from survey_response where survey_id = :s")
                .param("s", survey.id())
                .query(Long.class)
                .single();
        assertThat(responses).isGreaterThan(200);
    }
}
