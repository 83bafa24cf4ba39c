package org.safeguardinghub.section11.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.section11.FinalPosition;
import org.safeguardinghub.section11.NoteKind;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.moderation.ModerationRows.Agreement;
import org.safeguardinghub.section11.moderation.ModerationRows.Answer;
import org.safeguardinghub.section11.moderation.ModerationRows.Assigned;
import org.safeguardinghub.section11.moderation.ModerationRows.Challenge;
import org.safeguardinghub.section11.moderation.ModerationRows.CycleReturn;
import org.safeguardinghub.section11.moderation.ModerationRows.Improvement;
import org.safeguardinghub.section11.moderation.ModerationRows.Meeting;
import org.safeguardinghub.section11.moderation.ModerationRows.ModeratedScore;
import org.safeguardinghub.section11.moderation.ModerationRows.PanelMember;
import org.safeguardinghub.section11.moderation.ModerationRows.Response;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of moderation: assignments, moderated scores, challenges, final positions and panel meetings. */
@Repository
public class ModerationRecords {

    private final JdbcClient jdbc;

    ModerationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Cycles and assignments

    Optional<String> cycleName(long cycleId) {
        return jdbc.sql("select name from s11_cycle where id = :c")
                .param("c", cycleId)
                .query(String.class)
                .optional();
    }

    Optional<LocalDate> moderationEnds(long cycleId) {
        return jdbc.sql("select moderation_to from s11_cycle where id = :c")
                .param("c", cycleId)
                .query(LocalDate.class)
                .optional();
    }

