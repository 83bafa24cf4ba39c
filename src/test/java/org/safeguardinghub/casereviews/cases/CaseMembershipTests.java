package org.safeguardinghub.casereviews.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardinghub.casereviews.cases.CaseWorkTests.LONG;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.casereviews.CaseReviewPages;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Need to know by review membership: a panel member reads a case (the notifier's name and email included) only once
 * the business team has put their Hub account on its rapid review or practice review; the partnership chooses when
 * the rapid review clock starts, and the clock says which.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseMembershipTests extends CaseReviewPages {

    @Test
    void aPanelMemberReadsACaseOnlyOnceTheirAccountIsOnItsRapidReview() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        String ref = CaseFixtures.reference();
        LocalDate today = LocalDate.now(clock);
        long id = CaseFixtures.receivedReferral(jdbc, kent, ref, today);

        // not a member: the case, its documents and its place in the list do not exist for them
        assertThat(as(DemoAccounts.PANEL, get("/cases/" + id)).getStatus()).isEqualTo(404);
        assertThat(as(DemoAccounts.PANEL, get("/cases/" + id + "/documents/1")).getStatus())
                .isEqualTo(404);
        assertThat(as(DemoAccounts.PANEL, get("/cases").param("q", ref)).getContentAsString())
                .doesNotContain("href=\"/cases/" + id + "\"");
        assertThat(as(DemoAccounts.BUSINESS, get("/cases/" + id)).getContentAsString())
                .contains(ref, "Nia Notifier");

        assertThat(as(DemoAccounts.BUSINESS, triage(id, today)).getStatus()).isEqualTo(302);
        assertThat(as(DemoAccounts.PANEL, get("/cases/" + id)).getStatus()).isEqualTo(404);

        // only a panel member's account can be named
        long business = account(DemoAccounts.BUSINESS);
        var wrong = as(DemoAccounts.BUSINESS, member(id, "Bea Business", business));
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString()).contains("Hub account from the list");

        assertThat(as(DemoAccounts.BUSINESS, member(id, "Chris Evans", account(DemoAccounts.PANEL)))
                        .getStatus())
                .isEqualTo(302);
        var page = as(DemoAccounts.PANEL, get("/cases/" + id));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains(ref, "Nia Notifier");
        assertThat(as(DemoAccounts.PANEL, get("/cases").param("q", ref)).getContentAsString())
                .contains("href=\"/cases/" + id + "\"");
    }

    @Test
    void aPanelMemberReadsAPracticeReviewOnlyWhenOnItsPanel() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        String title = "Membership review " + CaseFixtures.reference();
        long review = jdbc.sql("""
                        insert into practice_review (partnership_id, title, review_type, commissioned_on)
                        values (:p, :t, 'LEARNING_REVIEW', :on) returning id""")
                .param("p", kent)
                .param("t", title)
                .param("on", LocalDate.now(clock))
                .query(Long.class)
                .single();
        assertThat(as(DemoAccounts.PANEL, get("/reviews/" + review)).getStatus())
                .isEqualTo(404);
        assertThat(as(DemoAccounts.PANEL, get("/reviews")).getContentAsString()).doesNotContain(title);

        var added = as(
                DemoAccounts.BUSINESS,
                post("/reviews/" + review + "/members")
                        .param("memberName", "Chris Evans")
                        .param("memberUserId", String.valueOf(account(DemoAccounts.PANEL))));
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(as(DemoAccounts.PANEL, get("/reviews/" + review)).getContentAsString())
                .contains(title);
    }

    @Test
    void theRapidReviewClockCountsFromTheStartThePartnershipChose() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        LocalDate today = LocalDate.now(clock);
        LocalDate aware = today.minusDays(7);
        long id = CaseFixtures.receivedReferral(jdbc, kent, CaseFixtures.reference(), aware);
        as(DemoAccounts.BUSINESS, triage(id, today));
        WorkingDayCalendar england = WorkingDayCalendar.england();

        assertThat(as(DemoAccounts.BUSINESS, get("/cases/" + id)).getContentAsString())
                .contains("15 working days from notification, " + today.format(LONG))
                .contains(england.addWorkingDays(today, 15).format(LONG));

        assertThat(as(DemoAccounts.PANEL, get("/cases/settings")).getStatus()).isEqualTo(403);
        assertThat(as(DemoAccounts.PANEL, post("/cases/settings").param("rapidReviewStart", "LA_AWARE"))
                        .getStatus())
                .isEqualTo(403);
        int version = jdbc.sql("select coalesce(max(version), 0) from case_review_setting where partnership_id = :p")
                .param("p", kent)
                .query(Integer.class)
                .single();
        try {
            var saved = as(
                    DemoAccounts.BUSINESS,
                    post("/cases/settings")
                            .param("rapidReviewStart", "LA_AWARE")
                            .param("version", String.valueOf(version)));
            assertThat(saved.getStatus()).isEqualTo(302);
            assertThat(as(DemoAccounts.BUSINESS, get("/cases/" + id)).getContentAsString())
                    .contains("15 working days from the local authority becoming aware, " + aware.format(LONG))
                    .contains(england.addWorkingDays(aware, 15).format(LONG));
            var stale = as(
                    DemoAccounts.BUSINESS,
                    post("/cases/settings")
                            .param("rapidReviewStart", "NOTIFICATION")
                            .param("version", String.valueOf(version)));
            assertThat(stale.getStatus()).isEqualTo(409);
            assertThat(jdbc.sql("""
                            select count(*) from audit_event where record_type = 'case_review_setting'
                              and changes::text like '%LA_AWARE%'""").query(Long.class).single()).isGreaterThanOrEqualTo(1);
        } finally {
            jdbc.sql("update case_review_setting set rapid_review_start = 'NOTIFICATION' where partnership_id = :p")
                    .param("p", kent)
                    .update();
        }
    }

    private AbstractMockHttpServletRequestBuilder<?> triage(long id, LocalDate on) {
        return dated(dated(post("/cases/" + id + "/triage"), "decidedOn", on), "notifiedOn", on)
                .param("decision", "NOTIFY")
                .param("reason", "Meets the criteria")
                .param("version", "0");
    }

    private AbstractMockHttpServletRequestBuilder<?> member(long id, String name, long userId) {
        return post("/cases/" + id + "/rapid-review/members")
                .param("personName", name)
                .param("userId", String.valueOf(userId));
    }

    private long account(String email) {
        return jdbc.sql("select id from app_user where lower(email) = lower(:e)")
                .param("e", email)
                .query(Long.class)
                .single();
    }
}
