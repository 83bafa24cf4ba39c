package org.safeguardinghub.casereviews.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.casereviews.CaseReviewPages;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import testsupport.Await;

/**
 * Triage, national notification and the rapid review on PostgreSQL: decisions move the case on, start and stop the
 * statutory clocks, feed the home task list, and are refused when they break the rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseWorkTests extends CaseReviewPages {

    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Test
    void notifyingStartsTheFifteenWorkingDayRapidReviewAndMovesTheTasksOn() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        String ref = CaseFixtures.reference();
        LocalDate today = LocalDate.now(clock);
        long id = CaseFixtures.receivedReferral(jdbc, kent, ref, today);
        raiseTriageTask(kent, id, ref);

        var page = as(DemoAccounts.BUSINESS, get("/cases/" + id));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains(ref, "National panel notification", "Under 1", "White British", "Kent Police")
                .contains(WorkingDayCalendar.england().addWorkingDays(today, 5).format(LONG));

        var saved = as(DemoAccounts.BUSINESS, triage(id, "NOTIFY", today, today, "Meets the criteria", 0));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select status || '/' || national_decision_by from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("RAPID_REVIEW/" + displayName(DemoAccounts.BUSINESS));
        long rapidReview = jdbc.sql("select id from rapid_review where referral_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();

        LocalDate due = WorkingDayCalendar.england().addWorkingDays(today, 15);
        String task = Await.nonNull(() -> jdbc.sql("""
                        select assignee_role || ' ' || due_on || ' ' || link from task
                        where source_type = 'rapid-review' and source_id = :s and status = 'OPEN'""")
                .param("s", String.valueOf(rapidReview))
                .query(String.class)
                .optional()
                .orElse(null));
        assertThat(task).isEqualTo("BUSINESS_TEAM " + due + " /cases/" + id);
        Await.nonNull(() -> "DONE".equals(taskStatus("referral-triage", id)) ? "closed" : null);
        String home = as(DemoAccounts.BUSINESS, get("/")).getContentAsString();
        assertThat(home).contains("Complete the rapid review for " + ref);

        String after = as(DemoAccounts.BUSINESS, get("/cases/" + id)).getContentAsString();
        assertThat(after)
                .contains("Rapid review sent to national panel", due.format(LONG), "Notify the national panel");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where action = 'READ_SENSITIVE' and record_type = 'referral'
                          and record_id = :id""")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where action = 'UPDATE' and record_type = 'referral'
                          and record_id = :id and changes::text like '%RAPID_REVIEW%'""")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** A rule of the referral refuses the change: the same form, 422, the rule's message and everything typed. */
    @Test
    void withdrawingANotificationIsRefusedOnTheTriageFormWithTheInputKept() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        String ref = CaseFixtures.reference();
        LocalDate today = LocalDate.now(clock);
        long id = CaseFixtures.receivedReferral(jdbc, kent, ref, today);
        assertThat(as(DemoAccounts.BUSINESS, triage(id, "NOTIFY", today, today, "Meets the criteria", 0))
                        .getStatus())
                .isEqualTo(302);

        String typed = "On reflection the local review is enough for " + ref;
        var refused = as(DemoAccounts.BUSINESS, triage(id, "DO_NOT_NOTIFY", today, null, typed, 1));

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("govuk-error-summary")
                .contains("This incident was notified to the national panel; a notification cannot be withdrawn")
                .contains(">" + typed + "</textarea>")
                .containsPattern("value=\"DO_NOT_NOTIFY\"\\s+checked");
        assertThat(jdbc.sql("select status || '|' || national_decision from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("RAPID_REVIEW|NOTIFY");
    }

    @Test
    void triageNeedsARationaleAndTheNotificationDateAndRefusesAStaleVersion() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        LocalDate today = LocalDate.now(clock);
        long id = CaseFixtures.receivedReferral(jdbc, kent, CaseFixtures.reference(), today);

        var invalid = as(DemoAccounts.BUSINESS, triage(id, "NOTIFY", today, null, "", 0));
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getContentAsString())
                .contains(
                        "There is a problem",
                        "Enter the rationale for the decision",
                        "Enter the date the national panel was notified");

        var future = as(DemoAccounts.BUSINESS, triage(id, "DO_NOT_NOTIFY", today.plusDays(1), null, "why", 0));
        assertThat(future.getStatus()).isEqualTo(422);
        assertThat(future.getContentAsString()).contains("Decision date must be today or in the past");

        assertThat(as(DemoAccounts.BUSINESS, triage(id, "DO_NOT_NOTIFY", today, null, "Below threshold", 0))
                        .getStatus())
                .isEqualTo(302);
        var stale = as(DemoAccounts.BUSINESS, triage(id, "NOTIFY", today, today, "Changed my mind", 0));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("changed by someone else", "Below threshold");
        assertThat(jdbc.sql("select status from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("LOCAL_CONSIDERATION");
    }

    @Test
    void theLocalRouteAsksThePracticeReviewGroupAndANoReviewDecisionClosesTheCase() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        String ref = CaseFixtures.reference();
        LocalDate today = LocalDate.now(clock);
        long id = CaseFixtures.receivedReferral(jdbc, kent, ref, today);
        as(DemoAccounts.BUSINESS, triage(id, "DO_NOT_NOTIFY", today, null, "Below threshold", 0));
        Await.nonNull(() -> "OPEN".equals(taskStatus("local-decision", id)) ? "raised" : null);
        assertThat(as(DemoAccounts.BUSINESS, get("/")).getContentAsString())
                .contains("Practice review group to decide on a local review for " + ref);

        var decided = as(
                DemoAccounts.BUSINESS,
                dated(post("/cases/" + id + "/local-decision"), "decidedOn", today)
                        .param("decision", "NO_REVIEW")
                        .param("reason", "Single-agency learning only")
                        .param("version", "1"));
        assertThat(decided.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select status || ' ' || closed_on from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("CLOSED " + today);
        Await.nonNull(() -> "DONE".equals(taskStatus("local-decision", id)) ? "closed" : null);
    }

    @Test
    void aRapidReviewRecordsNoOutcomeBeforeItsMeetingAndIsSentOnlyWithOne() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        LocalDate today = LocalDate.now(clock);
        long id = CaseFixtures.receivedReferral(jdbc, kent, CaseFixtures.reference(), today.minusDays(3));
        as(DemoAccounts.BUSINESS, triage(id, "NOTIFY", today.minusDays(2), today.minusDays(2), "Criteria met", 0));
        long rapidReview = jdbc.sql("select id from rapid_review where referral_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();

        var tooEarly = as(DemoAccounts.BUSINESS, outcome(id, "LCSPR", today, 0));
        assertThat(tooEarly.getStatus()).isEqualTo(422);
        assertThat(tooEarly.getContentAsString())
                .contains("Record the date of the rapid review meeting before its outcome");
        var notYet = as(
                DemoAccounts.BUSINESS,
                dated(post("/cases/" + id + "/rapid-review/send"), "sentOn", today)
                        .param("version", "0"));
        assertThat(notYet.getStatus()).isEqualTo(422);
        assertThat(notYet.getContentAsString()).contains("Record the outcome of the rapid review before sending it");

        assertThat(as(
                                DemoAccounts.BUSINESS,
                                dated(post("/cases/" + id + "/rapid-review/meeting"), "meetingOn", today)
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(as(
                                DemoAccounts.BUSINESS,
                                post("/cases/" + id + "/rapid-review/members")
                                        .param("personName", "Dr Ada Nurse")
                                        .param("role", "Designated nurse")
                                        .param("agencyId", String.valueOf(CaseFixtures.agency(jdbc, "Kent Police"))))
                        .getStatus())
                .isEqualTo(302);
        var before = as(DemoAccounts.BUSINESS, outcome(id, "LCSPR", today.minusDays(1), 1));
        assertThat(before.getContentAsString())
                .contains("The outcome cannot be recorded before the rapid review meeting");
        var other = as(DemoAccounts.BUSINESS, outcome(id, "OTHER_REVIEW", today, 1));
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentAsString()).contains("Select the type of review");

        assertThat(as(DemoAccounts.BUSINESS, outcome(id, "LCSPR", today, 1)).getStatus())
                .isEqualTo(302);
        assertThat(as(
                                DemoAccounts.BUSINESS,
                                dated(post("/cases/" + id + "/rapid-review/send"), "sentOn", today)
                                        .param("version", "2"))
                        .getStatus())
                .isEqualTo(302);
        Await.nonNull(() -> "DONE".equals(taskStatus("rapid-review", rapidReview)) ? "closed" : null);
        String page = as(DemoAccounts.BUSINESS, get("/cases/" + id)).getContentAsString();
        assertThat(page)
                .contains("Dr Ada Nurse", "Local child safeguarding practice review commissioned", "Met")
                .contains("Commission a practice review", "/reviews/new?referral=" + id)
                .contains("/learning/recommendations/new?source=RAPID_REVIEW&amp;sourceId=" + rapidReview);
    }

    @Test
    void learningThemesAreTaggedOnTheReferral() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        long id = CaseFixtures.receivedReferral(jdbc, kent, CaseFixtures.reference(), LocalDate.now(clock));
        long theme = jdbc.sql("select id from learning_theme where name = 'Safer sleeping'")
                .query(Long.class)
                .single();
        assertThat(as(DemoAccounts.BUSINESS, post("/cases/" + id + "/themes").param("themeIds", String.valueOf(theme)))
                        .getStatus())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from case_theme where owner_type = 'REFERRAL' and owner_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(as(DemoAccounts.BUSINESS, get("/cases/" + id)).getContentAsString())
                .contains("Safer sleeping");
    }

    @Test
    void overdueClocksAreListedAndFiltered() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        String late = CaseFixtures.reference();
        String fresh = CaseFixtures.reference();
        LocalDate today = LocalDate.now(clock);
        CaseFixtures.receivedReferral(jdbc, kent, late, today.minusDays(30));
        CaseFixtures.receivedReferral(jdbc, kent, fresh, today);

        String overdue = as(DemoAccounts.BUSINESS, get("/cases/overdue").param("page", "1"))
                .getContentAsString();
        // the list may be long in a shared database: page through it
        StringBuilder all = new StringBuilder(overdue);
        for (int p = 2; p <= 20 && !all.toString().contains(late); p++) {
            all.append(as(DemoAccounts.BUSINESS, get("/cases/overdue").param("page", String.valueOf(p)))
                    .getContentAsString());
        }
        assertThat(all.toString())
                .contains(late, "Decision on national notification")
                .doesNotContain(fresh);

        String filtered = as(
                        DemoAccounts.BUSINESS, get("/cases").param("q", late).param("overdue", "true"))
                .getContentAsString();
        assertThat(filtered).contains(late, "Overdue");
        assertThat(as(DemoAccounts.BUSINESS, get("/cases").param("q", fresh).param("overdue", "true"))
                        .getContentAsString())
                .doesNotContain(fresh + "</a>")
                .contains("No cases match your filters");
        assertThat(as(DemoAccounts.BUSINESS, get("/cases").param("q", fresh)).getContentAsString())
                .contains(fresh, "Received, awaiting triage", "On track");
    }

    // ---- helpers ----

    private MockHttpServletRequestBuilder triage(
            long id, String decision, LocalDate decided, LocalDate notified, String reason, int version) {
        MockHttpServletRequestBuilder post = dated(post("/cases/" + id + "/triage"), "decidedOn", decided)
                .param("decision", decision)
                .param("reason", reason)
                .param("version", String.valueOf(version));
        return notified == null ? post : dated(post, "notifiedOn", notified);
    }

    private MockHttpServletRequestBuilder outcome(long id, String outcome, LocalDate completed, int version) {
        return dated(post("/cases/" + id + "/rapid-review/outcome"), "completedOn", completed)
                .param("outcome", outcome)
                .param("reason", "Rationale for " + outcome)
                .param("version", String.valueOf(version));
    }

    private String displayName(String email) {
        return jdbc.sql("select display_name from app_user where lower(email) = lower(:e)")
                .param("e", email)
                .query(String.class)
                .single();
    }

    private void raiseTriageTask(long partnership, long id, String ref) {
        jdbc.sql("""
                        insert into task (partnership_id, assignee_role, title, link, source_type, source_id)
                        values (:p, 'BUSINESS_TEAM', :title, :link, 'referral-triage', :s)""")
                .param("p", partnership)
                .param("title", "Triage referral " + ref)
                .param("link", "/cases/" + id)
                .param("s", String.valueOf(id))
                .update();
    }

    private String taskStatus(String sourceType, long sourceId) {
        return jdbc.sql("select status from task where source_type = :t and source_id = :s limit 1")
                .param("t", sourceType)
                .param("s", String.valueOf(sourceId))
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