    /** The cycle's returns from agencies serving the partnership: received first, then by agency. */
    List<CycleReturn> returnsOf(long cycleId, long partnershipId) {
        return jdbc.sql("""
                        select r.id, r.agency_id, a.name, r.status from s11_return r
                        join agency_view a on a.id = r.agency_id
                        join agency_partnership_view ap on ap.agency_id = r.agency_id and ap.partnership_id = :p
                        where r.cycle_id = :c
                        order by case when r.status in ('SUBMITTED', 'MODERATED') then 0 else 1 end, a.name""")
                .param("c", cycleId)
                .param("p", partnershipId)
                .query((rs, n) -> new CycleReturn(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), ReturnStatus.valueOf(rs.getString(4))))
                .list();
    }

    Map<Long, Instant> submittedAt(long cycleId) {
        Map<Long, Instant> m = new LinkedHashMap<>();
        jdbc.sql("select id, submitted_at from s11_return where cycle_id = :c and submitted_at is not null")
                .param("c", cycleId)
                .query((rs, n) -> m.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        return m;
    }

    /** Whether the agency serves the partnership (only then does the partnership moderate its return). */
    boolean serves(long agencyId, long partnershipId) {
        return jdbc.sql(
                        "select exists (select 1 from agency_partnership_view where agency_id = :a and partnership_id = :p)")
                .param("a", agencyId)
                .param("p", partnershipId)
                .query(Boolean.class)
                .single();
    }

    /** Active people holding PANEL_MEMBER in the partnership, by name. */
    List<PanelMember> panelMembers(long partnershipId) {
        return jdbc.sql("""
                        select u.id, u.display_name, u.agency_id, a.name from app_user_view u
                        join user_role_view ur on ur.user_id = u.id and ur.partnership_id = :p and ur.role = :role
                        join agency_view a on a.id = u.agency_id
                        where u.status = 'ACTIVE'
                        order by u.display_name, u.id""")
                .param("p", partnershipId)
                .param("role", Audience.PANEL_MEMBER.roleName())
                .query((rs, n) -> new PanelMember(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    /** Assignments of the cycle's returns for the partnership, by return id. */
    Map<Long, List<Assigned>> assignments(long cycleId, long partnershipId) {
        Map<Long, List<Assigned>> m = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.id, s.return_id, s.panel_member_id, u.display_name, a.name
                        from s11_assignment s
                        join s11_return r on r.id = s.return_id
                        join app_user_view u on u.id = s.panel_member_id
                        join agency_view a on a.id = s.panel_member_agency
                        where r.cycle_id = :c and s.partnership_id = :p
                        order by u.display_name""")
                .param("c", cycleId)
                .param("p", partnershipId)
                .query((rs, n) -> m.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                        .add(new Assigned(rs.getLong(1), rs.getLong(3), rs.getString(4), rs.getString(5))))
                .list();
        return m;
    }

    public List<Assigned> assignmentsOf(long returnId, long partnershipId) {
        return jdbc.sql("""
                        select s.id, s.panel_member_id, u.display_name, a.name from s11_assignment s
                        join app_user_view u on u.id = s.panel_member_id
                        join agency_view a on a.id = s.panel_member_agency
                        where s.return_id = :r and s.partnership_id = :p order by u.display_name""")
                .param("r", returnId)
                .param("p", partnershipId)
                .query((rs, n) -> new Assigned(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    boolean assigned(long returnId, long partnershipId, long userId) {
        return jdbc.sql("""
                        select exists (select 1 from s11_assignment
                                       where return_id = :r and partnership_id = :p and panel_member_id = :u)""")
                .param("r", returnId)
                .param("p", partnershipId)
                .param("u", userId)
                .query(Boolean.class)
                .single();
    }

    long assign(long returnId, long partnershipId, long userId, long userAgencyId, long returnAgencyId, String by) {
        return jdbc.sql("""
                        insert into s11_assignment (return_id, partnership_id, panel_member_id, panel_member_agency,
                                                    return_agency_id, assigned_by_name)
                        values (:r, :p, :u, :ua, :ra, :by) returning id""")
                .param("r", returnId)
                .param("p", partnershipId)
                .param("u", userId)
                .param("ua", userAgencyId)
                .param("ra", returnAgencyId)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    record AssignmentKey(long id, long returnId, long userId, String name) {}

    Optional<AssignmentKey> assignment(long id, long cycleId, long partnershipId) {
        return jdbc.sql("""
                        select s.id, s.return_id, s.panel_member_id, u.display_name from s11_assignment s
                        join s11_return r on r.id = s.return_id
                        join app_user_view u on u.id = s.panel_member_id
                        where s.id = :id and r.cycle_id = :c and s.partnership_id = :p""")
                .param("id", id)
                .param("c", cycleId)
                .param("p", partnershipId)
                .query((rs, n) -> new AssignmentKey(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .optional();
    }

    void unassign(long id) {
        jdbc.sql("delete from s11_assignment where id = :id").param("id", id).update();
    }

    // ----------------------------------------------------------------------------------------------------------
    // The return as submitted

    public List<Response> responses(long returnId) {
        return jdbc.sql("""
                        select id, standard_id, self_score, not_applicable, evidence from s11_response
                        where return_id = :r""")
                .param("r", returnId)
                .query((rs, n) -> new Response(
                        rs.getLong("id"),
                        rs.getLong("standard_id"),
                        integer(rs, "self_score"),
                        rs.getBoolean("not_applicable"),
                        rs.getString("evidence")))
                .list();
    }

    public List<Answer> answers(long returnId) {
        return jdbc.sql("""
                        select r.standard_id, a.question_id, a.value from s11_answer a
                        join s11_response r on r.id = a.response_id where r.return_id = :r""")
                .param("r", returnId)
                .query((rs, n) -> new Answer(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    /** The agency's improvement actions, with the tracker action each became for the partnership, if any. */
    public List<Improvement> improvements(long returnId, long partnershipId) {
        return jdbc.sql("""
                        select i.id, i.standard_id, i.text, i.owner_name, i.due_on, x.learning_action_id
                        from s11_improvement i
                        left join s11_improvement_action x on x.improvement_id = i.id and x.partnership_id = :p
                        where i.return_id = :r order by i.standard_id, i.due_on, i.id""")
                .param("r", returnId)
                .param("p", partnershipId)
                .query((rs, n) -> new Improvement(
                        rs.getLong("id"),
                        rs.getLong("standard_id"),
                        rs.getString("text"),
                        rs.getString("owner_name"),
                        rs.getDate("due_on").toLocalDate(),
                        longOrNull(rs, "learning_action_id")))
                .list();
    }

    void linkImprovement(long improvementId, long partnershipId, long agencyId, long actionId) {
        jdbc.sql("""
                        insert into s11_improvement_action (improvement_id, partnership_id, agency_id, learning_action_id)
                        values (:i, :p, :a, :action)""")
                .param("i", improvementId)
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("action", actionId)
                .update();
        // the first partnership's action is the improvement's own link (the one column the schema has)
        jdbc.sql("update s11_improvement set learning_action_id = coalesce(learning_action_id, :action) where id = :i")
                .param("i", improvementId)
                .param("action", actionId)
                .update();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Moderated scores

    public List<ModeratedScore> moderatedScores(long returnId, long partnershipId) {
        return jdbc.sql("""
                        select standard_id, moderated_score, not_applicable, note, note_kind, version,
                               updated_by_name, updated_at
                        from s11_moderated_score where return_id = :r and partnership_id = :p""")
                .param("r", returnId)
                .param("p", partnershipId)
                .query(ModerationRecords::moderated)
                .list();
    }

    public Optional<ModeratedScore> moderatedScore(long returnId, long partnershipId, long standardId) {
        return jdbc.sql("""
                        select standard_id, moderated_score, not_applicable, note, note_kind, version,
                               updated_by_name, updated_at
                        from s11_moderated_score
                        where return_id = :r and partnership_id = :p and standard_id = :s""")
                .param("r", returnId)
                .param("p", partnershipId)
                .param("s", standardId)
                .query(ModerationRecords::moderated)
                .optional();
    }

    /**
     * Creates the score if nobody has (version 0), else updates it if unchanged since {@code version}; the new
     * version, or empty when someone else saved it first (a create that meets an existing row is such a conflict,
     * never silently dropped). Saved rows start at version 1, so 0 always means "not scored yet".
     */
    Optional<Integer> saveModeratedScore(
            long returnId,
            long partnershipId,
            long standardId,
            long agencyId,
            @Nullable Integer score,
            boolean notApplicable,
            String note,
            @Nullable NoteKind kind,
            int version,
            String by) {
        if (version == 0) {
            return jdbc.sql("""
                            insert into s11_moderated_score (return_id, partnership_id, standard_id, agency_id,
                                moderated_score, not_applicable, note, note_kind, updated_by_name, version)
                            values (:r, :p, :s, :a, :score, :na, :note, :kind, :by, 1)
                            on conflict (return_id, partnership_id, standard_id) do nothing
                            returning version""")
                    .param("r", returnId)
                    .param("p", partnershipId)
                    .param("s", standardId)
                    .param("a", agencyId)
                    .param("score", score)
                    .param("na", notApplicable)
                    .param("note", note)
                    .param("kind", kind == null ? null : kind.name())
                    .param("by", by)
                    .query(Integer.class)
                    .optional();
        }
        return jdbc.sql("""
                        update s11_moderated_score set moderated_score = :score, not_applicable = :na,
                               note = :note, note_kind = :kind, updated_by_name = :by, updated_at = now(),
                               version = version + 1
                        where return_id = :r and partnership_id = :p and standard_id = :s
                          and version = :v
                        returning version""")
                .param("r", returnId)
                .param("p", partnershipId)
                .param("s", standardId)
                .param("score", score)
                .param("na", notApplicable)
                .param("note", note)
                .param("kind", kind == null ? null : kind.name())
                .param("by", by)
                .param("v", version)
                .query(Integer.class)
                .optional();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Challenges

    /** Challenges on the return: one partnership's, or every partnership's when {@code partnershipId} is null. */
    /** Holds the return's row until the transaction ends (moderation writes on one return take turns). */
    void lockReturn(long returnId) {
        jdbc.sql("select id from s11_return where id = :r for update")
                .param("r", returnId)
                .query(Long.class)
                .optional();
    }

    public List<Challenge> challenges(long returnId, @Nullable Long partnershipId) {
        return jdbc.sql("""
                        select id, partnership_id, standard_id, question, asked_by_name, asked_at, response,
                               responded_by_name, responded_at, version
                        from s11_challenge
                        where return_id = :r and (cast(:p as bigint) is null or partnership_id = :p)
                        order by asked_at, id""")
                .param("r", returnId)
                .param("p", partnershipId)
                .query(ModerationRecords::challenge)
                .list();
    }

    public Optional<Challenge> challenge(long returnId, long challengeId) {
        return jdbc.sql("""
                        select id, partnership_id, standard_id, question, asked_by_name, asked_at, response,
                               responded_by_name, responded_at, version
                        from s11_challenge where return_id = :r and id = :id""")
                .param("r", returnId)
                .param("id", challengeId)
                .query(ModerationRecords::challenge)
                .optional();
    }

    long ask(long returnId, long partnershipId, long standardId, long agencyId, String question, long by, String name) {
        return jdbc.sql("""
                        insert into s11_challenge (return_id, partnership_id, standard_id, agency_id, question,
                                                   asked_by, asked_by_name)
                        values (:r, :p, :s, :a, :q, :by, :name) returning id""")
                .param("r", returnId)
                .param("p", partnershipId)
                .param("s", standardId)
                .param("a", agencyId)
                .param("q", question)
                .param("by", by)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    /** Records the agency's answer unless someone answered (or it changed) since {@code version}. */
    boolean answer(long challengeId, int version, String response, String by) {
        return jdbc.sql("""
                                update s11_challenge set response = :response, responded_by_name = :by,
                                       responded_at = now(), version = version + 1
                                where id = :id and version = :v and response is null""")
                        .param("id", challengeId)
                        .param("v", version)
                        .param("response", response)
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Short names of the partnerships running the return's cycle, by id. */
    public Map<Long, String> partnershipNames(long returnId) {
        Map<Long, String> m = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.id, p.short_name from s11_return r
                        join s11_cycle_partnership cp on cp.cycle_id = r.cycle_id
                        join partnership_view p on p.id = cp.partnership_id
                        where r.id = :r order by p.short_name""")
                .param("r", returnId)
                .query((rs, n) -> m.put(rs.getLong(1), rs.getString(2)))
                .list();
        return m;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Final positions

    List<Agreement> agreements(long returnId) {
        return jdbc.sql("""
                        select m.partnership_id, p.name, m.final_position, m.feedback, m.follow_up, m.agreed_at,
                               m.agreed_by_name
                        from s11_moderation m join partnership_view p on p.id = m.partnership_id
                        where m.return_id = :r order by p.name""")
                .param("r", returnId)
                .query((rs, n) -> new Agreement(
                        rs.getLong(1),
                        rs.getString(2),
                        FinalPosition.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
    }

    boolean agree(
            long returnId,
            long partnershipId,
            long agencyId,
            FinalPosition position,
            String feedback,
            String followUp,
            String by) {
        return jdbc.sql("""
                                insert into s11_moderation (return_id, partnership_id, agency_id, final_position,
                                                            feedback, follow_up, agreed_by_name)
                                values (:r, :p, :a, :pos, :feedback, :followUp, :by)
                                on conflict (return_id, partnership_id) do nothing""")
                        .param("r", returnId)
                        .param("p", partnershipId)
                        .param("a", agencyId)
                        .param("pos", position.name())
                        .param("feedback", feedback)
                        .param("followUp", followUp)
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Partnerships of the cycle that the agency serves and that have not agreed a final position yet. */
    long partnershipsStillToAgree(long returnId) {
        return jdbc.sql("""
                        select count(*) from s11_return r
                        join s11_cycle_partnership cp on cp.cycle_id = r.cycle_id
                        join agency_partnership_view ap on ap.agency_id = r.agency_id and ap.partnership_id = cp.partnership_id
                        where r.id = :r and not exists (
                            select 1 from s11_moderation m where m.return_id = r.id and m.partnership_id = cp.partnership_id)""").param("r", returnId).query(Long.class).single();
    }

    boolean markModerated(long returnId) {
        return jdbc.sql("""
                                update s11_return set status = 'MODERATED', updated_at = now(), version = version + 1
                                where id = :r and status = 'SUBMITTED'""").param("r", returnId).update() == 1;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Panel meetings

    List<Meeting> meetings(long cycleId, long partnershipId) {
        List<Long> ids = jdbc.sql("""
                        select id from s11_panel_meeting where cycle_id = :c and partnership_id = :p
                        order by held_on desc, id desc""")
                .param("c", cycleId)
                .param("p", partnershipId)
                .query(Long.class)
                .list();
        return ids.stream()
                .map(id -> meeting(id, cycleId, partnershipId).orElseThrow())
                .toList();
    }

    Optional<Meeting> meeting(long id, long cycleId, long partnershipId) {
        record Row(long id, LocalDate heldOn, String attendees, String notes, String by, int version) {}
        Optional<Row> row = jdbc.sql("""
                        select id, held_on, attendees, notes, created_by_name, version from s11_panel_meeting
                        where id = :id and cycle_id = :c and partnership_id = :p""")
                .param("id", id)
                .param("c", cycleId)
                .param("p", partnershipId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6)))
                .optional();
        return row.map(r -> {
            List<Long> returnIds = new ArrayList<>();
            List<String> names = new ArrayList<>();
            jdbc.sql("""
                            select mr.return_id, a.name from s11_panel_meeting_return mr
                            join s11_return x on x.id = mr.return_id join agency_view a on a.id = x.agency_id
                            where mr.meeting_id = :m order by a.name""")
                    .param("m", r.id())
                    .query((rs, n) -> {
                        returnIds.add(rs.getLong(1));
                        return names.add(rs.getString(2));
                    })
                    .list();
            return new Meeting(r.id(), r.heldOn(), r.attendees(), r.notes(), r.by(), r.version(), returnIds, names);
        });
    }

    long addMeeting(long cycleId, long partnershipId, LocalDate heldOn, String attendees, String notes, String by) {
        return jdbc.sql("""
                        insert into s11_panel_meeting (cycle_id, partnership_id, held_on, attendees, notes,
                                                       created_by_name)
                        values (:c, :p, :on, :att, :notes, :by) returning id""")
                .param("c", cycleId)
                .param("p", partnershipId)
                .param("on", heldOn)
                .param("att", attendees)
                .param("notes", notes)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    boolean updateMeeting(long id, int version, LocalDate heldOn, String attendees, String notes) {
        return jdbc.sql("""
                                update s11_panel_meeting set held_on = :on, attendees = :att, notes = :notes,
                                       version = version + 1
                                where id = :id and version = :v""")
                        .param("id", id)
                        .param("v", version)
                        .param("on", heldOn)
                        .param("att", attendees)
                        .param("notes", notes)
                        .update()
                == 1;
    }

    void replaceMeetingReturns(long meetingId, List<Long> returnIds) {
        jdbc.sql("delete from s11_panel_meeting_return where meeting_id = :m")
                .param("m", meetingId)
                .update();
        for (long r : returnIds) {
            jdbc.sql("insert into s11_panel_meeting_return (meeting_id, return_id) values (:m, :r)")
                    .param("m", meetingId)
                    .param("r", r)
                    .update();
        }
    }

    // ----------------------------------------------------------------------------------------------------------

    private static ModeratedScore moderated(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("note_kind");
        return new ModeratedScore(
                rs.getLong("standard_id"),
                integer(rs, "moderated_score"),
                rs.getBoolean("not_applicable"),
                rs.getString("note"),
                kind == null ? null : NoteKind.valueOf(kind),
                rs.getInt("version"),
                rs.getString("updated_by_name"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Challenge challenge(ResultSet rs, int n) throws SQLException {
        return new Challenge(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getLong("standard_id"),
                rs.getString("question"),
                rs.getString("asked_by_name"),
                rs.getTimestamp("asked_at").toInstant(),
                rs.getString("response"),
                rs.getString("responded_by_name"),
                instant(rs.getTimestamp("responded_at")),
                rs.getInt("version"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
