package org.safeguardinghub.section11.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An agency's Section 11 self-assessment through the web: who may read and change a return, validation, carry
 * forward, per-standard concurrency, submission and locking, and the history.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReturnWebTests {

    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    Section11Fixtures fx;
    long template;

    @BeforeEach
    void setUp() {
        fx = new Section11Fixtures(jdbc, principals);
        template = fx.template();
    }

    @Test
    void onlyTheAgencyTheBusinessTeamAndAssignedPanelMembersReadAReturn() throws Exception {
        long id = policeReturn(null);
        long reads = count("select count(*) from audit_event where record_type = 's11-return' and record_id = '" + id
                + "' and action = 'READ_SENSITIVE'");

        String page = body(get(url(id)), DemoAccounts.POLICE_LEAD, 200);
        assertThat(page)
                .contains("Kent Police")
                .contains("Section A: Leadership and accountability")
                .contains("Not started")
                .contains("Check your answers and submit");
        assertThat(count("select count(*) from audit_event where record_type = 's11-return' and record_id = '" + id
                        + "' and action = 'READ_SENSITIVE'"))
                .isEqualTo(reads + 1);

        assertThat(status(get(url(id)), DemoAccounts.SCHOOL_LEAD)).isEqualTo(404);
        assertThat(status(get(url(id) + "/sections/" + section(id, "A")), DemoAccounts.SCHOOL_LEAD))
                .isEqualTo(404);
        assertThat(status(get(url(id) + "/history"), DemoAccounts.SCHOOL_LEAD)).isEqualTo(404);
        assertThat(status(autosave(id, "S1", "1", "x", 0), DemoAccounts.SCHOOL_LEAD))
                .isEqualTo(404);
        // a practitioner of the same agency who was not invited
        assertThat(status(get(url(id)), DemoAccounts.POLICE_OFFICER)).isEqualTo(404);

        assertThat(body(get(url(id)), DemoAccounts.BUSINESS, 200)).contains("Kent Police");
        // the business team reads but cannot answer
        assertThat(body(get(url(id) + "/sections/" + section(id, "A")), DemoAccounts.BUSINESS, 200))
                .doesNotContain("Save and continue");

        assertThat(status(get(url(id)), DemoAccounts.PANEL)).isEqualTo(404);
        fx.assign(id, fx.kent(), DemoAccounts.PANEL);
        // an assigned panel member does not read the agency's draft: only what it submits for moderation
        assertThat(status(get(url(id)), DemoAccounts.PANEL)).isEqualTo(404);
        fx.answerAll(id, 2);
        fx.submit(id);
        assertThat(body(get(url(id)), DemoAccounts.PANEL, 200)).contains("Kent Police");
    }

    @Test
    void aPractitionerCanAnswerOnlyOnceTheLeadInvitesThem() throws Exception {
        long school = fx.agency("Hollowbrook Academy (fictional demo school)");
        long cycle = fx.cycle(Section11Fixtures.unique("S11 web cycle"), null, fx.kent(), fx.medway());
        long id = fx.expect(cycle, school, template);
        long teacher = fx.userId(DemoAccounts.SCHOOL_TEACHER);

        assertThat(status(get(url(id)), DemoAccounts.SCHOOL_TEACHER)).isEqualTo(404);
        assertThat(status(autosave(id, "S1", "2", "Teacher's evidence", 0), DemoAccounts.SCHOOL_TEACHER))
                .isEqualTo(404);

        String contributors = body(get(url(id) + "/contributors"), DemoAccounts.SCHOOL_LEAD, 200);
        assertThat(contributors).contains("Invite a colleague").contains("value=\"" + teacher + "\"");
        assertThat(status(
                        post(url(id) + "/contributors").param("colleague", String.valueOf(teacher)),
                        DemoAccounts.SCHOOL_LEAD))
                .isEqualTo(302);
        // the invited colleague, and only they, gets a task on their home page
        String taskOfTeacher = "select count(*) from task where source_type = 's11-contributor' and source_id = '" + id
                + ":" + teacher + "' and assignee_user_id = " + teacher + " and status = 'OPEN'";
        long until = System.currentTimeMillis() + 10_000;
        while (count(taskOfTeacher) == 0 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(count(taskOfTeacher)).isEqualTo(1);
        assertThat(body(get("/"), DemoAccounts.SCHOOL_TEACHER, 200)).contains("Help complete Hollowbrook Academy");
        // only the lead manages contributors
        assertThat(status(post(url(id) + "/contributors/" + teacher + "/remove"), DemoAccounts.SCHOOL_TEACHER))
                .isEqualTo(404);

        String saved = body(autosave(id, "S1", "2", "Teacher's evidence", 0), DemoAccounts.SCHOOL_TEACHER, 200);
        assertThat(saved).contains("Saved at").contains("id=\"version-" + standard(id, "S1") + "\"");
        assertThat(jdbc.sql("select self_score from s11_response where return_id = :r and standard_id = :s")
                        .param("r", id)
                        .param("s", standard(id, "S1"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(fx.status(id)).isEqualTo("IN_PROGRESS");
        // what was autosaved is on the page when it is opened again
        assertThat(body(get(url(id) + "/sections/" + section(id, "A")), DemoAccounts.SCHOOL_TEACHER, 200))
                .contains("Teacher&#39;s evidence");

        assertThat(status(post(url(id) + "/contributors/" + teacher + "/remove"), DemoAccounts.SCHOOL_LEAD))
                .isEqualTo(302);
        assertThat(status(get(url(id)), DemoAccounts.SCHOOL_TEACHER)).isEqualTo(404);
        until = System.currentTimeMillis() + 10_000;
        while (count(taskOfTeacher) > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(count(taskOfTeacher))
                .as("removing the colleague closes their task")
                .isZero();
    }

    @Test
    void aCompletedSectionNeedsScoresAndEvidenceAndKeepsWhatWasTyped() throws Exception {
        long id = policeReturn(null);
        long a = section(id, "A");
        MockHttpServletResponse response = perform(
                post(url(id) + "/sections/" + a)
                        .param("completed", "yes")
                        .param("action", "continue")
                        .param("score-" + standard(id, "S1"), "2")
                        .param("evidence-" + standard(id, "S1"), "")
                        .param("version-" + standard(id, "S1"), "0")
                        .param("evidence-" + standard(id, "S2"), "Typed evidence that must survive")
                        .param("version-" + standard(id, "S2"), "0"),
                DemoAccounts.POLICE_LEAD);
        assertThat(response.getStatus()).isEqualTo(422);
        String body = response.getContentAsString();
        assertThat(body)
                .contains("There is a problem")
                .contains("Enter the evidence for the score you gave S1")
                .contains("Select a score for S2, or not applicable")
                .contains("href=\"#score-" + standard(id, "S2") + "\"")
                .contains("Typed evidence that must survive");
        assertThat(count("select count(*) from s11_response where return_id = " + id))
                .isZero();

        String tooLong = "x".repeat(10_001);
        assertThat(perform(
                                post(url(id) + "/sections/" + a)
                                        .param("action", "later")
                                        .param("evidence-" + standard(id, "S1"), tooLong)
                                        .param("version-" + standard(id, "S1"), "0"),
                                DemoAccounts.POLICE_LEAD)
                        .getContentAsString())
                .contains("Evidence for S1 must be 10,000 characters or fewer");

        MockHttpServletResponse fixed = perform(
                post(url(id) + "/sections/" + a)
                        .param("completed", "yes")
                        .param("action", "continue")
                        .param("score-" + standard(id, "S1"), "2")
                        .param("evidence-" + standard(id, "S1"), "Board minutes")
                        .param("version-" + standard(id, "S1"), "0")
                        .param("score-" + standard(id, "S2"), "NA")
                        .param("version-" + standard(id, "S2"), "0"),
                DemoAccounts.POLICE_LEAD);
        assertThat(fixed.getStatus()).isEqualTo(302);
        assertThat(body(get(url(id)), DemoAccounts.POLICE_LEAD, 200)).contains("You have completed 1 of 2 sections");
    }

    @Test
    void submissionWaitsForEverySectionAndThenLocksTheReturn() throws Exception {
        long id = policeReturn(null);
        assertThat(body(get(url(id) + "/check"), DemoAccounts.POLICE_LEAD, 200)).contains("You cannot submit yet");
        MockHttpServletResponse early = perform(submit(id, version(id)), DemoAccounts.POLICE_LEAD);
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(early.getContentAsString()).contains("Complete section A");
        assertThat(fx.status(id)).isEqualTo("NOT_STARTED");

        fx.answerAll(id, 2);
        MockHttpServletResponse noDeclaration = perform(
                post(url(id) + "/submit").param("version", String.valueOf(version(id))), DemoAccounts.POLICE_LEAD);
        assertThat(noDeclaration.getStatus()).isEqualTo(422);
        assertThat(noDeclaration.getContentAsString())
                .contains("Enter the name of the accountable officer")
                .contains("Confirm the declaration to submit the return");
        // a stale version (the return changed after the check page was opened) is refused
        assertThat(status(submit(id, version(id) - 1), DemoAccounts.POLICE_LEAD))
                .isEqualTo(409);

        long assignTasks =
                count("select count(*) from task where source_type = 's11-assign' and source_id = '" + id + "'");
        assertThat(status(submit(id, version(id)), DemoAccounts.POLICE_LEAD)).isEqualTo(302);
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");
        assertThat(body(get(url(id)), DemoAccounts.POLICE_LEAD, 200))
                .contains("Submitted on")
                .contains("Declaration made by Alex Morgan, Chief Constable");
        // a business-team task per partnership Kent Police serves in the cycle (Kent and Medway)
        long until = System.currentTimeMillis() + 10_000;
        while (count("select count(*) from task where source_type = 's11-assign' and source_id = '" + id + "'")
                        < assignTasks + 2
                && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(count("select count(*) from task where source_type = 's11-assign' and source_id = '" + id + "'"))
                .isEqualTo(assignTasks + 2);

        MockHttpServletResponse locked = perform(autosave(id, "S1", "3", "Later change", 1), DemoAccounts.POLICE_LEAD);
        assertThat(locked.getStatus()).isEqualTo(409);
        assertThat(locked.getContentAsString()).contains("submitted and is locked");
        assertThat(status(
                        post(url(id) + "/sections/" + section(id, "A")).param("completed", "yes"),
                        DemoAccounts.POLICE_LEAD))
                .isEqualTo(409);
        assertThat(status(
                        post(url(id) + "/standards/" + standard(id, "S1") + "/improvements")
                                .param("text", "x")
                                .param("owner", "y"),
                        DemoAccounts.POLICE_LEAD))
                .isEqualTo(409);
        assertThat(status(submit(id, version(id)), DemoAccounts.POLICE_LEAD)).isEqualTo(409);
        assertThat(body(get(url(id) + "/sections/" + section(id, "A")), DemoAccounts.POLICE_LEAD, 200))
                .doesNotContain("Save and continue")
                .contains("Evidence for S1");
    }

    @Test
    void carryForwardCopiesScoresEvidenceAndDocumentsMarkedForReview() throws Exception {
        long police = fx.agency("Kent Police");
        long earlier = fx.cycle(Section11Fixtures.unique("S11 earlier cycle"), null, fx.kent(), fx.medway());
        long old = fx.expect(earlier, police, template);
        fx.answerAll(old, 3);
        long oldS1 = jdbc.sql("select id from s11_response where return_id = :r and standard_id = :s")
                .param("r", old)
                .param("s", standard(old, "S1"))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into document (partnership_id, agency_id, owner_type, owner_id, file_name, content_type,
                                              size_bytes, sha256, content, uploaded_by_name)
                        values (:p, :a, 's11-response', :o, 'policy.pdf', 'application/pdf', :size, 'x', :c, 'Test')""")
                .param("p", fx.kent())
                .param("a", police)
                .param("o", oldS1)
                .param("size", PDF.length)
                .param("c", PDF)
                .update();
        String earlierName = jdbc.sql("select name from s11_cycle where id = :c")
                .param("c", earlier)
                .query(String.class)
                .single();

        long id = policeReturn(earlier);
        String taskList = body(get(url(id)), DemoAccounts.POLICE_LEAD, 200);
        assertThat(taskList)
                .contains("Start from your " + earlierName + " answers")
                .contains("Cannot start yet");
        assertThat(status(post(url(id) + "/start").param("how", "previous"), DemoAccounts.POLICE_LEAD))
                .isEqualTo(302);

        assertThat(fx.status(id)).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("select carried_forward_from from s11_return where id = :r")
                        .param("r", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(old);
        assertThat(count("select count(*) from s11_response where return_id = " + id
                        + " and needs_review and self_score = 3 and evidence like 'Evidence for S%'"))
                .isEqualTo(4);
        long newS1 = jdbc.sql("select id from s11_response where return_id = :r and standard_id = :s")
                .param("r", id)
                .param("s", standard(id, "S1"))
                .query(Long.class)
                .single();
        assertThat(count("select count(*) from document where owner_type = 's11-response' and owner_id = " + newS1
                        + " and file_name = 'policy.pdf'"))
                .isEqualTo(1);

        String sectionPage = body(get(url(id) + "/sections/" + section(id, "A")), DemoAccounts.POLICE_LEAD, 200);
        assertThat(sectionPage)
                .contains("Check this answer: carried forward from " + earlierName)
                .contains("policy.pdf");
        long docId = count("select id from document where owner_type = 's11-response' and owner_id = " + newS1);
        MockHttpServletResponse download = perform(get(url(id) + "/documents/" + docId), DemoAccounts.POLICE_LEAD);
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        // another agency's lead cannot fetch it through this return
        assertThat(status(get(url(id) + "/documents/" + docId), DemoAccounts.SCHOOL_LEAD))
                .isEqualTo(404);

        // saving the standard clears its review mark
        int v = jdbc.sql("select version from s11_response where id = :id")
                .param("id", newS1)
                .query(Integer.class)
                .single();
        assertThat(status(autosave(id, "S1", "3", "Evidence for S1, checked", v), DemoAccounts.POLICE_LEAD))
                .isEqualTo(200);
        assertThat(jdbc.sql("select needs_review from s11_response where id = :id")
                        .param("id", newS1)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void twoColleaguesNeverOverwriteEachOtherSilently() throws Exception {
        long id = policeReturn(null);
        jdbc.sql(
                        "insert into s11_contributor (return_id, user_id, agency_id, invited_by_name) values (:r, :u, :a, 'Test')")
                .param("r", id)
                .param("u", fx.userId(DemoAccounts.POLICE_OFFICER))
                .param("a", fx.agency("Kent Police"))
                .update();
        long a = section(id, "A");
        long s1 = standard(id, "S1");
        long s2 = standard(id, "S2");
        String page = body(get(url(id) + "/sections/" + a), DemoAccounts.POLICE_LEAD, 200);
        String loaded1 = hidden(page, "loaded-" + s1);
        String loaded2 = hidden(page, "loaded-" + s2);

        // different standards, both from pages opened before either save: both kept
        assertThat(status(
                        sectionSave(id, a, s1, "1", "Lead's S1 evidence", 0, loaded1, s2, "", "", 0, loaded2),
                        DemoAccounts.POLICE_LEAD))
                .isEqualTo(302);
        assertThat(status(
                        sectionSave(id, a, s1, "", "", 0, loaded1, s2, "2", "Officer's S2 evidence", 0, loaded2),
                        DemoAccounts.POLICE_OFFICER))
                .isEqualTo(302);
        assertThat(evidence(id, s1)).isEqualTo("Lead's S1 evidence");
        assertThat(evidence(id, s2)).isEqualTo("Officer's S2 evidence");

        // the same standard from a stale page: refused, with the other person's values and this person's typing
        MockHttpServletResponse stale = perform(
                sectionSave(
                        id,
                        a,
                        s1,
                        "3",
                        "Officer's competing S1 evidence",
                        0,
                        loaded1,
                        s2,
                        "2",
                        "Officer's S2 evidence",
                        1,
                        hidden(
                                body(get(url(id) + "/sections/" + a), DemoAccounts.POLICE_OFFICER, 200),
                                "loaded-" + s2)),
                DemoAccounts.POLICE_OFFICER);
        assertThat(stale.getStatus()).isEqualTo(409);
        String lead = fx.actor(DemoAccounts.POLICE_LEAD).displayName();
        assertThat(stale.getContentAsString())
                .contains(lead + " saved this at")
                .contains("score 1 – Partly met")
                .contains("Lead&#39;s S1 evidence")
                .contains("Officer&#39;s competing S1 evidence");
        assertThat(evidence(id, s1)).isEqualTo("Lead's S1 evidence");

        // autosave of a stale standard says so and changes nothing
        MockHttpServletResponse staleAutosave =
                perform(autosave(id, "S1", "0", "Autosaved over", 0), DemoAccounts.POLICE_OFFICER);
        assertThat(staleAutosave.getContentAsString()).contains("Not saved: " + lead + " saved this at");
        assertThat(staleAutosave.getHeader("X-Autosave")).isEqualTo("conflict");
        assertThat(evidence(id, s1)).isEqualTo("Lead's S1 evidence");

        // the lead's own background save landing before the lead's form is not a conflict with a colleague
        String leadPage = body(get(url(id) + "/sections/" + a), DemoAccounts.POLICE_LEAD, 200);
        int v1 = Integer.parseInt(hidden(leadPage, "version-" + s1));
        assertThat(status(autosave(id, "S1", "2", "Lead's autosaved S1", v1), DemoAccounts.POLICE_LEAD))
                .isEqualTo(200);
        assertThat(status(
                        sectionSave(
                                id,
                                a,
                                s1,
                                "2",
                                "Lead's autosaved S1, then more",
                                v1,
                                hidden(leadPage, "loaded-" + s1),
                                s2,
                                "2",
                                "Officer's S2 evidence",
                                Integer.parseInt(hidden(leadPage, "version-" + s2)),
                                hidden(leadPage, "loaded-" + s2)),
                        DemoAccounts.POLICE_LEAD))
                .isEqualTo(302);
        assertThat(evidence(id, s1)).isEqualTo("Lead's autosaved S1, then more");
        assertThat(evidence(id, s2)).isEqualTo("Officer's S2 evidence");
    }

    @Test
    void everyChangeIsInTheHistory() throws Exception {
        long id = policeReturn(null);
        long s1 = standard(id, "S1");
        assertThat(status(autosave(id, "S1", "2", "History evidence", 0), DemoAccounts.POLICE_LEAD))
                .isEqualTo(200);
        MockHttpServletResponse bad = perform(
                post(url(id) + "/standards/" + s1 + "/improvements")
                        .param("text", "Refresh the escalation policy")
                        .param("owner", "")
                        .param("due-day", "31")
                        .param("due-month", "2")
                        .param("due-year", "2027"),
                DemoAccounts.POLICE_LEAD);
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString())
                .contains("Enter who owns the improvement action")
                .contains("Due date must be a real date")
                .contains("Refresh the escalation policy");
        assertThat(status(
                        post(url(id) + "/standards/" + s1 + "/improvements")
                                .param("text", "Refresh the escalation policy")
                                .param("owner", "Head of Safeguarding")
                                .param("due-day", "31")
                                .param("due-month", "3")
                                .param("due-year", "2027"),
                        DemoAccounts.POLICE_LEAD))
                .isEqualTo(302);
        long improvement = count("select id from s11_improvement where return_id = " + id);
        assertThat(status(post(url(id) + "/improvements/" + improvement + "/remove"), DemoAccounts.POLICE_LEAD))
                .isEqualTo(302);
        MockHttpServletResponse upload = perform(
                multipart(url(id) + "/standards/" + s1 + "/documents")
                        .file(new MockMultipartFile("file", "training.pdf", "application/pdf", PDF)),
                DemoAccounts.POLICE_LEAD);
        assertThat(upload.getStatus()).isEqualTo(302);
        MockHttpServletResponse notAPdf = perform(
                multipart(url(id) + "/standards/" + s1 + "/documents")
                        .file(new MockMultipartFile("file", "fake.pdf", "application/pdf", "hello".getBytes())),
                DemoAccounts.POLICE_LEAD);
        assertThat(notAPdf.getStatus()).isEqualTo(422);
        assertThat(notAPdf.getContentAsString()).contains("is not a real PDF");

        // what the moderation pages record about this return belongs in its history too
        // (written as the moderation pages write them: keyed "<return>-<partnership>-<standard>", by Medway's panel)
        jdbc.sql("""
                        insert into s11_moderated_score (return_id, partnership_id, standard_id, agency_id,
                                                         moderated_score, updated_by_name)
                        values (:r, :p, :s, :a, 1, 'Panel')""")
                .param("r", id)
                .param("p", fx.medway())
                .param("s", s1)
                .param("a", fx.agency("Kent Police"))
                .update();
        jdbc.sql("""
                        insert into audit_event (actor_name, action, record_type, record_id, partnership_id, changes)
                        values ('Panel Member', 'UPDATE', 's11-moderated-score', :id, :p,
                                '{"Moderated score": {"before": null, "after": "1 – Partly met"}}'::jsonb)""")
                .param("id", id + "-" + fx.medway() + "-" + s1)
                .param("p", fx.medway())
                .update();

        String history = body(get(url(id) + "/history"), DemoAccounts.POLICE_LEAD, 200);
        assertThat(history)
                .contains("Answer to S1 Senior management commitment")
                .contains("Self-score")
                .contains("2 – Largely met")
                .contains("History evidence")
                .contains("Added: Improvement action")
                .contains("Removed: Improvement action")
                .contains("Refresh the escalation policy")
                .contains("Document added")
                .contains("training.pdf")
                .contains("Moderated score for S1 Senior management commitment")
                .contains("Status");
        // Kent's business team sees the agency's answers but not Medway's moderation of the joint return
        assertThat(body(get(url(id) + "/history"), DemoAccounts.BUSINESS, 200))
                .contains("History evidence")
                .doesNotContain("Moderated score for S1");
    }

    // ---------------------------------------------------------------------------------------------------------

    private long policeReturn(Long previousCycle) {
        long cycle = fx.cycle(Section11Fixtures.unique("S11 web cycle"), previousCycle, fx.kent(), fx.medway());
        return fx.expect(cycle, fx.agency("Kent Police"), template);
    }

    private static String url(long id) {
        return "/section11/returns/" + id;
    }

    private long section(long returnId, String code) {
        return jdbc.sql("select s.id from s11_section s join s11_return r on r.template_id = s.template_id"
                        + " where r.id = :r and s.code = :c")
                .param("r", returnId)
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long standard(long returnId, String code) {
        return jdbc.sql("select s.id from s11_standard s join s11_return r on r.template_id = s.template_id"
                        + " where r.id = :r and s.code = :c")
                .param("r", returnId)
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private int version(long returnId) {
        return jdbc.sql("select version from s11_return where id = :r")
                .param("r", returnId)
                .query(Integer.class)
                .single();
    }

    private String evidence(long returnId, long standardId) {
        return jdbc.sql("select evidence from s11_response where return_id = :r and standard_id = :s")
                .param("r", returnId)
                .param("s", standardId)
                .query(String.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder autosave(long id, String code, String score, String evidence, int version) {
        long s = standard(id, code);
        return post(url(id) + "/standards/" + s + "/autosave")
                .param("score-" + s, score)
                .param("evidence-" + s, evidence)
                .param("version-" + s, String.valueOf(version));
    }

    private MockHttpServletRequestBuilder submit(long id, int version) {
        return post(url(id) + "/submit")
                .param("version", String.valueOf(version))
                .param("declarationName", "Alex Morgan")
                .param("declarationRole", "Chief Constable")
                .param("declarationConfirmed", "yes");
    }

    private MockHttpServletRequestBuilder sectionSave(
            long id,
            long section,
            long s1,
            String score1,
            String evidence1,
            int version1,
            String loaded1,
            long s2,
            String score2,
            String evidence2,
            int version2,
            String loaded2) {
        return post(url(id) + "/sections/" + section)
                .param("action", "later")
                .param("completed", "no")
                .param("score-" + s1, score1)
                .param("evidence-" + s1, evidence1)
                .param("version-" + s1, String.valueOf(version1))
                .param("loaded-" + s1, loaded1)
                .param("score-" + s2, score2)
                .param("evidence-" + s2, evidence2)
                .param("version-" + s2, String.valueOf(version2))
                .param("loaded-" + s2, loaded2);
    }

    private static String hidden(String page, String name) {
        Matcher m = Pattern.compile("id=\"" + name + "\" name=\"" + name + "\" value=\"([^\"]*)\"")
                .matcher(page);
        assertThat(m.find()).as("hidden input " + name).isTrue();
        return m.group(1);
    }

    private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, String email)
            throws Exception {
        return mvc.perform(request.with(SignedIn.as(principals, email)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private int status(AbstractMockHttpServletRequestBuilder<?> request, String email) throws Exception {
        return perform(request, email).getStatus();
    }

    private String body(AbstractMockHttpServletRequestBuilder<?> request, String email, int expected) throws Exception {
        MockHttpServletResponse response = perform(request, email);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response.getContentAsString();
    }
}
