package org.safeguardinghub.casereviews.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.casereviews.CaseReviewPages;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import testsupport.Await;

/**
 * Practice reviews on the real database: commissioning from a referral, panel meetings with their papers, agency
 * report requests that reach the agency lead's task list, the publication rules, the audit of every read, and who
 * may see a review at all.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PracticeReviewPagesTests extends CaseReviewPages {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Test
    void commissioningFromAReferralMovesItOnAndGivesTheBusinessTeamAPublicationTask() throws Exception {
        long kent = partnership("KSCMP");
        String reference = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
        long referral = jdbc.sql("""
                        insert into referral (partnership_id, reference, status, source, submitted_at)
                        values (:p, :ref, 'RECEIVED', 'SIGNED_IN', now()) returning id""")
                .param("p", kent)
                .param("ref", reference)
                .query(Long.class)
                .single();

        String form = page(get("/reviews/new?type=LCSPR&referral=" + referral), DemoAccounts.BUSINESS);
        assertThat(form).contains(reference).contains("Commission a practice review");

        String title = "Child " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate commissioned = LocalDate.now(clock).minusDays(3);
        MockHttpServletResponse created = mvc.perform(post("/reviews/new")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("referralId", String.valueOf(referral))
                        .param("title", title)
                        .param("reviewType", "LCSPR")
                        .param("commissionedOn.day", String.valueOf(commissioned.getDayOfMonth()))
                        .param("commissionedOn.month", String.valueOf(commissioned.getMonthValue()))
                        .param("commissionedOn.year", String.valueOf(commissioned.getYear()))
                        .param("reviewers", "Independent Reviewer")
                        .param("termsOfReference", "Agency involvement in the year before the incident"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        long id = reviewId(title);
        assertThat(created.getRedirectedUrl()).isEqualTo("/reviews/" + id);

        assertThat(jdbc.sql("select status from referral where id = :id")
                        .param("id", referral)
                        .query(String.class)
                        .single())
                .isEqualTo("REVIEW_COMMISSIONED");
        assertThat(jdbc.sql("select referral_id from practice_review where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(referral);
        String due = Await.nonNull(() -> jdbc.sql("""
                        select due_on::text from task where source_type = 'practice-review' and source_id = :id
                        and assignee_role = 'BUSINESS_TEAM' and status = 'OPEN'""")
                .param("id", String.valueOf(id))
                .query(String.class)
                .optional()
                .orElse(null));
        assertThat(due).isEqualTo(commissioned.plusMonths(6).toString());
        assertThat(page(get("/"), DemoAccounts.BUSINESS)).contains("Publish practice review " + title);

        String show = page(get("/reviews/" + id), DemoAccounts.BUSINESS);
        assertThat(show).contains(title).contains(reference).contains("On track");
    }

    @Test
    void aPanelMeetingKeepsItsAgendaWhichDownloadsOnlyUnderItsOwnMeeting() throws Exception {
        long id = commission("Meeting");
        LocalDate today = LocalDate.now(clock);
        MockHttpServletResponse saved = mvc.perform(multipart("/reviews/" + id + "/meetings")
                        .file(new MockMultipartFile("meetingAgenda", "agenda-first-panel.pdf", "application/pdf", PDF))
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("meetingOn.day", String.valueOf(today.getDayOfMonth()))
                        .param("meetingOn.month", String.valueOf(today.getMonthValue()))
                        .param("meetingOn.year", String.valueOf(today.getYear()))
                        .param("meetingNotes", "Scoping meeting"))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);

        long meeting = jdbc.sql("select id from panel_meeting where practice_review_id = :r")
                .param("r", id)
                .query(Long.class)
                .single();
        long document = jdbc.sql(
                        "select id from document where owner_type = 'panel-meeting' and owner_id = :m and description = 'Agenda'")
                .param("m", meeting)
                .query(Long.class)
                .single();
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(page(get("/reviews/" + id), DemoAccounts.BUSINESS))
                .contains("Agenda: agenda-first-panel.pdf")
                .contains("/reviews/" + id + "/meetings/" + meeting + "/documents/" + document);

        onPanel(id);
        MockHttpServletResponse download = mvc.perform(
                        get("/reviews/" + id + "/meetings/" + meeting + "/documents/" + document)
                                .with(SignedIn.as(principals, DemoAccounts.PANEL)))
                .andReturn()
                .getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");

        // the same document asked for under another review's meeting is not found
        long other = commission("Other meeting");
        assertThat(mvc.perform(get("/reviews/" + other + "/meetings/" + meeting + "/documents/" + document)
                                .with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aFakePdfAgendaIsRefusedInTheErrorSummary() throws Exception {
        long id = commission("Fake agenda");
        LocalDate today = LocalDate.now(clock);
        MockHttpServletResponse refused = mvc.perform(multipart("/reviews/" + id + "/meetings")
                        .file(new MockMultipartFile(
                                "meetingAgenda", "agenda.pdf", "application/pdf", "<html></html>".getBytes()))
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("meetingOn.day", String.valueOf(today.getDayOfMonth()))
                        .param("meetingOn.month", String.valueOf(today.getMonthValue()))
                        .param("meetingOn.year", String.valueOf(today.getYear())))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("There is a problem")
                .contains("href=\"#meetingAgenda\"")
                .contains("is not a real PDF");
        assertThat(jdbc.sql("select count(*) from panel_meeting where practice_review_id = :r")
                        .param("r", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anAgencyReportRequestIsAddressedToTheAgencyAndItsLeadGetsATask() throws Exception {
        long id = commission("Agency report");
        long police = jdbc.sql("select agency_id from app_user where email = :e")
                .param("e", DemoAccounts.POLICE_LEAD)
                .query(Long.class)
                .single();
        LocalDate due = LocalDate.now(clock).plusDays(20);
        MockHttpServletResponse sent = mvc.perform(post("/reviews/" + id + "/requests")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("requestAgencyId", String.valueOf(police))
                        .param("requestDueOn.day", String.valueOf(due.getDayOfMonth()))
                        .param("requestDueOn.month", String.valueOf(due.getMonthValue()))
                        .param("requestDueOn.year", String.valueOf(due.getYear()))
                        .param("requestQuestion", "Your involvement with the family since 2024"))
                .andReturn()
                .getResponse();
        assertThat(sent.getStatus()).isEqualTo(302);

        var request = jdbc.sql("""
                        select id, kind, status, due_on, requested_by_name, partnership_id from agency_request
                        where practice_review_id = :r and agency_id = :a""").param("r", id).param("a", police).query().singleRow();
        assertThat(request.get("kind")).isEqualTo("AGENCY_REPORT");
        assertThat(request.get("status")).isEqualTo("REQUESTED");
        assertThat(request.get("due_on").toString()).isEqualTo(due.toString());
        assertThat(request.get("requested_by_name")).isEqualTo(displayName(DemoAccounts.BUSINESS));
        long requestId = ((Number) request.get("id")).longValue();

        String title = Await.nonNull(() -> jdbc.sql("""
                        select title from task where source_type = 'agency-request' and source_id = :id
                        and assignee_role = 'AGENCY_LEAD' and agency_id = :a and link = :link""")
                .param("id", String.valueOf(requestId))
                .param("a", police)
                .param("link", "/contributions/" + requestId)
                .query(String.class)
                .optional()
                .orElse(null));
        assertThat(title).startsWith("Send your agency report for Agency report");
        assertThat(page(get("/"), DemoAccounts.POLICE_LEAD)).contains(title);
        assertThat(page(get("/"), DemoAccounts.SCHOOL_LEAD)).doesNotContain(title);
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(page(get("/reviews/" + id), DemoAccounts.BUSINESS))
                .contains("Your involvement with the family since 2024")
                .contains("Requested");
    }

    @Test
    void publishingBeforeSignOffIsRefusedWithAMessageAndChangesNothing() throws Exception {
        long id = commission("Too early");
        LocalDate today = LocalDate.now(clock);
        MockHttpServletResponse refused = mvc.perform(post("/reviews/" + id + "/publication")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("version", "0")
                        .param("publication", "ANONYMISED")
                        .param("publishedOn.day", String.valueOf(today.getDayOfMonth()))
                        .param("publishedOn.month", String.valueOf(today.getMonthValue()))
                        .param("publishedOn.year", String.valueOf(today.getYear())))
                .andReturn()
                .getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("There is a problem")
                .contains("A review cannot be published before it is signed off");
        assertThat(status(id)).isEqualTo("COMMISSIONED");
    }

    @Test
    void aReviewGoesThroughReportsAndSignOffToPublicationWhichClosesItsTask() throws Exception {
        long id = commission("Lifecycle");
        LocalDate today = LocalDate.now(clock);
        Await.nonNull(() -> openTask(id) ? "open" : null);

        assertThat(step(id, "draft-report", 0, "draftOn", today)).isEqualTo(302);
        assertThat(status(id)).isEqualTo("DRAFT_REPORT");
        assertThat(step(id, "final-report", 1, "finalOn", today)).isEqualTo(302);
        assertThat(status(id)).isEqualTo("FINAL_REPORT");

        // a delay needs a reason, and cannot come before sign-off
        MockHttpServletResponse noReason = send(
                lifecycle(id, "publication", 2).param("publication", "DELAYED").param("delayReason", " "));
        assertThat(noReason.getStatus()).isEqualTo(422);
        assertThat(noReason.getContentAsString()).contains("Give the reason publication is delayed");

        MockHttpServletResponse signed = mvc.perform(dated(post("/reviews/" + id + "/sign-off"), "signedOffOn", today)
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("version", "2")
                        .param("signedOffBy", "Safeguarding partners' executive"))
                .andReturn()
                .getResponse();
        assertThat(signed.getStatus()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("SIGNED_OFF");

        // a stale form (opened before the sign-off) is refused rather than overwriting
        MockHttpServletResponse stale = send(
                lifecycle(id, "publication", 2).param("publication", "DELAYED").param("delayReason", "Criminal trial"));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("changed by someone else");

        assertThat(send(lifecycle(id, "publication", 3)
                                .param("publication", "DELAYED")
                                .param("delayReason", "Parallel criminal proceedings"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("PUBLICATION_DELAYED");
        assertThat(openTask(id)).isTrue();

        MockHttpServletResponse published = mvc.perform(
                        dated(post("/reviews/" + id + "/publication"), "publishedOn", today)
                                .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                                .with(csrf())
                                .param("version", "4")
                                .param("publication", "ANONYMISED"))
                .andReturn()
                .getResponse();
        assertThat(published.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql(
                                "select status || ' ' || publication || ' ' || published_on from practice_review where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("PUBLISHED ANONYMISED " + today);
        Await.nonNull(() -> openTask(id) ? null : "closed");
        assertThat(page(get("/reviews?status=PUBLISHED"), DemoAccounts.BUSINESS))
                .contains("Lifecycle");
    }

    @Test
    void detailsAreChangedOnlyFromTheVersionLastSaved() throws Exception {
        long id = commission("Details");
        LocalDate today = LocalDate.now(clock);
        String renamed = "Renamed " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(send(dated(post("/reviews/" + id + "/edit"), "commissionedOn", today)
                                .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                                .with(csrf())
                                .param("version", "0")
                                .param("title", renamed)
                                .param("reviewType", "THEMATIC_REVIEW")
                                .param("reviewers", "Second reviewer"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(jdbc.sql("select title || ' ' || review_type || ' ' || version from practice_review where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(renamed + " THEMATIC_REVIEW 1");

        // someone who opened the form before that save is shown the saved values instead of overwriting them
        MockHttpServletResponse stale = send(dated(post("/reviews/" + id + "/edit"), "commissionedOn", today)
                .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                .with(csrf())
                .param("version", "0")
                .param("title", "Overwritten")
                .param("reviewType", "LCSPR"));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString())
                .contains("changed by someone else")
                .contains(renamed);
        assertThat(jdbc.sql("select title from practice_review where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(renamed);

        // a commissioning date in the future is refused
        MockHttpServletResponse future =
                send(dated(post("/reviews/" + id + "/edit"), "commissionedOn", today.plusDays(1))
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("version", "1")
                        .param("title", renamed)
                        .param("reviewType", "LCSPR"));
        assertThat(future.getStatus()).isEqualTo(422);
        assertThat(future.getContentAsString()).contains("Date commissioned must be today or in the past");
    }

    @Test
    void learningThemesAreTaggedOnTheReview() throws Exception {
        long id = commission("Themes");
        List<Long> themes = jdbc.sql(
                        "select id from learning_theme where active and name in ('Voice of the child', 'Neglect')")
                .query(Long.class)
                .list();
        assertThat(mvc.perform(post("/reviews/" + id + "/themes")
                                .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                                .with(csrf())
                                .param(
                                        "themeIds",
                                        themes.stream().map(String::valueOf).toArray(String[]::new)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(jdbc.sql("""
                        select theme_id from case_theme where owner_type = 'PRACTICE_REVIEW' and owner_id = :id""").param("id", id).query(Long.class).list()).containsExactlyInAnyOrderElementsOf(themes);
        assertThat(page(get("/reviews/" + id), DemoAccounts.BUSINESS))
                .contains("Voice of the child")
                .contains("/learning/recommendations/new?source=PRACTICE_REVIEW&amp;sourceId=" + id);
    }

    @Test
    void everyReadOfAReviewIsAudited() throws Exception {
        long id = commission("Audited");
        onPanel(id);
        long before = reads(id);
        page(get("/reviews/" + id), DemoAccounts.PANEL);
        assertThat(reads(id)).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                        select actor_name from audit_event where action = 'READ_SENSITIVE'
                        and record_type = 'practice_review' and record_id = :id order by id desc limit 1""")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .single())
                .isEqualTo(displayName(DemoAccounts.PANEL));
    }

    @Test
    void practitionersAndScrutineersCannotOpenAReviewAndPanelMembersCannotChangeIt() throws Exception {
        long id = commission("Access");
        for (String who : List.of(DemoAccounts.PRACTITIONER, DemoAccounts.SCRUTINEER)) {
            assertThat(mvc.perform(get("/reviews/" + id).with(SignedIn.as(principals, who)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(who)
                    .isEqualTo(403);
            assertThat(mvc.perform(get("/reviews").with(SignedIn.as(principals, who)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(who)
                    .isEqualTo(403);
        }
        assertThat(mvc.perform(get("/reviews/new").with(SignedIn.as(principals, DemoAccounts.PANEL)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        // need to know: a panel member opens only the reviews they are on the panel of
        assertThat(mvc.perform(get("/reviews/" + id).with(SignedIn.as(principals, DemoAccounts.PANEL)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        onPanel(id);
        String panelView = page(get("/reviews/" + id), DemoAccounts.PANEL);
        assertThat(panelView).contains("Access").doesNotContain("Sign off review");
        assertThat(mvc.perform(post("/reviews/" + id + "/family")
                                .with(SignedIn.as(principals, DemoAccounts.PANEL))
                                .with(csrf())
                                .param("version", "0")
                                .param("familyInvolvement", "Changed by the panel"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void aReviewOfAnotherPartnershipIsNotFound() throws Exception {
        long medway = partnership("MSCP");
        String title = "Medway " + UUID.randomUUID();
        long id = jdbc.sql("""
                        insert into practice_review (partnership_id, title, review_type, commissioned_on)
                        values (:p, :title, 'LCSPR', current_date) returning id""")
                .param("p", medway)
                .param("title", title)
                .query(Long.class)
                .single();
        MockHttpServletResponse response = mvc.perform(
                        get("/reviews/" + id).with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).doesNotContain(title);
        assertThat(mvc.perform(post("/reviews/" + id + "/family")
                                .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                                .with(csrf())
                                .param("version", "0")
                                .param("familyInvolvement", "x"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(page(get("/reviews"), DemoAccounts.BUSINESS)).doesNotContain(title);
    }

    // helpers

    private long commission(String prefix) throws Exception {
        String title = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(clock);
        MockHttpServletResponse created = mvc.perform(dated(post("/reviews/new"), "commissionedOn", today)
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("title", title)
                        .param("reviewType", "LEARNING_REVIEW"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
        return reviewId(title);
    }

    private int step(long id, String path, int version, String field, LocalDate on) throws Exception {
        return mvc.perform(dated(multipart("/reviews/" + id + "/" + path), field, on)
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("version", String.valueOf(version)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private MockHttpServletRequestBuilder lifecycle(long id, String path, int version) {
        return post("/reviews/" + id + "/" + path)
                .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                .with(csrf())
                .param("version", String.valueOf(version));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private String page(MockHttpServletRequestBuilder request, String who) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(SignedIn.as(principals, who)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private long reviewId(String title) {
        return jdbc.sql("select id from practice_review where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
    }

    private String status(long id) {
        return jdbc.sql("select status from practice_review where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private boolean openTask(long id) {
        return jdbc.sql("""
                        select count(*) from task where source_type = 'practice-review' and source_id = :id
                        and status = 'OPEN'""").param("id", String.valueOf(id)).query(Long.class).single() > 0;
    }

    private long reads(long id) {
        return jdbc.sql("""
                        select count(*) from audit_event where action = 'READ_SENSITIVE'
                        and record_type = 'practice_review' and record_id = :id""").param("id", String.valueOf(id)).query(Long.class).single();
    }

    private long partnership(String shortName) {
        return jdbc.sql("select id from partnership where short_name = :s")
                .param("s", shortName)
                .query(Long.class)
                .single();
    }

    private String displayName(String email) {
        return jdbc.sql("select display_name from app_user where email = :e")
                .param("e", email)
                .query(String.class)
                .single();
    }

    /** Puts the demo panel member's account on the review's panel, as the business team would. */
    private void onPanel(long reviewId) {
        jdbc.sql("""
                        insert into practice_review_member (practice_review_id, person_name, user_id)
                        select :r, display_name, id from app_user where email = :e""").param("r", reviewId).param("e", DemoAccounts.PANEL).update();
    }
}
