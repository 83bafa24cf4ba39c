package org.safeguardinghub.performance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import testsupport.Await;

/**
 * The tasks a data return gives people through its rounds: the agency's to send it, the business team's to review
 * it once submitted, the agency's again when it is sent back, the business team's again when it is resubmitted;
 * and a review task for a return that is submitted without one (loaded data), from the daily chase.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReturnTasksTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataReturns returns;

    @Autowired
    ReviewChasing reviews;

    ReturnFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ReturnFixtures(jdbc, principals);
    }

    @Test
    void eachRoundOfAReturnOpensTheTaskOfWhoeverHasToActNext() throws Exception {
        long agency = fx.newAgency();
        String item = fx.item(agency, true, null);
        returns.chase(fx.kent());
        Period latest = Period.containing(Frequency.MONTHLY, LocalDate.now()).previous();
        long id = jdbc.sql("select id from data_return where agency_id = :a and period_end = :e")
                .param("a", agency)
                .param("e", latest.end())
                .query(Long.class)
                .single();
        awaitTask(id, DataReturns.TASK, "OPEN");

        submit(id, item, "5");
        awaitTask(id, DataReturns.REVIEW_TASK, "OPEN");
        awaitTask(id, DataReturns.TASK, "DONE");

        MockHttpServletResponse back = perform(post("/returns/" + id + "/send-back")
                .param("version", String.valueOf(fx.version(id)))
                .param("comment", "Please check the figure"));
        assertThat(back.getStatus()).isEqualTo(302);
        awaitTask(id, DataReturns.REVIEW_TASK, "DONE");
        // the agency's task to send it, closed when they submitted, is theirs again
        awaitTask(id, DataReturns.TASK, "OPEN");

        submit(id, item, "6");
        // and the business team's review task, closed when they sent it back, is theirs again
        awaitTask(id, DataReturns.REVIEW_TASK, "OPEN");
        awaitTask(id, DataReturns.TASK, "DONE");
        assertThat(page(get("/"))).contains("href=\"/returns/" + id + "\"");
    }

    @Test
    void aReturnSubmittedWithoutAReviewTaskGetsOneFromTheDailyChase() throws Exception {
        long agency = fx.newAgency();
        fx.item(agency, true, null);
        LocalDate month = LocalDate.of(2024, 3, 31);
        OffsetDateTime submittedAt = OffsetDateTime.of(2024, 4, 3, 10, 0, 0, 0, ZoneOffset.UTC);
        // as the demo loads it: submitted, with no event and so no task
        long id = jdbc.sql("""
                        insert into data_return (partnership_id, agency_id, frequency, period_start, period_end,
                                                 due_on, status, submitted_at, submitted_by_name)
                        values (:p, :a, 'MONTHLY', :s, :e, :due, 'SUBMITTED', :at, 'Agency lead')
                        returning id""")
                .param("p", fx.kent())
                .param("a", agency)
                .param("s", month.withDayOfMonth(1))
                .param("e", month)
                .param("due", month.plusDays(15))
                .param("at", submittedAt)
                .query(Long.class)
                .single();
        assertThat(fx.taskStatus(id, DataReturns.REVIEW_TASK)).isNull();

        reviews.chase(fx.kent());
        awaitTask(id, DataReturns.REVIEW_TASK, "OPEN");
        assertThat(jdbc.sql("select title || '|' || due_on || '|' || assignee_role from task"
                                + " where source_type = :t and source_id = :s")
                        .param("t", DataReturns.REVIEW_TASK)
                        .param("s", String.valueOf(id))
                        .query(String.class)
                        .single())
                .isEqualTo("Review " + DataReturns.possessive(fx.agencyName(agency)) + " data return for "
                        + Period.endingOn(Frequency.MONTHLY, month).label() + "|"
                        + WorkingDayCalendar.england().addWorkingDays(LocalDate.of(2024, 4, 3), 5)
                        + "|BUSINESS_TEAM");

        // done by hand, it stays done when the chase comes round again
        jdbc.sql("update task set status = 'DONE', completed_at = now() where source_type = :t and source_id = :s")
                .param("t", DataReturns.REVIEW_TASK)
                .param("s", String.valueOf(id))
                .update();
        reviews.chase(fx.kent());
        Thread.sleep(1000);
        assertThat(fx.taskStatus(id, DataReturns.REVIEW_TASK)).isEqualTo("DONE");
    }

    @Test
    void theBusinessTeamIsAskedToReviewTheDemosSubmittedReturn() throws Exception {
        java.util.List<Long> submitted = jdbc.sql("""
                        select r.id from data_return r join agency a on a.id = r.agency_id
                        where a.name = 'Kent County Council' and r.status = 'SUBMITTED'
                          and r.submitted_by_name = 'Demo data'""").query(Long.class).list();
        assertThat(submitted).as("the demo's submitted return").isNotEmpty();
        for (long id : submitted) {
            awaitTask(id, DataReturns.REVIEW_TASK, "OPEN");
        }
        String home = page(get("/"));
        for (long id : submitted) {
            assertThat(home).contains("href=\"/returns/" + id + "\"");
        }
    }

    @Test
    void theDataReturnsListHasItsOwnTitle() throws Exception {
        assertThat(page(get("/returns")))
                .contains("<title>Data returns – Safeguarding Partnership Hub</title>")
                .doesNotContain("<title>true");
    }

    void awaitTask(long id, String type, String status) throws Exception {
        Await.nonNull(() -> status.equals(fx.taskStatus(id, type)) ? true : null);
    }

    void submit(long id, String item, String value) throws Exception {
        MockHttpServletResponse r = perform(post("/returns/" + id + "/submit")
                .param("version", String.valueOf(fx.version(id)))
                .param("value|" + item + "||", value));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = perform(request);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }
}
