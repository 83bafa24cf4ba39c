package org.safeguardinghub.section11.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.safeguardinghub.section11.survey.StaffSurveyResults.AgencyStandard;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.safeguardinghub.surveys.SurveyLink;
import org.safeguardinghub.surveys.SurveySummary;
import org.safeguardinghub.surveys.Surveys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Section 11 staff survey through the web: setting it up with a link per expected agency, results by agency,
 * question and standard (with downloads), the return's page with the self-score beside the staff's answers, and who
 * may see what.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffSurveyWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    StaffSurveyResults staffResults;

    Section11Fixtures fx;
    long cycle;
    long first;
    long second;
    long police;
    long firstReturn;
    long policeReturn;

    @BeforeEach
    void setUp() {
        fx = new Section11Fixtures(jdbc, principals);
        long template = fx.template();
        cycle = fx.cycle(Section11Fixtures.unique("Staff survey cycle"), null, fx.kent());
        first = fx.newAgency(fx.kent());
        second = fx.newAgency(fx.kent());
        police = fx.agency("Kent Police");
        firstReturn = fx.expect(cycle, first, template);
        fx.expect(cycle, second, template);
        policeReturn = fx.expect(cycle, police, template);
    }

    @Test
    void settingUpMakesOneLinkPerExpectedAgencyAndLinksForAgenciesAddedLater() throws Exception {
        String setup = page(get("/section11/cycles/" + cycle + "/survey"), DemoAccounts.BUSINESS);
        assertThat(setup)
                .contains("Set up the staff survey")
                .contains("3 agencies are expected to return")
                .contains("I know about the Kent Professional Challenge and Escalation Policy");

        MockHttpServletResponse created = setUpSurvey();
        assertThat(created.getStatus()).isEqualTo(302);
        SurveySummary survey = surveys.findByOwner("s11-cycle", cycle).orElseThrow();
        assertThat(survey.title()).contains("Staff survey cycle");
        List<SurveyLink> links = surveys.links(survey.id());
        assertThat(links).extracting(SurveyLink::agencyId).containsExactlyInAnyOrder(first, second, police);
        assertThat(surveys.questions(survey.id()))
                .extracting(q -> q.tag())
                .contains("S1", "S2", "S4", "S5", "S6", "S7", "S8");

        String page = page(get("/section11/cycles/" + cycle + "/survey"), DemoAccounts.BUSINESS);
        assertThat(page).contains("Responses");
        for (SurveyLink link : links) {
            assertThat(page).contains("http://localhost/survey/" + link.token()).contains(link.audienceLabel());
        }

        // setting up again makes no second survey
        setUpSurvey();
        assertThat(jdbc.sql("select count(*) from survey where owner_type = 's11-cycle' and owner_id = :c")
                        .param("c", cycle)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // an agency expected since gets its link from the survey page
        long later = fx.newAgency(fx.kent());
        fx.expect(cycle, later, fx.template());
        assertThat(page(get("/section11/cycles/" + cycle + "/survey"), DemoAccounts.BUSINESS))
                .contains("1 agency expected since the survey was set up has no link yet");
        MockHttpServletResponse added =
                perform(post("/section11/cycles/" + cycle + "/survey/links").with(csrf()), DemoAccounts.BUSINESS);
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(surveys.links(survey.id()))
                .extracting(SurveyLink::agencyId)
                .contains(later)
                .hasSize(4);
    }

    @Test
    void badDatesAreRefusedWith422AndNothingIsCreated() throws Exception {
        LocalDate today = surveys.today();
        MockHttpServletResponse refused = perform(
                post("/section11/cycles/" + cycle + "/survey")
                        .with(csrf())
                        .param("opensOn.day", String.valueOf(today.getDayOfMonth()))
                        .param("opensOn.month", String.valueOf(today.getMonthValue()))
                        .param("opensOn.year", String.valueOf(today.getYear()))
                        .param("closesOn.day", "31")
                        .param("closesOn.month", "2")
                        .param("closesOn.year", "2027"),
                DemoAccounts.BUSINESS);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("There is a problem")
                .contains("Date the survey closes must be a real date")
                .contains("value=\"31\"");
        LocalDate before = today.minusDays(1);
        MockHttpServletResponse order = perform(
                post("/section11/cycles/" + cycle + "/survey")
                        .with(csrf())
                        .param("opensOn.day", String.valueOf(today.getDayOfMonth()))
                        .param("opensOn.month", String.valueOf(today.getMonthValue()))
                        .param("opensOn.year", String.valueOf(today.getYear()))
                        .param("closesOn.day", String.valueOf(before.getDayOfMonth()))
                        .param("closesOn.month", String.valueOf(before.getMonthValue()))
                        .param("closesOn.year", String.valueOf(before.getYear())),
                DemoAccounts.BUSINESS);
        assertThat(order.getStatus()).isEqualTo(422);
        assertThat(order.getContentAsString(StandardCharsets.UTF_8))
                .contains("must be the same as or after the date it opens");
        assertThat(surveys.findByOwner("s11-cycle", cycle)).isEmpty();
    }

    @Test
    void resultsByAgencyAndStandardSuppressSmallNumbersAndDownload() throws Exception {
        // a second small agency, so two are hidden and neither can be worked out from the total (with only one
        // hidden, the smallest shown agency would be hidden too: SecondarySuppressionTests)
        long fourth = fx.newAgency(fx.kent());
        fx.expect(cycle, fourth, fx.template());
        setUpSurvey();
        SurveySummary survey = surveys.findByOwner("s11-cycle", cycle).orElseThrow();
        Map<Long, SurveyLink> links = byAgency(survey.id());
        LocalDate today = surveys.today();
        // first agency: 8 staff, 6 know about the escalation policy (75%), all know their lead (100%)
        for (int i = 0; i < 8; i++) {
            surveys.record(links.get(first).id(), Map.of("ESCALATION", i < 6 ? "YES" : "NO", "DSL", "AGREE"), today);
        }
        // second agency: 3 staff only, so suppressed
        for (int i = 0; i < 3; i++) {
            surveys.record(links.get(second).id(), Map.of("ESCALATION", "YES", "DSL", "AGREE"), today);
        }
        for (int i = 0; i < 2; i++) {
            surveys.record(links.get(fourth).id(), Map.of("ESCALATION", "NO", "DSL", "AGREE"), today);
        }

        List<AgencyStandard> results = staffResults.forCycle(cycle);
        AgencyStandard firstS7 = find(results, first, "S7");
        // published through the shared rule: 8 staff show as 10, and 6 of 8 positive as 10 of 10
        assertThat(firstS7.respondents()).isEqualTo(10);
        assertThat(firstS7.percentPositive()).isEqualTo(100.0);
        assertThat(firstS7.display()).isEqualTo("100% (n=10)");
        assertThat(find(results, first, "S2").percentPositive()).isEqualTo(100.0);
        AgencyStandard secondS7 = find(results, second, "S7");
        assertThat(secondS7.suppressed()).isTrue();
        assertThat(secondS7.respondents()).isNull();
        assertThat(secondS7.percentPositive()).isNull();
        assertThat(secondS7.display()).isEqualTo("fewer than 6");
        assertThat(find(results, police, "S7").suppressed()).isTrue(); // nobody answered: hidden like any small count
        assertThat(staffResults.forAgency(cycle, first)).allMatch(r -> r.agencyId() == first);
        assertThat(staffResults.hasSurvey(cycle)).isTrue();

        String page = page(get("/section11/cycles/" + cycle + "/survey/results"), DemoAccounts.BUSINESS);
        assertThat(page)
                .contains("Staff survey results")
                .contains("Percentage of staff answering positively, by agency and Section 11 standard")
                .contains("100%")
                .contains("(n=10)")
                .doesNotContain("(n=8)")
                .contains("fewer than 6");

        MockHttpServletResponse csv =
                perform(get("/section11/cycles/" + cycle + "/survey/results.csv"), DemoAccounts.BUSINESS);
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        String firstName = links.get(first).audienceLabel();
        String secondName = links.get(second).audienceLabel();
        assertThat(text)
                .contains("Agency,Standard,Question code,Question,Answered,Positive answers,Percent positive,Note")
                .contains(firstName + ",S7,ESCALATION,I know about the Kent Professional Challenge and Escalation"
                        + " Policy,10,10,100,")
                .contains(secondName + ",S7,ESCALATION,I know about the Kent Professional Challenge and Escalation"
                        + " Policy,fewer than 6,fewer than 6,,Not shown: too few answered");
        MockHttpServletResponse xlsx =
                perform(get("/section11/cycles/" + cycle + "/survey/results.xlsx"), DemoAccounts.BUSINESS);
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentAsByteArray()).startsWith(new byte[] {'P', 'K'});
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where action = 'EXPORT' and record_type = 's11-cycle'
                        and record_id = :c""")
                        .param("c", String.valueOf(cycle))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theReturnsSurveyPageShowsTheSelfScoreBesideTheStaffResults() throws Exception {
        fx.answerAll(policeReturn, 2);
        setUpSurvey();
        SurveySummary survey = surveys.findByOwner("s11-cycle", cycle).orElseThrow();
        SurveyLink link = byAgency(survey.id()).get(police);
        LocalDate today = surveys.today();
        for (int i = 0; i < 10; i++) {
            surveys.record(link.id(), Map.of("ESCALATION", i < 4 ? "YES" : "DONT_KNOW", "DSL", "AGREE"), today);
        }

        for (String who : List.of(DemoAccounts.POLICE_LEAD, DemoAccounts.BUSINESS)) {
            String page = page(get("/section11/returns/" + policeReturn + "/survey"), who);
            assertThat(page)
                    .contains("Staff survey beside the self-assessment")
                    .contains("Members of staff who have answered the survey: 10.")
                    .containsPattern(
                            "data-standard=\"S7\"[\\s\\S]*?2 – Largely met[\\s\\S]*?>10<[\\s\\S]*?>fewer than 6 positive<")
                    .containsPattern("data-standard=\"S2\"[\\s\\S]*?2 – Largely met[\\s\\S]*?>10<[\\s\\S]*?>100%<");
        }
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where action = 'READ_SENSITIVE' and record_type = 's11-return'
                        and record_id = :r""")
                        .param("r", String.valueOf(policeReturn))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);

        // another agency's return, by id: not found for the school's lead
        assertThat(perform(get("/section11/returns/" + policeReturn + "/survey"), DemoAccounts.SCHOOL_LEAD)
                        .getStatus())
                .isEqualTo(404);
        // and the self-score of a return with no survey answers yet is still shown
        String noAnswers = page(get("/section11/returns/" + firstReturn + "/survey"), DemoAccounts.BUSINESS);
        // no answers at all is hidden like any small count (zero too, so a shown figure never means "at least one")
        assertThat(noAnswers)
                .contains("Not scored yet")
                .contains("Members of staff who have answered the survey: fewer than 6.")
                .doesNotContain("No answers");
    }

    @Test
    void onlyTheBusinessTeamOfAPartnershipRunningTheCycleSetsUpAndReadsTheSurvey() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(
                get("/section11/cycles/" + cycle + "/survey"),
                get("/section11/cycles/" + cycle + "/survey/results"),
                post("/section11/cycles/" + cycle + "/survey").with(csrf()),
                post("/section11/cycles/" + cycle + "/survey/links").with(csrf()))) {
            assertThat(perform(request, DemoAccounts.POLICE_LEAD).getStatus()).isEqualTo(403);
            assertThat(perform(request, DemoAccounts.PANEL).getStatus()).isEqualTo(403);
        }
        long medwayCycle = fx.cycle(Section11Fixtures.unique("Medway only cycle"), null, fx.medway());
        assertThat(perform(get("/section11/cycles/" + medwayCycle + "/survey"), DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(
                                post("/section11/cycles/" + medwayCycle + "/survey/links")
                                        .with(csrf()),
                                DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(404);
        // no survey yet: the results page does not exist
        assertThat(perform(get("/section11/cycles/" + cycle + "/survey/results"), DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(404);
    }

    private MockHttpServletResponse setUpSurvey() throws Exception {
        LocalDate today = surveys.today();
        LocalDate closes = today.plusDays(20);
        return perform(
                post("/section11/cycles/" + cycle + "/survey")
                        .with(csrf())
                        .param("opensOn.day", String.valueOf(today.getDayOfMonth()))
                        .param("opensOn.month", String.valueOf(today.getMonthValue()))
                        .param("opensOn.year", String.valueOf(today.getYear()))
                        .param("closesOn.day", String.valueOf(closes.getDayOfMonth()))
                        .param("closesOn.month", String.valueOf(closes.getMonthValue()))
                        .param("closesOn.year", String.valueOf(closes.getYear())),
                DemoAccounts.BUSINESS);
    }

    private Map<Long, SurveyLink> byAgency(long surveyId) {
        return surveys.links(surveyId).stream()
                .collect(java.util.stream.Collectors.toMap(SurveyLink::agencyId, l -> l));
    }

    private static AgencyStandard find(List<AgencyStandard> results, long agency, String code) {
        return results.stream()
                .filter(r -> r.agencyId() == agency && r.standardCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private String page(MockHttpServletRequestBuilder request, String who) throws Exception {
        MockHttpServletResponse response = perform(request, who);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String who) throws Exception {
        return mvc.perform(request.with(SignedIn.as(principals, who)))
                .andReturn()
                .getResponse();
    }
}
