package org.safeguardinghub.section11.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import testsupport.Await;

/**
 * Moderation through the web on fixture cycles: who may moderate, assignments never to the panel member's own
 * agency, stale scores, challenges answered by the agency, the final position per partnership of a joint cycle, and
 * improvement actions becoming learning-tracker actions.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModerationWebTests {

    static final String ICB = "NHS Kent and Medway Integrated Care Board";

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    Section11Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Section11Fixtures(jdbc, principals);
    }

    /** A submitted return of the agency in a new cycle run by the partnerships; returns its id. */
    long submittedReturn(long agency, long... partnerships) {
        long cycle = fx.cycle(Section11Fixtures.unique("S11 moderation cycle"), null, partnerships);
        long ret = fx.expect(cycle, agency, fx.template());
        fx.answerAll(ret, 2);
        fx.submit(ret);
        return ret;
    }

    long police() {
        return fx.agency("Kent Police");
    }

    long cycleOf(long ret) {
        return jdbc.sql("select cycle_id from s11_return where id = :r")
                .param("r", ret)
                .query(Long.class)
                .single();
    }

    List<Long> standards(long ret) {
        return jdbc.sql("""
                        select s.id from s11_standard s join s11_return r on r.template_id = s.template_id
                        where r.id = :r order by s.section_id, s.position""").param("r", ret).query(Long.class).list();
    }

    MockHttpServletResponse send(RequestPostProcessor who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
    }

    RequestPostProcessor as(String email) {
        return SignedIn.as(principals, email);
    }

    RequestPostProcessor inMedway(String email) {
        return user(principals.forEmail(email, fx.medway()).orElseThrow());
    }

    MockHttpServletResponse score(RequestPostProcessor who, long ret, long standard, String score, int version)
            throws Exception {
        return send(
                who,
                post("/section11/returns/" + ret + "/moderation/standards/" + standard)
                        .param("score", score)
                        .param("note", "Panel note " + score)
                        .param("kind", "")
                        .param("version", String.valueOf(version)));
    }

    void scoreAll(RequestPostProcessor who, long ret) throws Exception {
        for (long s : standards(ret)) {
            assertThat(score(who, ret, s, "2", 0).getStatus()).isEqualTo(302);
        }
    }

    MockHttpServletResponse agree(RequestPostProcessor who, long ret, String... improvementIds) throws Exception {
        return send(
                who,
                post("/section11/returns/" + ret + "/moderation/final")
                        .param("position", "PARTLY_ASSURED")
                        .param("feedback", "Good evidence on training; escalation needs work")
                        .param("followUp", "")
                        .param("improvementIds", improvementIds));
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void aPanelMemberSeesAndModeratesOnlyReturnsAssignedToThem() throws Exception {
        long ret = submittedReturn(police(), fx.kent());
        long standard = standards(ret).get(0);
        RequestPostProcessor panel = as(DemoAccounts.PANEL);

        assertThat(send(panel, get("/section11/returns/" + ret + "/moderation")).getStatus())
                .isEqualTo(404);
        assertThat(score(panel, ret, standard, "2", 0).getStatus()).isEqualTo(404);

        fx.assign(ret, fx.kent(), DemoAccounts.PANEL);
        MockHttpServletResponse page = send(panel, get("/section11/returns/" + ret + "/moderation"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains("Moderate Kent Police")
                .contains("Evidence for S1")
                .contains("Largely met");
        assertThat(score(panel, ret, standard, "3", 0).getStatus()).isEqualTo(302);
        assertThat(count(
                        "select count(*) from s11_moderated_score where return_id = ? and standard_id = ?"
                                + " and moderated_score = 3 and partnership_id = ?",
                        ret,
                        standard,
                        fx.kent()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_event where record_type = 's11-moderated-score' and record_id = ?",
                        ret + "-" + fx.kent() + "-" + standard))
                .isEqualTo(1);
        // and the return's history shows it, to the agency and to the panel
        assertThat(send(as(DemoAccounts.POLICE_LEAD), get("/section11/returns/" + ret + "/history"))
                        .getContentAsString())
                .contains("Moderated score for S1");
        assertThat(send(panel, get("/section11/returns/" + ret + "/history")).getContentAsString())
                .contains("Moderated score for S1");

        // a score that is not on the scale is refused, keeping what was typed
        MockHttpServletResponse invalid = send(
                panel,
                post("/section11/returns/" + ret + "/moderation/standards/" + standard)
                        .param("score", "7")
                        .param("note", "Kept note text")
                        .param("version", "1"));
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getContentAsString())
                .contains("Select the moderated score for S1")
                .contains("Kept note text");

        // another agency's lead, and the agency itself, cannot reach the moderation page
        assertThat(send(as(DemoAccounts.SCHOOL_LEAD), get("/section11/returns/" + ret + "/moderation"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(as(DemoAccounts.POLICE_LEAD), get("/section11/returns/" + ret + "/moderation"))
                        .getStatus())
                .isIn(403, 404);
    }

    @Test
    void aPanelMemberIsNeverAssignedTheirOwnAgencysReturn() throws Exception {
        long icb = fx.agency(ICB);
        long own = submittedReturn(icb, fx.kent());
        long cycle = cycleOf(own);
        long other = fx.expect(
                cycle,
                police(),
                jdbc.sql("select template_id from s11_return where id = :r")
                        .param("r", own)
                        .query(Long.class)
                        .single());
        fx.answerAll(other, 1);
        fx.submit(other);
        long panel = fx.userId(DemoAccounts.PANEL);
        RequestPostProcessor business = as(DemoAccounts.BUSINESS);

        // not offered for the ICB's return, offered for Kent Police's
        String page = send(business, get("/section11/cycles/" + cycle + "/assignments"))
                .getContentAsString();
        assertThat(row(page, own)).contains(ICB).doesNotContain("Chris Evans");
        assertThat(row(page, other)).contains("Chris Evans (" + ICB + ")");

        // refused by the server when posted anyway
        MockHttpServletResponse refused = send(
                business,
                post("/section11/cycles/" + cycle + "/assignments")
                        .param("returnId", String.valueOf(own))
                        .param("userId", String.valueOf(panel)));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("Chris Evans works for " + ICB + ", so cannot moderate");
        assertThat(count("select count(*) from s11_assignment where return_id = ?", own))
                .isZero();

        // and by the database as the last line
        assertThatThrownBy(() -> fx.assign(own, fx.kent(), DemoAccounts.PANEL))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("s11_assignment_own_agency_ck");

        // the other return is assigned, the panel member's task raised and the business team's resolved
        MockHttpServletResponse assigned = send(
                business,
                post("/section11/cycles/" + cycle + "/assignments")
                        .param("returnId", String.valueOf(other))
                        .param("userId", String.valueOf(panel)));
        assertThat(assigned.getStatus()).isEqualTo(302);
        assertThat(count(
                        "select count(*) from s11_assignment where return_id = ? and panel_member_id = ?"
                                + " and partnership_id = ?",
                        other,
                        panel,
                        fx.kent()))
                .isEqualTo(1);
        // the task is the assigned person's alone: other panel members of the ICB are not told whose return it is
        Await.until(() -> count(
                        "select count(*) from task where source_type = 's11-moderate' and source_id = ?"
                                + " and assignee_user_id = ? and assignee_role is null and status = 'OPEN'",
                        other + "-" + panel,
                        panel)
                == 1);
        assertThat(count(
                        "select count(*) from task where source_type = 's11-moderate' and source_id = ?"
                                + " and assignee_role is not null",
                        other + "-" + panel))
                .isZero();
        assertThat(send(as(DemoAccounts.PANEL), get("/section11/returns/" + other + "/moderation"))
                        .getStatus())
                .isEqualTo(200);

        // removing the assignment takes the panel member's access and task away
        long assignmentId = jdbc.sql("select id from s11_assignment where return_id = :r")
                .param("r", other)
                .query(Long.class)
                .single();
        assertThat(send(business, post("/section11/cycles/" + cycle + "/assignments/" + assignmentId + "/remove"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(as(DemoAccounts.PANEL), get("/section11/returns/" + other + "/moderation"))
                        .getStatus())
                .isEqualTo(404);
        Await.until(() -> count(
                        "select count(*) from task where source_type = 's11-moderate' and source_id = ?"
                                + " and status = 'OPEN'",
                        other + "-" + panel)
                == 0);
    }

    @Test
    void aStaleModeratedScoreIsRefusedShowingTheOtherPersonsValues() throws Exception {
        long ret = submittedReturn(police(), fx.kent());
        fx.assign(ret, fx.kent(), DemoAccounts.PANEL);
        long standard = standards(ret).get(1);
        RequestPostProcessor panel = as(DemoAccounts.PANEL);
        RequestPostProcessor business = as(DemoAccounts.BUSINESS);

        // both opened the page at version 0; the business team saves first
        assertThat(send(
                                business,
                                post("/section11/returns/" + ret + "/moderation/standards/" + standard)
                                        .param("score", "1")
                                        .param("note", "Business team view of S2")
                                        .param("kind", "EMERGING_THEME")
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(302);
        MockHttpServletResponse stale = score(panel, ret, standard, "3", 0);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString())
                .contains("Priya Shah saved the moderated score for S2")
                .contains("Business team view of S2")
                .contains("you had chosen Fully met");
        assertThat(count(
                        "select count(*) from s11_moderated_score where return_id = ? and standard_id = ?"
                                + " and moderated_score = 1 and note_kind = 'EMERGING_THEME'",
                        ret,
                        standard))
                .isEqualTo(1);

        // with the current version the panel member's change is saved
        assertThat(score(panel, ret, standard, "3", 1).getStatus()).isEqualTo(302);
        assertThat(count(
                        "select count(*) from s11_moderated_score where return_id = ? and standard_id = ?"
                                + " and moderated_score = 3 and version = 2",
                        ret,
                        standard))
                .isEqualTo(1);
    }

    @Test
    void aChallengeIsAnsweredByTheAgencyLeadAndItsTaskResolved() throws Exception {
        long ret = submittedReturn(police(), fx.kent());
        fx.assign(ret, fx.kent(), DemoAccounts.PANEL);
        long standard = standards(ret).get(0);
        String question = Section11Fixtures.unique("Show the board minutes naming the senior lead");

        MockHttpServletResponse empty = send(
                as(DemoAccounts.PANEL),
                post("/section11/returns/" + ret + "/moderation/challenges").param("standardId", "" + standard));
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Enter the challenge question");

        assertThat(send(
                                as(DemoAccounts.PANEL),
                                post("/section11/returns/" + ret + "/moderation/challenges")
                                        .param("standardId", "" + standard)
                                        .param("question", question))
                        .getStatus())
                .isEqualTo(302);
        long challenge = jdbc.sql("select id from s11_challenge where return_id = :r")
                .param("r", ret)
                .query(Long.class)
                .single();
        Await.until(() -> count(
                        "select count(*) from task where source_type = 's11-challenge' and source_id = ?"
                                + " and assignee_role = 'AGENCY_LEAD' and agency_id = ? and status = 'OPEN'",
                        String.valueOf(challenge),
                        police())
                == 1);

        RequestPostProcessor lead = as(DemoAccounts.POLICE_LEAD);
        String page =
                send(lead, get("/section11/returns/" + ret + "/challenges")).getContentAsString();
        assertThat(page).contains(question).contains("Awaiting answer");

        MockHttpServletResponse blank = send(
                lead,
                post("/section11/returns/" + ret + "/challenges/" + challenge + "/response")
                        .param("response", " ")
                        .param("version", "0"));
        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString()).contains("Enter your answer to the panel");

        assertThat(send(
                                lead,
                                post("/section11/returns/" + ret + "/challenges/" + challenge + "/response")
                                        .param("response", "Minutes of the March board attached")
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(302);
        Await.until(() -> count(
                        "select count(*) from task where source_type = 's11-challenge' and source_id = ?"
                                + " and status = 'DONE'",
                        String.valueOf(challenge))
                == 1);

        // a colleague who opened the page before it was answered is told, and nothing is overwritten
        MockHttpServletResponse late = send(
                lead,
                post("/section11/returns/" + ret + "/challenges/" + challenge + "/response")
                        .param("response", "A second answer")
                        .param("version", "0"));
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString()).contains("Sam Taylor answered this challenge");
        assertThat(jdbc.sql("select response from s11_challenge where id = :id")
                        .param("id", challenge)
                        .query(String.class)
                        .single())
                .isEqualTo("Minutes of the March board attached");
        assertThat(send(as(DemoAccounts.PANEL), get("/section11/returns/" + ret + "/moderation"))
                        .getContentAsString())
                .contains("Minutes of the March board attached");
    }

    @Test
    void anotherAgencysLeadCannotReadOrAnswerTheChallenges() throws Exception {
        long ret = submittedReturn(police(), fx.kent());
        fx.assign(ret, fx.kent(), DemoAccounts.PANEL);
        send(
                as(DemoAccounts.PANEL),
                post("/section11/returns/" + ret + "/moderation/challenges")
                        .param("standardId", "" + standards(ret).get(0))
                        .param("question", "Where is the evidence?"));
        long challenge = jdbc.sql("select id from s11_challenge where return_id = :r")
                .param("r", ret)
                .query(Long.class)
                .single();
        RequestPostProcessor school = as(DemoAccounts.SCHOOL_LEAD);
        assertThat(send(school, get("/section11/returns/" + ret + "/challenges"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(
                                school,
                                post("/section11/returns/" + ret + "/challenges/" + challenge + "/response")
                                        .param("response", "Not mine to answer")
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(404);
        // a panel member reads the challenges but is not a respondent, so cannot answer them
        assertThat(send(as(DemoAccounts.PANEL), get("/section11/returns/" + ret + "/challenges"))
                        .getStatus())
                .isEqualTo(200);
        assertThat(count("select count(*) from s11_challenge where id = ? and response is null", challenge))
                .isEqualTo(1);
    }

    @Test
    void theFinalPositionIsRefusedWhileAChallengeIsUnanswered() throws Exception {
        long ret = submittedReturn(police(), fx.kent());
        fx.assign(ret, fx.kent(), DemoAccounts.PANEL);
        RequestPostProcessor panel = as(DemoAccounts.PANEL);

        MockHttpServletResponse unscored = agree(panel, ret);
        assertThat(unscored.getStatus()).isEqualTo(422);
        assertThat(unscored.getContentAsString()).contains("Record a moderated score, or not applicable, for S1");

        scoreAll(panel, ret);
        send(
                panel,
                post("/section11/returns/" + ret + "/moderation/challenges")
                        .param("standardId", "" + standards(ret).get(2))
                        .param("question", "How many staff completed level 3 training?"));
        MockHttpServletResponse refused = agree(panel, ret);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("Kent Police has not answered the challenge on S5 yet")
                .contains("Good evidence on training; escalation needs work");
        assertThat(count("select count(*) from s11_moderation where return_id = ?", ret))
                .isZero();

        long challenge = jdbc.sql("select id from s11_challenge where return_id = :r")
                .param("r", ret)
                .query(Long.class)
                .single();
        send(
                as(DemoAccounts.POLICE_LEAD),
                post("/section11/returns/" + ret + "/challenges/" + challenge + "/response")
                        .param("response", "92% of frontline staff")
                        .param("version", "0"));
        assertThat(agree(panel, ret).getStatus()).isEqualTo(302);
        assertThat(fx.status(ret)).isEqualTo("MODERATED");
        // agreed is final for the partnership: no more scores
        assertThat(score(panel, ret, standards(ret).get(0), "1", 1).getStatus()).isEqualTo(422);
    }

    @Test
    void aJointCycleIsModeratedOnlyOnceEveryPartnershipTheAgencyServesHasAgreed() throws Exception {
        long ret = submittedReturn(police(), fx.kent(), fx.medway());
        RequestPostProcessor kent = as(DemoAccounts.BUSINESS);
        RequestPostProcessor medway = inMedway(DemoAccounts.ADMIN);

        scoreAll(kent, ret);
        assertThat(agree(kent, ret).getStatus()).isEqualTo(302);
        assertThat(fx.status(ret)).isEqualTo("SUBMITTED");
        assertThat(count(
                        "select count(*) from s11_moderation where return_id = ? and partnership_id = ?",
                        ret,
                        fx.kent()))
                .isEqualTo(1);

        // Medway moderates independently: Kent's scores are not Medway's
        MockHttpServletResponse early = agree(medway, ret);
        assertThat(early.getStatus()).isEqualTo(422);
        scoreAll(medway, ret);
        assertThat(agree(medway, ret).getStatus()).isEqualTo(302);
        assertThat(fx.status(ret)).isEqualTo("MODERATED");

        // the agency then sees both partnerships' outcomes
        assertThat(send(as(DemoAccounts.POLICE_LEAD), get("/section11/returns/" + ret + "/challenges"))
                        .getContentAsString())
                .contains("Outcome: ")
                .contains("Moderated scores: ")
                .contains("Partly assured");
        assertThat(count("select count(*) from s11_moderation where return_id = ?", ret))
                .isEqualTo(2);
    }

    @Test
    void chosenImprovementActionsBecomeLearningTrackerActionsOwnedByTheAgency() throws Exception {
        long ret = submittedReturn(police(), fx.kent());
        List<Long> standards = standards(ret);
        String tag = Section11Fixtures.unique("escalation");
        long chosen = improvement(ret, standards.get(3), "Relaunch the escalation policy " + tag);
        long left = improvement(ret, standards.get(2), "Refresh level 3 training " + tag);
        RequestPostProcessor business = as(DemoAccounts.BUSINESS);
        scoreAll(business, ret);

        MockHttpServletResponse page = send(business, get("/section11/returns/" + ret + "/moderation"));
        assertThat(page.getContentAsString()).contains("Relaunch the escalation policy " + tag);

        LocalDate due = LocalDate.now().plusMonths(3);
        MockHttpServletResponse agreed = send(
                business,
                post("/section11/returns/" + ret + "/moderation/final")
                        .param("position", "PARTLY_ASSURED")
                        .param("feedback", "Escalation is the gap")
                        .param("improvementIds", String.valueOf(chosen))
                        .param("extraAction", "Audit escalations at the next panel " + tag)
                        .param("extraActionDue.day", String.valueOf(due.getDayOfMonth()))
                        .param("extraActionDue.month", String.valueOf(due.getMonthValue()))
                        .param("extraActionDue.year", String.valueOf(due.getYear())));
        assertThat(agreed.getStatus()).isEqualTo(302);

        long rec = jdbc.sql("""
                        select id from recommendation where partnership_id = :p and source_type = 'SECTION_11'
                          and source_id = :r""")
                .param("p", fx.kent())
                .param("r", ret)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select source_title from recommendation where id = :id")
                        .param("id", rec)
                        .query(String.class)
                        .single())
                .startsWith("Section 11 S11 moderation cycle")
                .endsWith(": Kent Police");
        Long actionId = jdbc.sql("select learning_action_id from s11_improvement where id = :i")
                .param("i", chosen)
                .query(Long.class)
                .single();
        assertThat(actionId).isNotNull();
        assertThat(count(
                        "select count(*) from learning_action where id = ? and recommendation_id = ?"
                                + " and owner_agency_id = ? and text like 'Relaunch the escalation policy%'",
                        actionId, rec, police()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from learning_action where recommendation_id = ? and owner_agency_id = ?"
                                + " and due_on = ? and text like 'Audit escalations%'",
                        rec, police(), due))
                .isEqualTo(1);
        assertThat(count("select count(*) from learning_action where recommendation_id = ?", rec))
                .isEqualTo(2);
        assertThat(count("select count(*) from s11_improvement where id = ? and learning_action_id is null", left))
                .isEqualTo(1);
        Await.until(() -> count(
                        "select count(*) from task where source_type = 'learning-action' and source_id = ?"
                                + " and assignee_role = 'AGENCY_LEAD' and agency_id = ? and status = 'OPEN'",
                        String.valueOf(actionId),
                        police())
                == 1);
        // the agency lead finds it in the tracker, from Section 11
        assertThat(send(as(DemoAccounts.POLICE_LEAD), get("/learning/actions/" + actionId))
                        .getContentAsString())
                .contains("Relaunch the escalation policy " + tag)
                .contains("Section 11 S11 moderation cycle");
        assertThat(send(as(DemoAccounts.POLICE_LEAD), get("/learning/recommendations/" + rec))
                        .getContentAsString())
                .contains("Section 11 audit");

        // agreeing again changes nothing
        assertThat(agree(business, ret, String.valueOf(left)).getStatus()).isEqualTo(422);
        assertThat(count("select count(*) from learning_action where recommendation_id = ?", rec))
                .isEqualTo(2);
    }

    @Test
    void theBusinessTeamRecordsPanelMeetingsAndStaleEditsAreRefused() throws Exception {
        long ret = submittedReturn(police(), fx.kent());
        long cycle = cycleOf(ret);
        RequestPostProcessor business = as(DemoAccounts.BUSINESS);

        MockHttpServletResponse invalid =
                send(business, post("/section11/cycles/" + cycle + "/meetings").param("notes", "kept notes"));
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getContentAsString())
                .contains("Enter the date of the meeting")
                .contains("Enter who attended")
                .contains("kept notes");

        MockHttpServletResponse added = send(
                business,
                post("/section11/cycles/" + cycle + "/meetings")
                        .param("heldOn.day", "3")
                        .param("heldOn.month", "11")
                        .param("heldOn.year", "2026")
                        .param("attendees", "Priya Shah, Chris Evans")
                        .param("notes", "Discussed the police return")
                        .param("returnIds", String.valueOf(ret)));
        assertThat(added.getStatus()).isEqualTo(302);
        String location = added.getRedirectedUrl();
        assertThat(location).matches("/section11/cycles/" + cycle + "/meetings/\\d+");
        assertThat(send(business, get(location)).getContentAsString())
                .contains("Panel meeting on 3 November 2026")
                .contains("Kent Police");
        assertThat(send(business, get("/section11/cycles/" + cycle + "/meetings"))
                        .getContentAsString())
                .contains("Priya Shah, Chris Evans");

        MockHttpServletResponse first = send(
                business,
                post(location + "/edit")
                        .param("heldOn.day", "4")
                        .param("heldOn.month", "11")
                        .param("heldOn.year", "2026")
                        .param("attendees", "Priya Shah")
                        .param("version", "0"));
        assertThat(first.getStatus()).isEqualTo(302);
        MockHttpServletResponse stale = send(
                business,
                post(location + "/edit")
                        .param("heldOn.day", "5")
                        .param("heldOn.month", "11")
                        .param("heldOn.year", "2026")
                        .param("attendees", "Someone else")
                        .param("version", "0"));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("changed by someone else");

        // a panel member does not manage cycles
        assertThat(send(as(DemoAccounts.PANEL), get("/section11/cycles/" + cycle + "/meetings"))
                        .getStatus())
                .isIn(403, 404);
    }

    long improvement(long ret, long standard, String text) {
        return jdbc.sql("""
                        insert into s11_improvement (return_id, standard_id, agency_id, text, owner_name, due_on,
                                                     created_by_name)
                        select r.id, :s, r.agency_id, :t, 'Head of public protection', :due, 'Test'
                        from s11_return r where r.id = :r returning id""")
                .param("r", ret)
                .param("s", standard)
                .param("t", text)
                .param("due", LocalDate.now().plusMonths(2))
                .query(Long.class)
                .single();
    }

    /** The assignments table row of one return. */
    static String row(String page, long returnId) {
        Matcher m = Pattern.compile("<tr[^>]*id=\"return-" + returnId + "\".*?</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("row of return " + returnId).isTrue();
        return m.group();
    }
}
