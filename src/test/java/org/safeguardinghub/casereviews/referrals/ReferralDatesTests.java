package org.safeguardinghub.casereviews.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardinghub.casereviews.referrals.ReferralRequests.publicForm;
import static org.safeguardinghub.casereviews.referrals.ReferralRequests.undated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.casereviews.CaseReviewPages;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import testsupport.Await;

/**
 * Dates that start clocks and what the public is asked: a local authority date the calendar cannot count from is
 * refused with a message (never a 500) and the draft keeps what was typed; a member of the public may stay anonymous
 * and is not asked the local authority's date, so their referral's triage clock starts from receipt.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralDatesTests extends CaseReviewPages {

    long district;

    @BeforeEach
    void district() {
        district = jdbc.sql("""
                        select min(d.id) from district d join partnership p on p.id = d.partnership_id
                        where p.short_name = 'KSCMP' and d.archived_at is null""").query(Long.class).single();
    }

    @Test
    void aMemberOfThePublicMayStayAnonymousAndIsNotAskedTheLocalAuthoritysDate() throws Exception {
        String page =
                mvc.perform(get("/notify?p=kscmp")).andReturn().getResponse().getContentAsString();
        assertThat(page)
                .contains("When did you find out about it? (optional)", "Leave this blank if you do not know")
                .contains("Your name (optional)", "Email address (optional)")
                .contains("we cannot tell you what happens next")
                .doesNotContain("Date the local authority became aware");

        String words = "Anonymous account " + UUID.randomUUID();
        LocalDate incident = LocalDate.now().minusDays(3);
        MvcResult result = mvc.perform(undated(publicForm(), "", "", "", district)
                        .param("summary", words)
                        .param("incidentDate.day", String.valueOf(incident.getDayOfMonth()))
                        .param("incidentDate.month", String.valueOf(incident.getMonthValue()))
                        .param("incidentDate.year", String.valueOf(incident.getYear()))
                        // a date the clocks cannot count from, posted anyway: not bound, never a 500
                        .param("laAwareDate.year", "2013"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("select * from referral where incident_summary = :s")
                .param("s", words)
                .query()
                .singleRow();
        assertThat(row.get("notifier_name")).isNull();
        assertThat(row.get("notifier_email")).isNull();
        assertThat(row.get("la_aware_date")).isNull();
        LocalDate due = Await.nonNull(
                () -> jdbc.sql("select due_on from task where source_type = 'referral-triage'" + " and source_id = :id")
                        .param("id", String.valueOf(row.get("id")))
                        .query(LocalDate.class)
                        .optional()
                        .orElse(null));
        assertThat(due).isEqualTo(WorkingDayCalendar.england().addWorkingDays(LocalDate.now(), 5));
    }

    @Test
    void aLocalAuthorityDateBefore2014IsRefusedWithAMessageAndTheDraftKeepsEverythingTyped() throws Exception {
        long id = startDraft(DemoAccounts.SCHOOL_TEACHER);
        String name = "Dana Early " + UUID.randomUUID().toString().substring(0, 8);
        String words = "Typed before the mistake " + UUID.randomUUID();
        MockHttpServletResponse refused = mvc.perform(undated(
                                multipart("/referrals/" + id + "/submit")
                                        .with(SignedIn.as(principals, DemoAccounts.SCHOOL_TEACHER)),
                                name,
                                "dana@example.org",
                                "",
                                district)
                        .param("version", String.valueOf(version(id)))
                        .param("incidentDate.day", "20")
                        .param("incidentDate.month", "12")
                        .param("incidentDate.year", "2013")
                        .param("laAwareDate.day", "23")
                        .param("laAwareDate.month", "12")
                        .param("laAwareDate.year", "2013")
                        .param("summary", words))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("There is a problem", "href=\"#laAwareDate\"")
                .contains("Date the local authority became aware must be on or after 1 January 2014")
                .contains(words, "value=\"2013\"", "value=\"23\"");
        Map<String, Object> draft = jdbc.sql("select * from referral where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat(draft.get("incident_summary")).isEqualTo(words);
        assertThat(draft.get("notifier_name")).isEqualTo(name);
        assertThat(draft.get("la_aware_date").toString()).isEqualTo("2013-12-23");
        // the draft page shows the date again as typed
        assertThat(mvc.perform(get("/referrals/" + id).with(SignedIn.as(principals, DemoAccounts.SCHOOL_TEACHER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(words, "value=\"2013\"");
    }
}
