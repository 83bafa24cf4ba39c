package org.safeguardinghub.casereviews.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.casereviews.CaseReviewPages;
import org.safeguardinghub.casereviews.cases.CaseFixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import testsupport.Await;

/**
 * Agency contributions and access to case records: a request reaches only the agency it is addressed to, whose
 * lead answers it inside the Hub; no one else can open, list or download it, and case detail stays with the
 * business team and panel members.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContributionsTests extends CaseReviewPages {

    static final byte[] PDF = "%PDF-1.4\n% chronology\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theAgencyLeadAnswersARequestAddressedToTheirAgencyAndNoOtherAgencySeesIt() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        long police = CaseFixtures.agency(jdbc, "Kent Police");
        String ref = CaseFixtures.reference();
        LocalDate today = LocalDate.now(clock);
        long referral = CaseFixtures.receivedReferral(jdbc, kent, ref, today);
        notify(referral, today);
        String question = "Please send the chronology of police contact " + UUID.randomUUID();

        var sent = as(
                DemoAccounts.BUSINESS,
                post("/cases/" + referral + "/requests")
                        .param("agencyId", String.valueOf(police))
                        .param("kind", "CHRONOLOGY")
                        .param("question", question));
        assertThat(sent.getStatus()).isEqualTo(302);
        long request = jdbc.sql("select id from agency_request where referral_id = :r")
                .param("r", referral)
                .query(Long.class)
                .single();
        LocalDate due = WorkingDayCalendar.england().addWorkingDays(today, 5);
        String task = Await.nonNull(() -> jdbc.sql("""
                        select assignee_role || ' ' || agency_id || ' ' || due_on || ' ' || title from task
                        where source_type = 'agency-request' and source_id = :s and status = 'OPEN'""")
                .param("s", String.valueOf(request))
                .query(String.class)
                .optional()
                .orElse(null));
        assertThat(task).isEqualTo("AGENCY_LEAD " + police + " " + due + " Send your chronology for " + ref);

        // the police lead sees it, and only the minimum
        assertThat(as(DemoAccounts.POLICE_LEAD, get("/contributions")).getContentAsString())
                .contains(ref, "Chronology");
        String page =
                as(DemoAccounts.POLICE_LEAD, get("/contributions/" + request)).getContentAsString();
        assertThat(page).contains(ref, question).doesNotContain("Infant with unexplained bruising", "Nia Notifier");

        // another agency's lead cannot list, open, answer or download it
        assertThat(as(DemoAccounts.SCHOOL_LEAD, get("/contributions")).getContentAsString())
                .doesNotContain(ref);
        assertThat(as(DemoAccounts.SCHOOL_LEAD, get("/contributions/" + request))
                        .getStatus())
                .isEqualTo(404);
        assertThat(as(
                                DemoAccounts.SCHOOL_LEAD,
                                post("/contributions/" + request).param("response", "x"))
                        .getStatus())
                .isEqualTo(404);

        // an empty answer is refused; a real one is kept with its document
        var empty = as(
                DemoAccounts.POLICE_LEAD, multipart("/contributions/" + request).param("version", "0"));
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Enter your answer");
        var answered = as(
                DemoAccounts.POLICE_LEAD,
                multipart("/contributions/" + request)
                        .file(new MockMultipartFile("document1", "chronology.pdf", "application/pdf", PDF))
                        .param("response", "Three contacts in 2026, summarised in the chronology")
                        .param("version", "0"));
        assertThat(answered.getStatus()).isEqualTo(302);
        Await.nonNull(() -> jdbc.sql("""
                        select status from task where source_type = 'agency-request' and source_id = :s""")
                        .param("s", String.valueOf(request))
                        .query(String.class)
                        .single()
                        .equals("DONE")
                ? "closed"
                : null);
        long document = jdbc.sql("select id from document where owner_type = 'agency-request' and owner_id = :r")
                .param("r", request)
                .query(Long.class)
                .single();
        assertThat(as(DemoAccounts.POLICE_LEAD, get("/contributions/" + request + "/documents/" + document))
                        .getContentAsByteArray())
                .isEqualTo(PDF);
        assertThat(as(DemoAccounts.SCHOOL_LEAD, get("/contributions/" + request + "/documents/" + document))
                        .getStatus())
                .isEqualTo(404);

        // the business team sees the answer on the case
        String casePage = as(DemoAccounts.BUSINESS, get("/cases/" + referral)).getContentAsString();
        assertThat(casePage).contains("Three contacts in 2026", "chronology.pdf", "Answered");
        var download = as(
                DemoAccounts.BUSINESS, get("/cases/" + referral + "/requests/" + request + "/documents/" + document));
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");

        // answering twice is refused
        var again = as(
                DemoAccounts.POLICE_LEAD,
                multipart("/contributions/" + request)
                        .param("response", "again")
                        .param("version", "1"));
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getContentAsString()).contains("This request has already been answered");
        assertThat(jdbc.sql("select response from agency_request where id = :id")
                        .param("id", request)
                        .query(String.class)
                        .single())
                .startsWith("Three contacts");
    }

    @Test
    void caseDetailIsForTheBusinessTeamAndTheReviewsPanelMembersOnly() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        String ref = CaseFixtures.reference();
        LocalDate today = LocalDate.now(clock);
        long referral = CaseFixtures.receivedReferral(jdbc, kent, ref, today);

        assertThat(as(DemoAccounts.PRACTITIONER, get("/cases")).getStatus()).isEqualTo(403);
        assertThat(as(DemoAccounts.SCRUTINEER, get("/cases/" + referral)).getStatus())
                .isEqualTo(403);
        assertThat(as(DemoAccounts.POLICE_LEAD, get("/cases/" + referral)).getStatus())
                .isEqualTo(403);

        // need to know: a panel member reads a case only once they sit on its rapid review (CaseMembershipTests),
        // and a referral still waiting for triage has none
        assertThat(as(DemoAccounts.PANEL, get("/cases/" + referral)).getStatus())
                .isEqualTo(404);
        assertThat(as(DemoAccounts.PANEL, get("/cases/" + referral + "/triage")).getStatus())
                .isEqualTo(403);
        assertThat(as(
                                DemoAccounts.PANEL,
                                dated(post("/cases/" + referral + "/triage"), today)
                                        .param("decision", "DO_NOT_NOTIFY")
                                        .param("reason", "x")
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(jdbc.sql("select status from referral where id = :id")
                        .param("id", referral)
                        .query(String.class)
                        .single())
                .isEqualTo("RECEIVED");
        assertThat(as(DemoAccounts.BUSINESS, get("/cases/" + referral)).getContentAsString())
                .contains("Record triage decision");
    }

    @Test
    void anotherPartnershipsCaseIsNotFound() throws Exception {
        String shortName = "T" + UUID.randomUUID().toString().substring(0, 6);
        long other = jdbc.sql("insert into partnership (name, short_name) values (:n, :s) returning id")
                .param("n", "Test partnership " + shortName)
                .param("s", shortName)
                .query(Long.class)
                .single();
        long referral = CaseFixtures.receivedReferral(jdbc, other, CaseFixtures.reference(), LocalDate.now(clock));
        assertThat(as(DemoAccounts.BUSINESS, get("/cases/" + referral)).getStatus())
                .isEqualTo(404);
        assertThat(as(DemoAccounts.PANEL, get("/cases/" + referral)).getStatus())
                .isEqualTo(404);
        assertThat(as(
                                DemoAccounts.BUSINESS,
                                dated(post("/cases/" + referral + "/triage"), LocalDate.now(clock))
                                        .param("decision", "DO_NOT_NOTIFY")
                                        .param("reason", "x")
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(404);
    }

    private void notify(long referral, LocalDate today) throws Exception {
        var response = as(
                DemoAccounts.BUSINESS,
                dated(dated(post("/cases/" + referral + "/triage"), today), "notifiedOn", today)
                        .param("decision", "NOTIFY")
                        .param("reason", "Criteria met")
                        .param("version", "0"));
        assertThat(response.getStatus()).isEqualTo(302);
    }

    private static MockHttpServletRequestBuilder dated(MockHttpServletRequestBuilder request, LocalDate date) {
        return dated(request, "decidedOn", date);
    }
}
