package org.safeguardinghub.learning.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.tasks.TaskBacklog;
import org.safeguardinghub.tasks.TaskRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The learning module's demo data: the Learning and Improvement Group's tracker for Kent's practice reviews (45
 * recommendations and 68 actions, 19 signed off, as in the KSCMP annual report 2023-24), and the tasks its open
 * actions would have raised. The case review demo calls it with the reviews it wrote, so learning never reads their
 * tables.
 */
@Component
public class TrackerDemo {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A practice review the recommendations come from, and how many it made. */
    public record Source(long id, String title, int recommendations, List<String> themes) {}

    private static final String[] RECOMMENDATIONS = {
        "Agencies should make sure practitioners record the voice and lived experience of the child at every contact.",
        "Partners should strengthen the sharing of information between health, police and children's social care when"
                + " a non-mobile infant is seen with bruising.",
        "The partnership should review how fathers and male carers are identified and engaged in assessments.",
        "Agencies should assure the partnership that supervision of complex cases includes reflective challenge.",
        "Practitioners should use the escalation policy when they disagree with a decision about a child's safety.",
        "Schools should make sure safeguarding files transfer promptly and completely when a child changes setting.",
        "Partners should improve the response to repeated missing episodes and indicators of criminal exploitation.",
        "Adult mental health services should consider the children in the household when assessing a parent.",
        "Agencies should make sure safer sleep advice is given and checked at every contact with families of infants.",
        "The partnership should test how well professional curiosity is shown in multi-agency audits."
    };

    private static final String[] ACTIONS = {
        "Deliver a briefing to all frontline staff and record attendance.",
        "Update the single-agency policy and publish it on the intranet.",
        "Audit a sample of 20 case files and report the findings to LIG.",
        "Add the learning to the mandatory safeguarding training.",
        "Introduce a prompt in the case management system.",
        "Run a practitioner workshop with partner agencies.",
        "Review supervision templates and agree changes with team managers.",
        "Produce a 5 minute factsheet and share it through the partnership newsletter."
    };

    private static final String[] OWNERS = {
        "Kent County Council",
        "Kent Police",
        "Kent Community Health NHS Foundation Trust",
        "East Kent Hospitals University NHS Foundation Trust",
        "NHS Kent and Medway Integrated Care Board",
        "Kent and Medway NHS and Social Care Partnership Trust",
        "Maidstone and Tunbridge Wells NHS Trust",
        "Kent, Surrey and Sussex Probation Service",
        "Hollowbrook Academy (fictional demo school)",
        "South East Coast Ambulance Service NHS Foundation Trust"
    };

    private static final String[] PEOPLE = {
        "Sam Taylor",
        "Alex Morgan",
        "Ruth Adeyemi",
        "Jordan Lee",
        "Dev Mistry",
        "Hannah Cole",
        "Owen Price",
        "Leah Grant"
    };

    private final JdbcClient jdbc;
    private final TaskBacklog tasks;
    private final Clock clock;

