package org.safeguardinghub.section11.demo;

import static org.safeguardinghub.section11.demo.Section11Demo.FICTIONAL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.safeguardinghub.section11.demo.Section11Demo.Agency;
import org.safeguardinghub.section11.demo.Section11Demo.Panel;
import org.safeguardinghub.section11.demo.Section11Demo.Standard;
import org.safeguardinghub.section11.demo.Section11Demo.Template;
import org.safeguardinghub.tasks.PersonTaskRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the Section 11 demo's cycles, returns, answers, moderation, challenges, improvement actions and panel
 * meetings, as the pages would have; {@link Section11Demo} decides what happens to which agency.
 */
@Component
class DemoReturns {

    private static final List<String> THEMES = List.of(
            "Several agencies could not show that staff know the multi-agency professional challenge and escalation"
                    + " policy; the panel asks for it to be covered in induction.",
            "Training records are held locally and agencies cannot say what share of staff are up to date.",
            "The voice of the child is described in policy but rarely evidenced in service changes.",
            "Information sharing with schools at weekends and in holidays depends on individual contacts.",
            "Safer recruitment checks are in place but allegations against staff are not always referred to the"
                    + " LADO within one working day.");
    private static final List<String> PRACTICE = List.of(
            "A children's reference group reviews new leaflets and website pages before they are published.",
            "Every team has a named escalation champion and escalations are logged and reviewed quarterly.",
            "Designated safeguarding leads meet monthly with the police schools officer to share concerns early.",
            "The board receives a safeguarding dashboard every quarter with training, supervision and audit figures.",
            "New starters shadow the safeguarding team for a day as part of induction.");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DemoReturns(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    long cycle(
            String name,
            LocalDate opens,
            LocalDate closes,
            LocalDate modFrom,
            LocalDate modTo,
            Long previous,
            long kent,
            long medway) {
        long id = jdbc.sql("""
                        insert into s11_cycle (name, opens_on, closes_on, moderation_from, moderation_to,
                                               previous_cycle_id, created_by_name)
                        values (:n, :o, :c, :mf, :mt, :prev, 'Priya Shah') returning id""")
                .param("n", name)
                .param("o", opens)
                .param("c", closes)
                .param("mf", modFrom)
                .param("mt", modTo)
                .param("prev", previous)
                .query(Long.class)
                .single();
        for (long p : List.of(kent, medway)) {
            jdbc.sql("insert into s11_cycle_partnership (cycle_id, partnership_id) values (:c, :p)")
                    .param("c", id)
                    .param("p", p)
                    .update();
        }
        return id;
    }

    long expect(long cycle, Agency a, Template t) {
        return jdbc.sql("insert into s11_return (cycle_id, agency_id, template_id) values (:c, :a, :t) returning id")
                .param("c", cycle)
                .param("a", a.id())
                .param("t", t.id())
                .query(Long.class)
                .single();
    }

    /** Self-scores for the first {@code count} standards: the agency's strength plus a standard's own noise. */
    static Map<String, Integer> selfScores(Template t, double strength, Random random, int count) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Standard s : t.standards().subList(0, Math.min(count, t.standards().size()))) {
            // S4 (children's views) and S7 (escalation) are the weaker standards in Kent's reports
            double bias = s.code().equals("S4") || s.code().equals("S7") ? -0.6 : 0.2;
            int score = (int) Math.round(strength + bias + random.nextGaussian() * 0.5);
            scores.put(s.code(), Math.max(0, Math.min(3, score)));
        }
        return scores;
    }

    void respond(long r, Agency a, Template t, Map<String, Integer> scores, boolean complete, String status) {
        for (Standard s : t.standards()) {
            Integer score = scores.get(s.code());
            if (score == null) {
                continue;
            }
            jdbc.sql("""
                            insert into s11_response (return_id, standard_id, agency_id, self_score, evidence,
                                                      updated_by_name)
                            values (:r, :s, :a, :score, :evidence, 'Agency safeguarding lead')""")
                    .param("r", r)
                    .param("s", s.id())
                    .param("a", a.id())
                    .param("score", score)
                    .param("evidence", evidence(a, s.code(), score))
                    .update();
        }
        answers(r, a, scores.keySet());
        if (complete) {
            for (long section : t.sections()) {
                jdbc.sql("insert into s11_section_progress (return_id, section_id, agency_id, completed)"
                                + " values (:r, :s, :a, true)")
                        .param("r", r)
                        .param("s", section)
                        .param("a", a.id())
                        .update();
            }
        }
        if (status.equals("IN_PROGRESS")) {
            // received states are set by submit(), with the submission and declaration the schema requires
            jdbc.sql("update s11_return set status = 'IN_PROGRESS' where id = :r")
                    .param("r", r)
                    .update();
        }
    }

    private void answers(long r, Agency a, Set<String> codes) {
        jdbc.sql("""
                        insert into s11_answer (response_id, question_id, agency_id, value)
                        select resp.id, q.id, :a,
                               case q.kind when 'YES_NO' then 'YES'
                                           when 'EVIDENCE' then 'Policy and audit summary uploaded to the Hub.'
                                           else 'Described in the evidence for this standard.' end || :fictional
                        from s11_response resp
                        join s11_standard s on s.id = resp.standard_id
                        join s11_question q on q.standard_id = s.id
                        where resp.return_id = :r and s.code in (:codes)
                        on conflict do nothing""")
                .param("a", a.id())
                .param("r", r)
                .param("codes", List.copyOf(codes))
                .param("fictional", FICTIONAL)
                .update();
    }

    private static String evidence(Agency a, String code, int score) {
        String level = switch (score) {
            case 3 -> "The arrangements are embedded and tested by audit.";
            case 2 -> "The arrangements are in place; an audit found minor gaps we are closing.";
            case 1 -> "Some arrangements are in place; our action plan addresses the gaps.";
            default -> "We do not yet have these arrangements in place.";
        };
        return a.name() + ", " + code + ": " + level + FICTIONAL;
    }

    void started(long r, OffsetDateTime at) {
        jdbc.sql("update s11_return set started_at = :at where id = :r")
                .param("at", at)
                .param("r", r)
                .update();
    }

    void submit(long r, OffsetDateTime at, String status) {
        jdbc.sql("""
                        update s11_return set status = :st, started_at = :started, submitted_at = :at,
                               submitted_by_name = 'Agency safeguarding lead', declaration_name = 'Accountable officer',
                               declaration_role = 'Chief executive (fictional)', updated_at = :at
                        where id = :r""")
                .param("st", status)
                .param("started", at.minusDays(21))
                .param("at", at)
                .param("r", r)
                .update();
    }

    /** Moderated scores (the panel marks some down a point), themed notes, and if agreed a final position. */
    void moderate(
            long r,
            Agency a,
            Template t,
            long partnership,
            Map<String, Integer> self,
            Random random,
            boolean agreed,
            @org.jspecify.annotations.Nullable Panel assignTo) {
        List<Integer> moderated = new ArrayList<>();
        for (Standard s : t.standards()) {
            Integer score = self.get(s.code());
            if (score == null) {
                continue;
            }
            int m = random.nextDouble() < 0.35 ? Math.max(0, score - 1) : score;
            moderated.add(m);
            String note = "";
            String kind = null;
            double roll = random.nextDouble();
            if (roll < 0.12) {
                kind = "EMERGING_THEME";
                note = THEMES.get(random.nextInt(THEMES.size())) + FICTIONAL;
            } else if (roll < 0.2 && m >= 2) {
                kind = "PROMISING_PRACTICE";
                note = PRACTICE.get(random.nextInt(PRACTICE.size())) + FICTIONAL;
            } else if (m < score) {
                note = "The evidence does not yet show the arrangements working in practice." + FICTIONAL;
            }
            jdbc.sql("""
                            insert into s11_moderated_score (return_id, partnership_id, standard_id, agency_id,
                                                             moderated_score, note, note_kind, updated_by_name,
                                                             version)
                            values (:r, :p, :s, :a, :m, :note, :kind, 'Chris Evans', 1)""")
                    .param("r", r)
                    .param("p", partnership)
                    .param("s", s.id())
                    .param("a", a.id())
                    .param("m", m)
                    .param("note", note)
                    .param("kind", kind)
                    .update();
        }
        if (!agreed) {
            return;
        }
        double mean = moderated.stream().mapToInt(Integer::intValue).average().orElse(0);
        String position = mean >= 2.5 ? "FULLY_ASSURED" : mean >= 1.5 ? "PARTLY_ASSURED" : "NOT_ASSURED";
        jdbc.sql("""
                        insert into s11_moderation (return_id, partnership_id, agency_id, final_position, feedback,
                                                    follow_up, agreed_by_name)
                        values (:r, :p, :a, :pos, :feedback, :follow, 'Chris Evans')""")
                .param("r", r)
                .param("p", partnership)
                .param("a", a.id())
                .param("pos", position)
                .param(
                        "feedback",
                        "The panel thanks " + a.name() + " for a clear return. Mean moderated score "
                                + String.format(java.util.Locale.UK, "%.1f", mean) + "." + FICTIONAL)
                .param(
                        "follow",
                        position.equals("FULLY_ASSURED")
                                ? ""
                                : "Send evidence of the escalation policy in use within three months." + FICTIONAL)
                .update();
        if (assignTo != null && partnership == kentOf(r)) {
            assign(r, a, partnership, assignTo);
        }
    }

    /** The Kent partnership's id: the demo's panel member is assigned Kent's moderation only. */
    private long kentOf(long returnId) {
        return jdbc.sql("select id from partnership_view where short_name = :s")
                .param("s", "KSCMP")
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    void assign(long r, Agency a, long partnership, Panel panel) {
        if (panel.userId() <= 0 || panel.agencyId() == a.id()) {
            return; // never the panel member's own agency
        }
        jdbc.sql("""
                        insert into s11_assignment (return_id, partnership_id, panel_member_id, panel_member_agency,
                                                    return_agency_id, assigned_by_name)
                        values (:r, :p, :u, :ua, :a, 'Priya Shah') on conflict do nothing""")
                .param("r", r)
                .param("p", partnership)
                .param("u", panel.userId())
                .param("ua", panel.agencyId())
                .param("a", a.id())
                .update();
    }

    /** The assigned panel member's home task, as assigning on the page raises it (closed when agreed). */
    void moderationTask(long r, Agency a, long partnership, Panel panel, long cycle) {
        if (panel.userId() <= 0 || panel.agencyId() == a.id()) {
            return;
        }
        events.publishEvent(new PersonTaskRequested(
                partnership,
                panel.userId(),
                "Moderate " + a.name() + "'s Section 11 return",
                "/section11/returns/" + r + "/moderation",
                jdbc.sql("select moderation_to from s11_cycle where id = :c")
                        .param("c", cycle)
                        .query(LocalDate.class)
                        .optional()
                        .orElse(null),
                "s11-moderate",
                r + "-" + panel.userId()));
    }

    void challenge(long r, Agency a, Template t, long partnership, Panel panel, boolean answered) {
        Standard s7 = t.standards().stream()
                .filter(s -> s.code().equals("S7"))
                .findFirst()
                .orElse(t.standards().get(0));
        jdbc.sql("""
                        insert into s11_challenge (return_id, partnership_id, standard_id, agency_id, question,
                                                   asked_by, asked_by_name, asked_at, response, responded_by_name,
                                                   responded_at)
                        values (:r, :p, :s, :a, :q, :u, 'Chris Evans', :asked, :resp, :by, :at)""")
                .param("r", r)
                .param("p", partnership)
                .param("s", s7.id())
                .param("a", a.id())
                .param(
                        "q",
                        "How do you know front-line staff use the escalation policy? Please give an example from"
                                + " the last year." + FICTIONAL)
                .param("u", panel.userId())
                .param("asked", OffsetDateTime.of(2026, 11, 10, 14, 0, 0, 0, ZoneOffset.UTC))
                .param(
                        "resp",
                        answered
                                ? "Our escalation log shows twelve escalations since April, two to head of service level."
                                        + FICTIONAL
                                : null)
                .param("by", answered ? "Agency safeguarding lead" : null)
                .param("at", answered ? OffsetDateTime.of(2026, 11, 14, 11, 0, 0, 0, ZoneOffset.UTC) : null)
                .update();
    }

    /** Starts from the 2024 answers, matched by standard code, each marked for review; some already reviewed. */
    void carryForward(long r, long previous, Agency a, Template t, Map<String, Integer> before, Random random) {
        jdbc.sql("update s11_return set carried_forward_from = :p where id = :r")
                .param("p", previous)
                .param("r", r)
                .update();
        int reviewed = 0;
        for (Standard s : t.standards()) {
            Integer score = before.get(s.code());
            if (score == null) {
                continue;
            }
            boolean done = reviewed < 3 && random.nextBoolean();
            if (done) {
                reviewed++;
            }
            jdbc.sql("""
                            insert into s11_response (return_id, standard_id, agency_id, self_score, evidence,
                                                      needs_review, updated_by_name)
                            values (:r, :s, :a, :score, :evidence, :review, 'Agency safeguarding lead')""")
                    .param("r", r)
                    .param("s", s.id())
                    .param("a", a.id())
                    .param("score", done ? Math.min(3, score + 1) : score)
                    .param("evidence", "Carried forward from 2024: " + evidence(a, s.code(), score))
                    .param("review", !done)
                    .update();
        }
        jdbc.sql("update s11_return set status = 'IN_PROGRESS' where id = :r")
                .param("r", r)
                .update();
    }

    void improvement(long r, Agency a, Template t, String code, LocalDate due) {
        t.standards().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .ifPresent(s -> jdbc.sql("""
                        insert into s11_improvement (return_id, standard_id, agency_id, text, owner_name, due_on,
                                                     created_by_name)
                        values (:r, :s, :a, :text, :owner, :due, 'Agency safeguarding lead')""")
                        .param("r", r)
                        .param("s", s.id())
                        .param("a", a.id())
                        .param(
                                "text",
                                switch (code) {
                                    case "S7" ->
                                        "Brief every team on the Kent and Medway professional challenge and escalation"
                                                + " policy and log escalations." + FICTIONAL;
                                    case "S4" ->
                                        "Set up a young people's reference group to review service changes."
                                                + FICTIONAL;
                                    default ->
                                        "Bring safeguarding training records into one system and report completion to the"
                                                + " board quarterly." + FICTIONAL;
                                })
                        .param("owner", "Head of safeguarding, " + a.name())
                        .param("due", due)
                        .update());
    }

    void meeting(
            long cycle,
            long partnership,
            LocalDate heldOn,
            List<Long> returnsDiscussed,
            String attendees,
            String notes) {
        long id = jdbc.sql("""
                        insert into s11_panel_meeting (cycle_id, partnership_id, held_on, attendees, notes,
                                                       created_by_name)
                        values (:c, :p, :d, :att, :notes, 'Priya Shah') returning id""")
                .param("c", cycle)
                .param("p", partnership)
                .param("d", heldOn)
                .param("att", attendees + FICTIONAL)
                .param("notes", notes + FICTIONAL)
                .query(Long.class)
                .single();
        for (long r : returnsDiscussed) {
            jdbc.sql("insert into s11_panel_meeting_return (meeting_id, return_id) values (:m, :r)")
                    .param("m", id)
                    .param("r", r)
                    .update();
        }
    }
}
