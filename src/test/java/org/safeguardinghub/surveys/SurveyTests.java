package org.safeguardinghub.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.surveys.SurveyResults.QuestionResult;
import org.safeguardinghub.surveys.SurveyResults.TagResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Anonymous surveys through their public links, with no one signed in: answering, validation that keeps the answers,
 * closed and unknown links, the honeypot and rate limit, what is stored, and small-number suppression of results.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SurveyTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Surveys surveys;

    @Autowired
    JdbcClient jdbc;

    /** A survey open today with an agree question (tag S2), a yes/no question (S7) and an optional comment. */
    private Created survey(LocalDate opens, LocalDate closes) {
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        String title = "Test survey " + UUID.randomUUID().toString().substring(0, 8);
        long id = surveys.create(new NewSurvey(
                kent,
                title,
                "First paragraph.\n\nSecond paragraph.",
                null,
                null,
                opens,
                closes,
                "Test",
                List.of(
                        new NewSurvey.Question(
                                "DSL", "I know who the safeguarding lead is", "", QuestionKind.LIKERT, "S2", true),
                        new NewSurvey.Question(
                                "ESC",
                                "I know about the escalation policy",
                                "The multi-agency one",
                                QuestionKind.YES_NO_DONT_KNOW,
                                "S7",
                                true),
                        new NewSurvey.Question(
                                "COMMENTS", "Anything else?", "", QuestionKind.FREE_TEXT, null, false))));
        SurveyLink link = surveys.addLink(id, "Test agency staff", null);
        List<SurveyQuestion> questions = surveys.questions(id);
        return new Created(id, title, link, questions.get(0), questions.get(1), questions.get(2));
    }

    private Created openSurvey() {
        LocalDate today = surveys.today();
        return survey(today.minusDays(1), today.plusDays(10));
    }

    record Created(
            long id, String title, SurveyLink link, SurveyQuestion dsl, SurveyQuestion esc, SurveyQuestion text) {}

    @Test
    void aMemberOfStaffAnswersThroughThePublicLinkWithoutSigningIn() throws Exception {
        Created s = openSurvey();
        assertThat(s.link().token()).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");

        MockHttpServletResponse form = perform(get(s.link().path()));
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(body(form))
                .contains(s.title())
                .contains("<title>" + s.title() + " – Safeguarding Partnership Hub</title>")
                .contains("Second paragraph.")
                .contains("This survey is anonymous")
                .contains("name=\"_csrf\"")
                .contains("name=\"" + s.dsl().fieldName() + "\"")
                .contains("Strongly agree")
                .contains("I do not know");

        String address = address();
        MockHttpServletResponse sent = perform(post(s.link().path())
                .with(csrf())
                .with(from(address))
                .param(s.dsl().fieldName(), "AGREE")
                .param(s.esc().fieldName(), "DONT_KNOW")
                .param(s.text().fieldName(), "More training please"));
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(sent.getRedirectedUrl()).isEqualTo(s.link().path() + "/thanks");
        assertThat(body(perform(get(s.link().path() + "/thanks")))).contains("Thank you for your answers");

        assertThat(responses(s.id())).isEqualTo(1);
        Map<Long, String> stored =
                jdbc
                        .sql("""
                        select a.question_id, a.value from survey_answer a join survey_response r on r.id = a.response_id
                        where r.survey_id = :s""")
                        .param("s", s.id())
                        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                        .list()
                        .stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(stored)
                .containsEntry(s.dsl().id(), "AGREE")
                .containsEntry(s.esc().id(), "DONT_KNOW")
                .containsEntry(s.text().id(), "More training please");
        // the answer is not written to the audit trail, which would keep the sender's address
        assertThat(jdbc.sql("select count(*) from audit_event where source_address = :a")
                        .param("a", address)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void storedResponsesHoldOnlyTheDateAndTheAnswers() throws Exception {
        assertThat(columns("survey_response")).containsExactlyInAnyOrder("id", "survey_id", "link_id", "submitted_on");
        assertThat(columns("survey_answer")).containsExactlyInAnyOrder("response_id", "question_id", "value");
        assertThat(jdbc.sql("""
                        select data_type from information_schema.columns
                        where table_name = 'survey_response' and column_name = 'submitted_on'""").query(String.class).single()).isEqualTo("date");

        Created s = openSurvey();
        perform(post(s.link().path())
                .with(csrf())
                .with(from(address()))
                .header("User-Agent", "Test browser")
                .param(s.dsl().fieldName(), "STRONGLY_AGREE")
                .param(s.esc().fieldName(), "YES"));
        assertThat(jdbc.sql("select submitted_on from survey_response where survey_id = :s")
                        .param("s", s.id())
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(surveys.today());
    }

    @Test
    void missingRequiredAnswersAreRefusedWith422AndTheGivenAnswersKept() throws Exception {
        Created s = openSurvey();
        MockHttpServletResponse refused = perform(post(s.link().path())
                .with(csrf())
                .with(from(address()))
                .param(s.dsl().fieldName(), "DISAGREE")
                .param(s.text().fieldName(), "Kept comment"));
        assertThat(refused.getStatus()).isEqualTo(422);
        String html = body(refused);
        assertThat(html)
                .contains("There is a problem")
                .contains("href=\"#" + s.esc().fieldName() + "\"")
                .contains("Select yes, no or I do not know for ‘I know about the escalation policy’")
                .contains("<title>Error: " + s.title())
                .contains("Kept comment")
                .containsPattern("value=\"DISAGREE\"\\s+checked=\"checked\"");
        assertThat(responses(s.id())).isZero();

        MockHttpServletResponse bad = perform(post(s.link().path())
                .with(csrf())
                .with(from(address()))
                .param(s.dsl().fieldName(), "MAYBE")
                .param(s.esc().fieldName(), "YES")
                .param(s.text().fieldName(), "x".repeat(QuestionKind.MAX_TEXT + 1)));
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(body(bad))
                .contains("Select one of the answers offered for ‘I know who the safeguarding lead is’")
                .contains("must be 2,000 characters or fewer");
        assertThat(responses(s.id())).isZero();
    }

    @Test
    void anUnknownTokenIsNotFound() throws Exception {
        assertThat(perform(get("/survey/no-such-token-" + UUID.randomUUID())).getStatus())
                .isEqualTo(404);
        assertThat(perform(post("/survey/no-such-token-" + UUID.randomUUID())
                                .with(csrf())
                                .with(from(address())))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/survey/no-such-token/thanks")).getStatus()).isEqualTo(404);
    }

    @Test
    void aClosedOrNotYetOpenSurveyShowsAFriendlyPageAndStoresNothing() throws Exception {
        LocalDate today = surveys.today();
        Created closed = survey(today.minusDays(20), today.minusDays(1));
        MockHttpServletResponse page = perform(get(closed.link().path()));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(body(page)).contains("This survey has closed").doesNotContain("Send your answers");

        MockHttpServletResponse posted = perform(post(closed.link().path())
                .with(csrf())
                .with(from(address()))
                .param(closed.dsl().fieldName(), "AGREE")
                .param(closed.esc().fieldName(), "YES"));
        assertThat(body(posted)).contains("This survey has closed").contains("have not been kept");
        assertThat(responses(closed.id())).isZero();

        Created later = survey(today.plusDays(3), today.plusDays(30));
        assertThat(body(perform(get(later.link().path())))).contains("This survey is not open yet");
        perform(post(later.link().path())
                .with(csrf())
                .with(from(address()))
                .param(later.dsl().fieldName(), "AGREE")
                .param(later.esc().fieldName(), "YES"));
        assertThat(responses(later.id())).isZero();
    }

    @Test
    void aRobotFillingTheHiddenFieldIsThankedButNothingIsStored() throws Exception {
        Created s = openSurvey();
        MockHttpServletResponse sent = perform(post(s.link().path())
                .with(csrf())
                .with(from(address()))
                .param(s.dsl().fieldName(), "AGREE")
                .param(s.esc().fieldName(), "YES")
                .param("website", "http://spam.example"));
        assertThat(sent.getRedirectedUrl()).isEqualTo(s.link().path() + "/thanks");
        assertThat(responses(s.id())).isZero();
    }

    @Test
    void oneAddressPostingTooOftenIsSlowedDown() throws Exception {
        Created s = openSurvey();
        String address = address();
        for (int i = 0; i < 60; i++) {
            perform(post(s.link().path()).with(csrf()).with(from(address)).param("website", "robot"));
        }
        MockHttpServletResponse limited = perform(post(s.link().path())
                .with(csrf())
                .with(from(address))
                .param(s.dsl().fieldName(), "AGREE")
                .param(s.esc().fieldName(), "YES"));
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(body(limited)).contains("Too many answers").containsPattern("value=\"AGREE\"\\s+checked");
        assertThat(responses(s.id())).isZero();
        // another address is not affected
        perform(post(s.link().path())
                .with(csrf())
                .with(from(address()))
                .param(s.dsl().fieldName(), "AGREE")
                .param(s.esc().fieldName(), "YES"));
        assertThat(responses(s.id())).isEqualTo(1);
    }

    /** Before: a script sent 30 answers in 2.2 s from one client and all 30 were counted. */
    @Test
    void aScriptSendingThirtyAnswersFromOneClientGetsOnlyAFewCounted() throws Exception {
        Created s = openSurvey();
        // the same browser, cookie kept: one answer counts, the others are refused as already sent
        String browser = address();
        jakarta.servlet.http.Cookie cookie =
                perform(get(s.link().path()).with(from(browser))).getCookie("HUB_SURVEY");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        int conflicts = 0;
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            MockHttpServletResponse sent = perform(answer(s).with(from(browser)).cookie(cookie));
            conflicts += sent.getStatus() == 409 ? 1 : 0;
            limited += sent.getStatus() == 429 ? 1 : 0;
        }
        assertThat(responses(s.id())).isEqualTo(1);
        // refused as already answered until the per-minute limit of the address (10 posts) refuses the rest
        assertThat(conflicts + limited).isEqualTo(29);
        assertThat(conflicts).isGreaterThanOrEqualTo(9);
        assertThat(limited).isGreaterThanOrEqualTo(15);
        MockHttpServletResponse again = perform(answer(s).with(from(address())).cookie(cookie));
        assertThat(body(again)).contains("already been sent from this browser");

        // a script that keeps no cookie: a stricter limit for its address
        Created s2 = openSurvey();
        String script = address();
        for (int i = 0; i < 30; i++) {
            perform(answer(s2).with(from(script)));
        }
        assertThat(responses(s2.id())).isEqualTo(5);

        // a script that fetches a fresh cookie every time: at most 10 a minute from one address
        Created s3 = openSurvey();
        String fresh = address();
        for (int i = 0; i < 30; i++) {
            jakarta.servlet.http.Cookie each =
                    perform(get(s3.link().path()).with(from(fresh))).getCookie("HUB_SURVEY");
            perform(answer(s3).with(from(fresh)).cookie(each));
        }
        // 10 a minute (a token comes back every 6 s, so a slow run may let one or two more in)
        assertThat(responses(s3.id())).isBetween(10L, 12L);
    }

    private MockHttpServletRequestBuilder answer(Created s) {
        return post(s.link().path())
                .with(csrf())
                .param(s.dsl().fieldName(), "AGREE")
                .param(s.esc().fieldName(), "YES");
    }

    @Test
    void resultsCountAnswersPerLinkAndTagAndSuppressSmallNumbers() {
        Created s = openSurvey();
        SurveyLink small = surveys.addLink(s.id(), "Small team", null);
        LocalDate today = surveys.today();
        // the first link: 7 people; 5 agree or strongly agree, 1 disagrees, 1 says it does not apply
        List<String> dsl =
                List.of("AGREE", "AGREE", "STRONGLY_AGREE", "AGREE", "STRONGLY_AGREE", "DISAGREE", "NOT_APPLICABLE");
        List<String> esc = List.of("YES", "NO", "NO", "DONT_KNOW", "YES", "NO", "NO");
        for (int i = 0; i < dsl.size(); i++) {
            surveys.record(s.link().id(), Map.of("DSL", dsl.get(i), "ESC", esc.get(i)), today);
        }
        // the small team: 3 people, all positive
        for (int i = 0; i < 3; i++) {
            surveys.record(small.id(), Map.of("DSL", "AGREE", "ESC", "YES"), today);
        }
        // a second small team, so two links are hidden and neither can be worked out from the total
        SurveyLink tiny = surveys.addLink(s.id(), "Tiny team", null);
        for (int i = 0; i < 2; i++) {
            surveys.record(tiny.id(), Map.of("DSL", "DISAGREE", "ESC", "NO"), today);
        }

        SurveyResults results = surveys.results(s.id());
        assertThat(results.suppressedText()).isEqualTo("fewer than 6");

        QuestionResult big = results.question(s.link().id(), s.dsl().id()).orElseThrow();
        assertThat(big.suppressed()).isFalse();
        assertThat(big.answered()).isEqualTo(6); // "does not apply" left out
        assertThat(big.notApplicable()).isEqualTo(1);
        assertThat(big.positive()).isEqualTo(5);
        assertThat(big.counts()).containsEntry("AGREE", 3L).containsEntry("STRONGLY_AGREE", 2L);
        // published through the shared rule: 6 answered is shown as 10, 5 positive is hidden, so no percentage
        assertThat(results.answeredText(big)).isEqualTo("10");
        assertThat(results.positiveText(big)).isEqualTo("fewer than 6");
        assertThat(results.percentText(big)).isEqualTo("fewer than 6 positive");

        QuestionResult escalation =
                results.question(s.link().id(), s.esc().id()).orElseThrow();
        assertThat(escalation.answered()).isEqualTo(7);
        assertThat(results.answeredText(escalation)).isEqualTo("10");
        assertThat(results.percentText(escalation)).isEqualTo("fewer than 6 positive"); // 2 of 7

        QuestionResult hidden = results.question(small.id(), s.dsl().id()).orElseThrow();
        assertThat(hidden.suppressed()).isTrue();
        assertThat(hidden.counts()).isEmpty();
        assertThat(hidden.positive()).isZero();
        assertThat(hidden.percentPositive()).isEmpty();
        assertThat(results.percentText(hidden)).isEqualTo("fewer than 6");
        assertThat(results.answeredText(hidden)).isEqualTo("fewer than 6");

        QuestionResult all = results.question(null, s.dsl().id()).orElseThrow();
        assertThat(all.suppressed()).isFalse();
        assertThat(all.answered()).isEqualTo(11);
        assertThat(all.positive()).isEqualTo(8);
        assertThat(results.answeredText(all)).isEqualTo("10"); // 11, rounded on its own
        assertThat(results.positiveText(all)).isEqualTo("10"); // 8
        assertThat(results.question(tiny.id(), s.dsl().id()).orElseThrow().suppressed())
                .isTrue();

        TagResult s7 = results.tag(s.link().id(), "S7").orElseThrow();
        assertThat(s7.respondents()).isEqualTo(7);
        assertThat(s7.positive()).isEqualTo(2);
        assertThat(results.respondentsText(s7)).isEqualTo("10");
        assertThat(results.tag(small.id(), "S7").orElseThrow().suppressed()).isTrue();
        TagResult s7All = results.tag(null, "S7").orElseThrow();
        assertThat(s7All.respondents()).isEqualTo(12);
        assertThat(s7All.positive()).isEqualTo(5);
        assertThat(results.respondentsText(s7All)).isEqualTo("10");
        assertThat(results.tags()).containsExactly("S2", "S7");
        assertThat(results.links()).extracting(SurveyLink::responses).containsExactlyInAnyOrder(7L, 3L, 2L);
    }

    private Set<String> columns(String table) {
        return Set.copyOf(jdbc.sql("select column_name from information_schema.columns where table_name = :t")
                .param("t", table)
                .query(String.class)
                .list());
    }

    private long responses(long surveyId) {
        return jdbc.sql("select count(*) from survey_response where survey_id = :s")
                .param("s", surveyId)
                .query(Long.class)
                .single();
    }

    /** A fresh network address, so the per-address limit of one test never touches another. */
    private static String address() {
        int n = ADDRESSES.getAndIncrement();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