    TrackerDemo(JdbcClient jdbc, TaskBacklog tasks, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * 45 recommendations and 68 actions: 19 signed off, 9 awaiting sign-off, the rest open, some overdue; the
     * statuses are shuffled with the demo's random source, so the same seed gives the same tracker.
     */
    public void loadKent(long partnershipId, @Nullable Long group, List<Source> reviews, Random random) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> themes = themes();
        Map<String, Long> agencies = agencies(partnershipId);
        List<String> statuses = new ArrayList<>();
        add(statuses, "SIGNED_OFF", 19);
        add(statuses, "COMPLETED", 9);
        add(statuses, "UNDERWAY", 22);
        add(statuses, "NOT_STARTED", 12);
        add(statuses, "AWAITING_NATIONAL", 6);
        Collections.shuffle(statuses, random);
        int recommendationNo = 0;
        int actionNo = 0;
        int statusIndex = 0;
        for (int v = 0; v < reviews.size(); v++) {
            Source review = reviews.get(v);
            for (int k = 0; k < review.recommendations(); k++) {
                recommendationNo++;
                LocalDate considered = LocalDate.of(2023, 5, 1).plusDays(recommendationNo * 7L);
                long recId = recommendation(partnershipId, group, themes, review, v, k, recommendationNo, considered);
                int actions = recommendationNo <= 23 ? 2 : 1; // 45 recommendations, 68 actions
                for (int a = 0; a < actions; a++) {
                    actionNo++;
                    action(partnershipId, agencies, recId, statuses.get(statusIndex++), actionNo, a, considered, today);
                }
            }
        }
        if (recommendationNo != 45 || actionNo != 68) {
            throw new IllegalStateException(
                    "Kent demo tracker: " + recommendationNo + " recommendations, " + actionNo + " actions");
        }
        // a progress note on each action under way, written by its owning agency
        jdbc.sql("""
                        insert into learning_action_update (action_id, agency_id, written_at, written_by_name, text,
                            status_from, status_to)
                        select id, owner_agency_id, created_at + interval '30 days', coalesce(owner_person, 'Agency lead'),
                               'Work has started: a plan is agreed and the first briefing sessions are booked.',
                               'NOT_STARTED', 'UNDERWAY'
                        from learning_action where partnership_id = :p and status = 'UNDERWAY'
                        """).param("p", partnershipId).update();
    }

    private long recommendation(
            long partnershipId,
            @Nullable Long group,
            Map<String, Long> themes,
            Source review,
            int v,
            int k,
            int recommendationNo,
            LocalDate considered) {
        long recId = jdbc.sql("""
                        insert into recommendation (partnership_id, reference, source_type, source_id,
                            source_title, text, owning_group_id, agreed_on, considered_on, created_at,
                            created_by_name)
                        values (:p, :ref, 'PRACTICE_REVIEW', :src, :title, :text, :group, :agreed,
                            :considered, :created, 'Priya Shah')
                        returning id
                        """)
                .param("p", partnershipId)
                .param("ref", String.format("R-%d-%03d", considered.getYear(), recommendationNo))
                .param("src", review.id())
                .param("title", review.title())
                .param("text", RECOMMENDATIONS[(recommendationNo * 3 + v) % RECOMMENDATIONS.length])
                .param("group", group)
                .param("agreed", considered.minusDays(14))
                .param("considered", considered)
                .param("created", at(considered, 9))
                .query(Long.class)
                .single();
        jdbc.sql("insert into recommendation_theme (recommendation_id, theme_id) values (:r, :t)")
                .param("r", recId)
                .param("t", themes.get(review.themes().get(k % review.themes().size())))
                .update();
        return recId;
    }

    private void action(
            long partnershipId,
            Map<String, Long> agencies,
            long recId,
            String status,
            int actionNo,
            int a,
            LocalDate considered,
            LocalDate today) {
        String owner = OWNERS[(actionNo * 7 + a) % OWNERS.length];
        LocalDate due = switch (status) {
            case "SIGNED_OFF", "COMPLETED" -> considered.plusMonths(6);
            case "UNDERWAY" ->
                actionNo % 2 == 0 ? today.minusDays(10 + actionNo % 40) : today.plusDays(7 + actionNo % 90);
            case "NOT_STARTED" ->
                actionNo % 3 == 0 ? today.minusDays(5 + actionNo % 20) : today.plusDays(30 + actionNo);
            default -> today.plusMonths(3);
        };
        LocalDate completed = "SIGNED_OFF".equals(status) || "COMPLETED".equals(status)
                ? considered.plusMonths(4).plusDays(actionNo % 20)
                : null;
        LocalDate signedOff = "SIGNED_OFF".equals(status) ? completed.plusDays(30) : null;
        jdbc.sql("""
                        insert into learning_action (partnership_id, recommendation_id, reference, text,
                            owner_agency_id, owner_person, due_on, status, completed_on, signed_off_on,
                            signed_off_by_name, sign_off_note, impact_note, created_at, updated_at)
                        values (:p, :rec, :ref, :text, :owner, :person, :due, :status, :completed,
                            :signedOff, :signedBy, :note, :impact, :created, :created)
                        """)
                .param("p", partnershipId)
                .param("rec", recId)
                .param("ref", String.format("A-%d-%03d", considered.getYear(), actionNo))
                .param("text", ACTIONS[(actionNo + a) % ACTIONS.length])
                .param("owner", agency(agencies, owner))
                .param("person", PEOPLE[actionNo % PEOPLE.length])
                .param("due", due)
                .param("status", status)
                .param("completed", completed)
                .param("signedOff", signedOff)
                .param("signedBy", signedOff != null ? "Ruth Adeyemi (LIG chair)" : null)
                .param("note", signedOff != null ? "Evidence seen by the Learning and Improvement Group." : null)
                .param(
                        "impact",
                        signedOff != null && actionNo % 2 == 0
                                ? "A follow-up audit found the change in practice in most of the files sampled."
                                : null)
                .param("created", at(considered, 11))
                .update();
    }

