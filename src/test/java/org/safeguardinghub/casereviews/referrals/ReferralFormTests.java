package org.safeguardinghub.casereviews.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardinghub.casereviews.referrals.ReferralRequests.address;
import static org.safeguardinghub.casereviews.referrals.ReferralRequests.publicForm;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import testsupport.Await;

/**
 * The referral form on PostgreSQL with the Kent demo data: the public form writes once and never reads, resists
 * abuse (honeypot, per-address limit, real file types) and keeps what was typed when refused; a signed-in notifier's
 * draft saves as they type, is theirs alone, and is sent only when complete; the business team gets the triage task.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralFormTests extends CaseReviewPages {

    private static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    long kent;
    long district;
    List<Long> agencies;

    @BeforeEach
    void kent() {
        kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        district = jdbc.sql("select min(id) from district where partnership_id = :p and archived_at is null")
                .param("p", kent)
                .query(Long.class)
                .single();
        agencies = jdbc.sql("""
                        select a.id from agency a join agency_partnership ap on ap.agency_id = a.id
                        where ap.partnership_id = :p and a.archived_at is null order by a.id limit 2""").param("p", kent).query(Long.class).list();
    }

    @Test
    void publicReferralIsStoredOnceWithItsChildrenAndAUniqueReferenceAndTheBusinessTeamGetsTheTask() throws Exception {
        String name = "Notifier " + UUID.randomUUID();
        MvcResult result = mvc.perform(valid(publicForm(), name)
                        .file(new MockMultipartFile("attachments", "photo.png", "image/png", PNG))
                        .param("children[1].ageYears", "")
                        .param("children[1].dateOfBirth.day", "3")
                        .param("children[1].dateOfBirth.month", "4")
                        .param(
                                "children[1].dateOfBirth.year",
                                String.valueOf(LocalDate.now().getYear() - 7))
                        .param("children[1].gender", "1")
                        .param("children[2].ageYears", "")
                        .param("children[2].gender", "")
                        .param("agencyIds", String.valueOf(agencies.get(0)), String.valueOf(agencies.get(1))))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/notify/confirmation");
        String reference = (String) result.getFlashMap().get("reference");
        assertThat(reference)
                .matches("KSCMP-" + LocalDate.now().getYear() + "-[" + ReferenceGenerator.ALPHABET + "]{6}");

        List<Map<String, Object>> rows = jdbc.sql("select * from referral where notifier_name = :n")
                .param("n", name)
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        long id = ((Number) row.get("id")).longValue();
        assertThat(row.get("reference")).isEqualTo(reference);
        assertThat(row.get("status")).isEqualTo("RECEIVED");
        assertThat(row.get("source")).isEqualTo("PUBLIC");
        assertThat(row.get("partnership_id")).isEqualTo(kent);
        assertThat(row.get("submitted_at")).isNotNull();
        assertThat(row.get("created_by")).isNull();
        assertThat(jdbc.sql("select count(*) from referral where reference = :r")
                        .param("r", reference)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // two children typed (the third block was left blank), counted in one referral
        assertThat(jdbc.sql("select position || ':' || age_band || ':' || gender from referral_child"
                                + " where referral_id = :id order by position")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("1:UNDER_1:2", "2:5_TO_10:1");
        assertThat(jdbc.sql("select agency_id from referral_agency where referral_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrderElementsOf(agencies);
        assertThat(jdbc.sql("select file_name from document where owner_type = 'referral' and owner_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("photo.png");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'referral' and record_id = :id"
                                + " and action = 'CREATE'")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the public is not asked when the local authority became aware: the triage clock starts from receipt
        assertThat(row.get("la_aware_date")).isNull();
        assertThat(((java.sql.Date) row.get("notifier_aware_date")).toLocalDate())
                .isEqualTo(LocalDate.now().minusDays(2));
        LocalDate aware = LocalDate.now();
        Map<String, Object> task =
                Await.nonNull(() -> jdbc.sql("""
                        select title, link, due_on, assignee_role, partnership_id from task
                        where source_type = 'referral-triage' and source_id = :id""").param("id", String.valueOf(id)).query().listOfRows().stream()
                        .findFirst()
                        .orElse(null));
        assertThat(task.get("title")).isEqualTo("Triage referral " + reference + ": decide on national notification");
        assertThat(task.get("link")).isEqualTo("/cases/" + id);
        assertThat(task.get("assignee_role")).isEqualTo("BUSINESS_TEAM");
        assertThat(task.get("partnership_id")).isEqualTo(kent);
        assertThat(((java.sql.Date) task.get("due_on")).toLocalDate())
                .isEqualTo(WorkingDayCalendar.england().addWorkingDays(aware, 5));
    }

    @Test
    void invalidPublicReferralIsRefusedWithTheErrorSummaryAndKeepsWhatWasTyped() throws Exception {
        String name = "Mistaken " + UUID.randomUUID();
        MockHttpServletResponse response = mvc.perform(publicForm()
                        .file(new MockMultipartFile("attachments", "notes.png", "image/png", PNG))
                        .param("incidentDate.day", "31")
                        .param("incidentDate.month", "2")
                        .param("incidentDate.year", "2026")
                        .param("notifierAwareDate.day", "1")
                        .param("notifierAwareDate.month", "1")
                        .param(
                                "notifierAwareDate.year",
                                String.valueOf(LocalDate.now().getYear() + 1))
                        .param("summary", "A summary that must survive the refusal")
                        .param("children[0].ageYears", "forty")
                        .param("children[1].gender", "2")
                        .param("notifierName", name)
                        .param("notifierEmail", "not-an-email")
                        .param("rationale", "x".repeat(ReferralChecks.RATIONALE_MAX + 1)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        String page = response.getContentAsString();
        assertThat(page)
                .contains("There is a problem")
                .contains("href=\"#incidentDate\"")
                .contains("Date of the incident must be a real date")
                .contains("Date you found out must be today or in the past")
                .contains("Select what happened to the child")
                .contains("Age of child 1 must be a whole number of years between 0 and 25")
                .contains("Enter the age of child 2 or their date of birth")
                .contains("Enter an email address in the correct format, like name@example.com")
                .contains("Why you are making this referral must be 3000 characters or fewer")
                .contains("Choose your files again")
                // what was typed is shown again
                .contains("A summary that must survive the refusal")
                .contains("value=\"" + name + "\"")
                .contains("value=\"forty\"")
                .contains("value=\"31\"");
        assertThat(count(name)).isZero();
    }

    @Test
    void honeypotGetsTheSameConfirmationButNothingIsStored() throws Exception {
        String name = "Robot " + UUID.randomUUID();
        MvcResult result = mvc.perform(valid(publicForm(), name).param("website", "http://spam.example"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/notify/confirmation");
        assertThat((String) result.getFlashMap().get("reference")).matches("KSCMP-\\d{4}-[A-Z0-9]{6}");
        assertThat(count(name)).isZero();
        assertThat(jdbc.sql("select count(*) from referral where reference = :r")
                        .param("r", result.getFlashMap().get("reference"))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void oneAddressIsLimitedTo5PostsIn10Minutes() throws Exception {
        RequestPostProcessor address = address();
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.perform(publicForm().with(address))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(422);
        }
        String name = "Limited " + UUID.randomUUID();
        MockHttpServletResponse refused =
                mvc.perform(valid(publicForm().with(address), name)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString())
                .contains("Too many referrals have been sent from your network")
                .contains("value=\"" + name + "\"");
        assertThat(count(name)).isZero();
        // another address is not affected
        assertThat(mvc.perform(valid(publicForm(), name))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(count(name)).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefused() throws Exception {
        String name = "Disguised " + UUID.randomUUID();
        MockHttpServletResponse response = mvc.perform(valid(publicForm(), name)
                        .file(new MockMultipartFile(
                                "attachments",
                                "report.pdf",
                                "application/pdf",
                                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("href=\"#attachments\"")
                .contains("The selected file report.pdf is not a real PDF");
        assertThat(count(name)).isZero();

        MockHttpServletResponse four = mvc.perform(valid(publicForm(), name)
                        .file(new MockMultipartFile("attachments", "1.png", "image/png", PNG))
                        .file(new MockMultipartFile("attachments", "2.png", "image/png", PNG))
                        .file(new MockMultipartFile("attachments", "3.png", "image/png", PNG))
                        .file(new MockMultipartFile("attachments", "4.png", "image/png", PNG)))
                .andReturn()
                .getResponse();
        assertThat(four.getStatus()).isEqualTo(422);
        assertThat(four.getContentAsString()).contains("Select up to 3 files");
        assertThat(count(name)).isZero();
    }

    @Test
    void thePublicCanWriteButNeverRead() throws Exception {
        MockHttpServletResponse form =
                mvc.perform(get("/notify?p=kscmp")).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString())
                .contains("Tell us about a serious incident involving a child")
                .contains("Leave this field empty");
        // more than one partnership: the public is asked where the incident happened
        assertThat(mvc.perform(get("/notify")).andReturn().getResponse().getContentAsString())
                .contains("Where did the incident happen?");

        MockHttpServletResponse confirmation =
                mvc.perform(get("/notify/confirmation")).andReturn().getResponse();
        assertThat(confirmation.getStatus()).isEqualTo(200);
        assertThat(confirmation.getContentAsString())
                .contains("Your referral has been sent")
                .doesNotContain("Your reference number")
                .doesNotContain("KSCMP-");

        for (String path : List.of("/cases/1", "/cases", "/referrals", "/referrals/1")) {
            MockHttpServletResponse response =
                    mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(path).endsWith("/sign-in");
        }
        assertThat(mvc.perform(post("/referrals/new").with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/sign-in");
    }

    @Test
    void aPractitionersDraftSavesAsTheyTypeAndIsInvisibleToAnyoneElse() throws Exception {
        long id = startDraft(DemoAccounts.PRACTITIONER);
        String page = mvc.perform(get("/referrals/" + id).with(SignedIn.as(principals, DemoAccounts.PRACTITIONER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Robin Patel") // prefilled from the signed-in person
                .contains("Kent Community Health NHS Foundation Trust")
                .contains("hx-post=\"/referrals/" + id + "/autosave\"");

        String words = "Typed before the session ended " + UUID.randomUUID();
        MockHttpServletResponse saved = mvc.perform(post("/referrals/" + id + "/autosave")
                        .with(SignedIn.as(principals, DemoAccounts.PRACTITIONER))
                        .with(csrf())
                        .param("version", String.valueOf(version(id)))
                        .param("summary", words)
                        .param("incidentDate.day", "2")
                        .param("incidentDate.month", "") // incomplete dates are fine in a draft
                        .param("children[0].ageYears", "3")
                        .param("notifierName", "Robin Patel"))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString()).contains("Draft saved at").contains("hx-swap-oob");
        assertThat(jdbc.sql("select incident_summary from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(words);
        assertThat(jdbc.sql("select age_band from referral_child where referral_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("1_TO_4");
        assertThat(mvc.perform(get("/referrals").with(SignedIn.as(principals, DemoAccounts.PRACTITIONER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/referrals/" + id);

        // another practitioner (and a business officer) cannot open, save or list it
        for (String other : List.of(DemoAccounts.SCHOOL_TEACHER, DemoAccounts.BUSINESS)) {
            assertThat(mvc.perform(get("/referrals/" + id).with(SignedIn.as(principals, other)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(other)
                    .isEqualTo(404);
            MockHttpServletResponse overwrite = mvc.perform(post("/referrals/" + id + "/autosave")
                            .with(SignedIn.as(principals, other))
                            .with(csrf())
                            .param("version", String.valueOf(version(id)))
                            .param("summary", "overwritten"))
                    .andReturn()
                    .getResponse();
            assertThat(overwrite.getStatus()).as(other).isEqualTo(404);
            assertThat(mvc.perform(get("/referrals").with(SignedIn.as(principals, other)))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .doesNotContain("/referrals/" + id + "\"");
        }
        assertThat(jdbc.sql("select incident_summary from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(words);
    }

    @Test
    void aDraftWithMistakesIsNotSentButKeptAndACompleteOneIsSent() throws Exception {
        long id = startDraft(DemoAccounts.SCHOOL_TEACHER);
        String words = "Half-written account " + UUID.randomUUID();
        MockHttpServletResponse refused = mvc.perform(multipart("/referrals/" + id + "/submit")
                        .with(SignedIn.as(principals, DemoAccounts.SCHOOL_TEACHER))
                        .with(csrf())
                        .param("version", String.valueOf(version(id)))
                        .param("summary", words))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("There is a problem")
                .contains("Enter the date of the incident")
                .contains("Enter why you are making this referral")
                .contains(words);
        assertThat(jdbc.sql("select status || ':' || incident_summary from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFT:" + words);

        String name = "Dana White " + UUID.randomUUID().toString().substring(0, 8);
        MvcResult sent = mvc.perform(valid(
                                multipart("/referrals/" + id + "/submit")
                                        .with(SignedIn.as(principals, DemoAccounts.SCHOOL_TEACHER)),
                                name)
                        .param("version", String.valueOf(version(id))))
                .andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/notify/confirmation");
        String reference = (String) sent.getFlashMap().get("reference");
        Map<String, Object> row = jdbc.sql("select * from referral where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("RECEIVED");
        assertThat(row.get("source")).isEqualTo("SIGNED_IN");
        assertThat(row.get("reference")).isEqualTo(reference);
        assertThat(row.get("notifier_name")).isEqualTo(name);
        assertThat(row.get("notifier_agency_id")).isNotNull();
        // once sent it is no longer a draft anyone can open or change
        assertThat(mvc.perform(get("/referrals/" + id).with(SignedIn.as(principals, DemoAccounts.SCHOOL_TEACHER)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/referrals").with(SignedIn.as(principals, DemoAccounts.SCHOOL_TEACHER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(reference);
        Await.nonNull(() -> jdbc.sql("select id from task where source_type = 'referral-triage' and source_id = :id")
                .param("id", String.valueOf(id))
                .query(Long.class)
                .optional()
                .orElse(null));
    }

    @Test
    void aStaleSaveDoesNotOverwriteAndLosesNothing() throws Exception {
        long id = startDraft(DemoAccounts.PRACTITIONER);
        int stale = version(id);
        mvc.perform(post("/referrals/" + id + "/autosave")
                .with(SignedIn.as(principals, DemoAccounts.PRACTITIONER))
                .with(csrf())
                .param("version", String.valueOf(stale))
                .param("summary", "From the other window"));
        MockHttpServletResponse response = mvc.perform(multipart("/referrals/" + id)
                        .with(SignedIn.as(principals, DemoAccounts.PRACTITIONER))
                        .with(csrf())
                        .param("version", String.valueOf(stale))
                        .param("summary", "From this window"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString())
                .contains("This draft was also saved from another window")
                .contains("From this window")
                .contains("name=\"version\" value=\"" + version(id) + "\"");
        assertThat(jdbc.sql("select incident_summary from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("From the other window");
    }

    private long count(String notifierName) {
        return jdbc.sql("select count(*) from referral where notifier_name = :n")
                .param("n", notifierName)
                .query(Long.class)
                .single();
    }

    private MockMultipartHttpServletRequestBuilder valid(MockMultipartHttpServletRequestBuilder request, String name) {
        LocalDate incident = LocalDate.now().minusDays(3);
        LocalDate aware = LocalDate.now().minusDays(1);
        return ReferralRequests.undated(request, name, "notifier@example.org", "01632 960 001", district)
                .param("summary", "A baby was brought to hospital with a fracture.")
                .param("incidentDate.day", String.valueOf(incident.getDayOfMonth()))
                .param("incidentDate.month", String.valueOf(incident.getMonthValue()))
                .param("incidentDate.year", String.valueOf(incident.getYear()))
                .param("laAwareDate.day", String.valueOf(aware.getDayOfMonth()))
                .param("laAwareDate.month", String.valueOf(aware.getMonthValue()))
                .param("laAwareDate.year", String.valueOf(aware.getYear()))
                .param(
                        "notifierAwareDate.day",
                        String.valueOf(aware.minusDays(1).getDayOfMonth()))
                .param(
                        "notifierAwareDate.month",
                        String.valueOf(aware.minusDays(1).getMonthValue()))
                .param(
                        "notifierAwareDate.year",
                        String.valueOf(aware.minusDays(1).getYear()));
    }
}
