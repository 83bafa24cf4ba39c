package org.safeguardinghub.section11.returns;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.returns.ReturnViews.Colleague;
import org.safeguardinghub.section11.returns.ReturnViews.Contributor;
import org.safeguardinghub.section11.returns.ReturnViews.Improvement;
import org.safeguardinghub.section11.returns.ReturnViews.PreviousReturn;
import org.safeguardinghub.section11.returns.ReturnViews.ReturnDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for Section 11 self-assessments: the return (the {@link Section11Return} lifecycle), its answers by standard,
 * section progress, improvement actions and contributors. Callers check access through {@code ReturnAccess} first.
 */
@Repository
class SelfAssessmentRecords {

    private final JdbcClient jdbc;

    SelfAssessmentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The return

    /** The return, holding its row lock until the transaction ends. */
    Section11Return lock(long returnId) {
        return jdbc.sql("""
                        select id, status, version, carried_forward_from, submitted_by_name, declaration_name,
                               declaration_role
                        from s11_return where id = :r for update""")
                .param("r", returnId)
                .query((rs, n) -> new Section11Return(
                        rs.getLong("id"),
                        ReturnStatus.valueOf(rs.getString("status")),
                        rs.getInt("version"),
                        (Long) rs.getObject("carried_forward_from", Long.class),
                        rs.getString("submitted_by_name"),
                        rs.getString("declaration_name"),
                        rs.getString("declaration_role")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Section 11 return"));
    }

    /**
     * Saves the return's lifecycle state; its version moves on. Every save follows a move out of "not started", so
     * it is started now if it was not before; a save of a submitted return is its submission.
     */
    void save(Section11Return ret) {
        jdbc.sql("""
                        update s11_return set status = :status, started_at = coalesce(started_at, now()),
                               carried_forward_from = :prev,
                               submitted_at = case when :status = 'SUBMITTED' then now() else submitted_at end,
                               submitted_by_name = :by, declaration_name = :n, declaration_role = :role,
                               updated_at = now(), version = version + 1
                        where id = :r""")
                .param("status", ret.status().name())
                .param("prev", ret.carriedForwardFrom())
                .param("by", ret.submittedByName())
                .param("n", ret.declarationName())
                .param("role", ret.declarationRole())
                .param("r", ret.id())
                .update();
    }

    ReturnDetails details(ReturnRef ref) {
        return jdbc.sql("""
                        select t.name as template_name, c.closes_on, r.started_at, r.submitted_at, r.submitted_by_name,
                               r.declaration_name, r.declaration_role, pc.name as carried_from, r.version
                        from s11_return r
                        join s11_template t on t.id = r.template_id
                        join s11_cycle c on c.id = r.cycle_id
                        left join s11_return pr on pr.id = r.carried_forward_from
                        left join s11_cycle pc on pc.id = pr.cycle_id
                        where r.id = :r""")
                .param("r", ref.id())
                .query((rs, n) -> new ReturnDetails(
                        ref,
                        rs.getString("template_name"),
                        rs.getObject("closes_on", LocalDate.class),
                        instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("submitted_at")),
                        rs.getString("submitted_by_name"),
                        rs.getString("declaration_name"),
                        rs.getString("declaration_role"),
                        rs.getString("carried_from"),
                        rs.getInt("version")))
                .single();
    }

    /** The same agency's return in the cycle's previous cycle, if there is one. */
    Optional<PreviousReturn> previous(ReturnRef ref) {
        return jdbc.sql("""
                        select pr.id, pc.name, pr.template_id from s11_cycle c
                        join s11_cycle pc on pc.id = c.previous_cycle_id
                        join s11_return pr on pr.cycle_id = pc.id and pr.agency_id = :a
                        where c.id = :c""")
                .param("a", ref.agencyId())
                .param("c", ref.cycleId())
                .query((rs, n) -> new PreviousReturn(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    LocalDate closesOn(long cycleId) {
        return jdbc.sql("select closes_on from s11_cycle where id = :c")
                .param("c", cycleId)
                .query(LocalDate.class)
                .single();
    }

    /** The partnerships of the cycle that the return's agency serves (where its people and tasks are). */
    List<Long> servedPartnerships(ReturnRef ref) {
        return jdbc.sql("""
                        select cp.partnership_id from s11_cycle_partnership cp
                        join agency_partnership_view ap on ap.partnership_id = cp.partnership_id and ap.agency_id = :a
                        where cp.cycle_id = :c order by 1""")
                .param("a", ref.agencyId())
                .param("c", ref.cycleId())
                .query(Long.class)
                .list();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Answers

    /** The saved answers by standard id (standards with nothing saved are absent). */
    Map<Long, StandardResponse> responses(long returnId) {
        Map<Long, Map<Long, String>> answers = new HashMap<>();
        jdbc.sql("""
                        select a.response_id, a.question_id, a.value from s11_answer a
                        join s11_response r on r.id = a.response_id where r.return_id = :r""")
                .param("r", returnId)
                .query((rs, n) -> answers.computeIfAbsent(rs.getLong("response_id"), k -> new HashMap<>())
                        .put(rs.getLong("question_id"), rs.getString("value")))
                .list();
        Map<Long, StandardResponse> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, standard_id, self_score, not_applicable, evidence, needs_review, version, updated_at,
                               updated_by_name, updated_by
                        from s11_response where return_id = :r order by id""")
                .param("r", returnId)
                .query((rs, n) -> out.put(
                        rs.getLong("standard_id"),
                        new StandardResponse(
                                rs.getLong("id"),
                                rs.getLong("standard_id"),
                                (Integer) rs.getObject("self_score", Integer.class),
                                rs.getBoolean("not_applicable"),
                                rs.getString("evidence"),
                                rs.getBoolean("needs_review"),
                                rs.getInt("version"),
                                instant(rs.getTimestamp("updated_at")),
                                rs.getString("updated_by_name"),
                                (Long) rs.getObject("updated_by", Long.class),
                                Map.copyOf(answers.getOrDefault(rs.getLong("id"), Map.of())))))
                .list();
        return out;
    }

    /** The id of the return's answer to a standard, creating an empty one if there is none yet. */
    long ensureResponse(ReturnRef ref, long standardId) {
        jdbc.sql("""
                        insert into s11_response (return_id, standard_id, agency_id) values (:r, :s, :a)
                        on conflict (return_id, standard_id) do nothing""")
                .param("r", ref.id())
                .param("s", standardId)
                .param("a", ref.agencyId())
                .update();
        return jdbc.sql("select id from s11_response where return_id = :r and standard_id = :s")
                .param("r", ref.id())
                .param("s", standardId)
                .query(Long.class)
                .single();
    }

    /** An answer, holding its row lock until the transaction ends. */
    StandardResponse lockResponse(long responseId) {
        jdbc.sql("select id from s11_response where id = :id for update")
                .param("id", responseId)
                .query(Long.class)
                .single();
        long returnId = jdbc.sql("select return_id from s11_response where id = :id")
                .param("id", responseId)
                .query(Long.class)
                .single();
        return responses(returnId).values().stream()
                .filter(r -> r.id() == responseId)
                .findFirst()
                .orElseThrow();
    }

    /** An answer carried forward from the previous cycle, marked for review. */
    long insertCarried(
            ReturnRef ref, long standardId, @Nullable Integer score, boolean na, String evidence, String by) {
        return jdbc.sql("""
                        insert into s11_response (return_id, standard_id, agency_id, self_score, not_applicable,
                                                  evidence, needs_review, updated_by_name)
                        values (:r, :s, :a, :score, :na, :ev, true, :by) returning id""")
                .param("r", ref.id())
                .param("s", standardId)
                .param("a", ref.agencyId())
                .param("score", score)
                .param("na", na)
                .param("ev", evidence)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    /** Saves an answer as the agency gave it (reviewed now); returns its new version. */
    int updateResponse(long responseId, StandardEntry entry, String byName, long byId) {
        return jdbc.sql("""
                        update s11_response set self_score = :score, not_applicable = :na, evidence = :ev,
                               needs_review = false, updated_at = now(), updated_by_name = :by, updated_by = :byId,
                               version = version + 1
                        where id = :id returning version""")
                .param("score", entry.numericScore())
                .param("na", entry.notApplicable())
                .param("ev", entry.evidence())
                .param("by", byName)
                .param("byId", byId)
                .param("id", responseId)
                .query(Integer.class)
                .single();
    }

    void writeAnswers(long responseId, long agencyId, Map<Long, String> answers) {
        jdbc.sql("delete from s11_answer where response_id = :r")
                .param("r", responseId)
                .update();
        answers.forEach((q, v) -> jdbc.sql("""
                        insert into s11_answer (response_id, question_id, agency_id, value) values (:r, :q, :a, :v)""")
                .param("r", responseId)
                .param("q", q)
                .param("a", agencyId)
                .param("v", v)
                .update());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sections and improvement actions

    /** Whether each section was marked completed (sections never marked are absent). */
    Map<Long, Boolean> sectionsMarked(long returnId) {
        Map<Long, Boolean> marked = new HashMap<>();
        jdbc.sql("select section_id, completed from s11_section_progress where return_id = :r")
                .param("r", returnId)
                .query((rs, n) -> marked.put(rs.getLong("section_id"), rs.getBoolean("completed")))
                .list();
        return marked;
    }

    void markSection(ReturnRef ref, long sectionId, boolean completed) {
        jdbc.sql("""
                        insert into s11_section_progress (return_id, section_id, agency_id, completed)
                        values (:r, :s, :a, :c)
                        on conflict (return_id, section_id) do update set completed = excluded.completed""")
                .param("r", ref.id())
                .param("s", sectionId)
                .param("a", ref.agencyId())
                .param("c", completed)
                .update();
    }

    Map<Long, List<Improvement>> improvements(long returnId) {
        Map<Long, List<Improvement>> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, standard_id, text, owner_name, due_on, created_by_name from s11_improvement
                        where return_id = :r order by due_on, id""")
                .param("r", returnId)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong("standard_id"), k -> new ArrayList<>())
                        .add(new Improvement(
                                rs.getLong("id"),
                                rs.getLong("standard_id"),
                                rs.getString("text"),
                                rs.getString("owner_name"),
                                rs.getObject("due_on", LocalDate.class),
                                rs.getString("created_by_name"))))
                .list();
        return out;
    }

    long insertImprovement(ReturnRef ref, long standardId, String text, String owner, LocalDate due, String by) {
        return jdbc.sql("""
                        insert into s11_improvement (return_id, standard_id, agency_id, text, owner_name, due_on,
                                                     created_by_name)
                        values (:r, :s, :a, :t, :o, :d, :by) returning id""")
                .param("r", ref.id())
                .param("s", standardId)
                .param("a", ref.agencyId())
                .param("t", text)
                .param("o", owner)
                .param("d", due)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    void deleteImprovement(long returnId, long improvementId) {
        jdbc.sql("delete from s11_improvement where id = :id and return_id = :r")
                .param("id", improvementId)
                .param("r", returnId)
                .update();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Contributors

    List<Contributor> contributors(long returnId) {
        return jdbc.sql("""
                        select c.user_id, u.display_name, u.email, c.invited_by_name, c.invited_at
                        from s11_contributor c join app_user_view u on u.id = c.user_id
                        where c.return_id = :r order by u.display_name""")
                .param("r", returnId)
                .query((rs, n) -> new Contributor(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Active people of the agency who are not yet contributors (and not {@code exceptUserId}). */
    List<Colleague> invitable(ReturnRef ref, long exceptUserId) {
        return jdbc.sql("""
                        select u.id, u.display_name, u.email from app_user_view u
                        where u.agency_id = :a and u.status = 'ACTIVE' and u.id <> :me
                          and not exists (select 1 from s11_contributor c where c.return_id = :r and c.user_id = u.id)
                        order by u.display_name""")
                .param("a", ref.agencyId())
                .param("me", exceptUserId)
                .param("r", ref.id())
                .query((rs, n) -> new Colleague(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    void insertContributor(ReturnRef ref, long userId, String invitedBy) {
        jdbc.sql("""
                        insert into s11_contributor (return_id, user_id, agency_id, invited_by_name)
                        values (:r, :u, :a, :by) on conflict do nothing""")
                .param("r", ref.id())
                .param("u", userId)
                .param("a", ref.agencyId())
                .param("by", invitedBy)
                .update();
    }

    void deleteContributor(long returnId, long userId) {
        jdbc.sql("delete from s11_contributor where return_id = :r and user_id = :u")
                .param("r", returnId)
                .param("u", userId)
                .update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