    /**
     * The tasks the open actions would have raised had they been entered through the pages: an update for the owning
     * agency's lead on each action not started or under way, and the group's sign-off of each completed one. Same
     * titles, links, due dates and sources as the tracker raises, so doing the work in the demo closes them. In the
     * order the tracker's index lists the actions (status, then due date), so the tasks keep the ids they always had.
     */
    public void raiseTasks(long partnershipId) {
        jdbc.sql("""
                        select id, reference, text, owner_agency_id, due_on from learning_action
                        where partnership_id = :p and status in ('NOT_STARTED', 'UNDERWAY')
                        order by status, due_on, id""")
                .param("p", partnershipId)
                .query((rs, n) -> new TaskRequested(
                        partnershipId,
                        Audience.AGENCY_LEAD.roleName(),
                        rs.getLong("owner_agency_id"),
                        "Update action " + rs.getString("reference") + ": " + left80(rs.getString("text")),
                        "/learning/actions/" + rs.getLong("id"),
                        rs.getObject("due_on", LocalDate.class),
                        "learning-action",
                        String.valueOf(rs.getLong("id"))))
                .list()
                .forEach(tasks::raise);
        // a completed action is the group's to sign off, no longer the agency's to update (nor overdue for them)
        jdbc.sql("""
                        select id, reference, text from learning_action
                        where partnership_id = :p and status = 'COMPLETED' order by due_on, id""")
                .param("p", partnershipId)
                .query((rs, n) -> new TaskRequested(
                        partnershipId,
                        Audience.PANEL_MEMBER.roleName(),
                        null,
                        "Sign off action " + rs.getString("reference") + ": " + left80(rs.getString("text")),
                        "/learning/actions/" + rs.getLong("id"),
                        null,
                        "learning-action-sign-off",
                        String.valueOf(rs.getLong("id"))))
                .list()
                .forEach(tasks::raise);
    }

    /** PostgreSQL's {@code left(text, 80)}: the first 80 characters. */
    private static String left80(String text) {
        return text.codePointCount(0, text.length()) <= 80 ? text : text.substring(0, text.offsetByCodePoints(0, 80));
    }

    private Map<String, Long> themes() {
        Map<String, Long> themes = new LinkedHashMap<>();
        jdbc.sql("select id, name from learning_theme").query(rs -> {
            themes.put(rs.getString("name"), rs.getLong("id"));
        });
        return themes;
    }

    private Map<String, Long> agencies(long partnershipId) {
        Map<String, Long> agencies = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.name from agency_view a join agency_partnership_view ap on ap.agency_id = a.id
                        where ap.partnership_id = :p order by a.name
                        """).param("p", partnershipId).query(rs -> {
            agencies.put(rs.getString("name"), rs.getLong("id"));
        });
        return agencies;
    }

    private static long agency(Map<String, Long> agencies, String name) {
        Long id = agencies.get(name);
        if (id == null) {
            throw new IllegalStateException("Demo agency missing: " + name);
        }
        return id;
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(LONDON).toOffsetDateTime();
    }

    private static void add(List<String> list, String value, int times) {
        for (int i = 0; i < times; i++) {
            list.add(value);
        }
    }
}
