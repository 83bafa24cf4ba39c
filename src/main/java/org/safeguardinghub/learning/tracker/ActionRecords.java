package org.safeguardinghub.learning.tracker;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Actions and their progress notes. Every read takes the reader's {@link Scope}: another partnership's action, or
 * (for an agency-scoped reader) another agency's, is simply not found. Row-level security on {@code
 * learning_action} and {@code learning_action_update} repeats the agency rule inside PostgreSQL.
 */
@Repository
public class ActionRecords {

    static final String OPEN_STATUSES = "('NOT_STARTED', 'UNDERWAY', 'AWAITING_NATIONAL')";

    private static final String ROW = """
            select a.id, a.reference, a.text, a.recommendation_id, r.reference as recommendation_reference,
                   r.source_title, ag.name as agency_name, a.owner_person, a.due_on, a.status, a.completed_on,
                   a.signed_off_on,
                   (a.due_on < :today and a.status in %s) as overdue
            from learning_action a
            join recommendation r on r.id = a.recommendation_id
            join agency_view ag on ag.id = a.owner_agency_id
            """.formatted(OPEN_STATUSES);

    private static final String SCOPE = """
             where a.partnership_id = :p
               and (cast(:scopeAgency as bigint) is null or a.owner_agency_id = :scopeAgency)
            """;

    private static final String FILTERS = """
               and (cast(:source as text) is null or r.source_title = :source)
               and (cast(:agency as bigint) is null or a.owner_agency_id = :agency)
               and (cast(:status as text) is null or a.status = :status)
               and (cast(:theme as bigint) is null or exists (
                        select 1 from recommendation_theme rt where rt.recommendation_id = r.id and rt.theme_id = :theme))
               and (not :overdueOnly or (a.due_on < :today and a.status in %s))
               and (cast(:like as text) is null or a.reference ilike :like or a.text ilike :like
                    or r.reference ilike :like or r.text ilike :like or a.owner_person ilike :like)
            """.formatted(OPEN_STATUSES);

    private final JdbcClient jdbc;

    ActionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The actions matching the filters, soonest due first, one page. */
    public PageResult<ActionRow> search(Scope scope, ActionFilter filter, LocalDate today, int page, int size) {
        long total = filtered(
                        "select count(*) from learning_action a join recommendation r on r.id = a.recommendation_id"
                                + SCOPE + FILTERS,
                        scope,
                        filter,
                        today)
                .query(Long.class)
                .single();
        List<ActionRow> items = filtered(
                        ROW + SCOPE + FILTERS
                                + " order by a.due_on nulls last, a.reference limit :limit offset :offset",
                        scope,
                        filter,
                        today)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query(ActionRecords::row)
                .list();
        return new PageResult<>(items, Math.max(page, 1), size, total);
    }

    /** Every action matching the filters, for an export. */
    public List<ActionRow> all(Scope scope, ActionFilter filter, LocalDate today) {
        return filtered(ROW + SCOPE + FILTERS + " order by a.due_on nulls last, a.reference", scope, filter, today)
                .query(ActionRecords::row)
                .list();
    }

    /** The actions under one recommendation that the reader may see, by reference. */
    public List<ActionRow> ofRecommendation(Scope scope, long recommendationId, LocalDate today) {
        return jdbc.sql(ROW + SCOPE + " and a.recommendation_id = :rec order by a.reference")
                .param("p", scope.partnershipId())
                .param("scopeAgency", scope.agencyId())
                .param("rec", recommendationId)
                .param("today", today)
                .query(ActionRecords::row)
                .list();
    }

    public Optional<ActionDetail> find(Scope scope, long id) {
        return jdbc.sql("""
                        select a.id, a.partnership_id, a.reference, a.text, a.recommendation_id,
                               r.reference as recommendation_reference, r.text as recommendation_text, r.source_title,
                               a.owner_agency_id, ag.name as agency_name, a.owner_person, a.due_on, a.status,
                               a.completed_on, a.signed_off_on, a.signed_off_by_name, a.sign_off_note, a.impact_note,
                               a.updated_at, a.version
                        from learning_action a
                        join recommendation r on r.id = a.recommendation_id
                        join agency_view ag on ag.id = a.owner_agency_id
                        """ + SCOPE + " and a.id = :id")
                .param("p", scope.partnershipId())
                .param("scopeAgency", scope.agencyId())
                .param("id", id)
                .query((rs, n) -> new ActionDetail(
                        rs.getLong("id"),
                        rs.getLong("partnership_id"),
                        rs.getString("reference"),
                        rs.getString("text"),
                        rs.getLong("recommendation_id"),
                        rs.getString("recommendation_reference"),
                        rs.getString("recommendation_text"),
                        rs.getString("source_title"),
                        rs.getLong("owner_agency_id"),
                        rs.getString("agency_name"),
                        rs.getString("owner_person"),
                        date(rs, "due_on"),
                        ActionStatus.valueOf(rs.getString("status")),
                        date(rs, "completed_on"),
                        date(rs, "signed_off_on"),
                        rs.getString("signed_off_by_name"),
                        rs.getString("sign_off_note"),
                        rs.getString("impact_note"),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getInt("version")))
                .optional();
    }

    /** The headline figures over everything the reader may see. */
    public TrackerSummary summary(Scope scope, LocalDate today) {
        return jdbc.sql("""
                        with recs as (
                            select r.id, r.source_type, r.source_id, r.source_title from recommendation r
                            where r.partnership_id = :p
                              and (cast(:scopeAgency as bigint) is null or exists (
                                       select 1 from learning_action x
                                       where x.recommendation_id = r.id and x.owner_agency_id = :scopeAgency))
                        ), acts as (
                            select a.status, a.due_on from learning_action a
                            where a.partnership_id = :p
                              and (cast(:scopeAgency as bigint) is null or a.owner_agency_id = :scopeAgency)
                        )
                        select (select count(distinct (source_type, coalesce(source_id::text, source_title)))
                                from recs) as reviews,
                               (select count(*) from recs) as recommendations,
                               (select count(*) from acts) as actions,
                               (select count(*) from acts where status = 'SIGNED_OFF') as signed_off,
                               (select count(*) from acts where due_on < :today and status in %s) as overdue
                        """.formatted(OPEN_STATUSES))
                .param("p", scope.partnershipId())
                .param("scopeAgency", scope.agencyId())
                .param("today", today)
                .query((rs, n) -> new TrackerSummary(
                        rs.getLong("reviews"),
                        rs.getLong("recommendations"),
                        rs.getLong("actions"),
                        rs.getLong("signed_off"),
                        rs.getLong("overdue")))
                .single();
    }

    /** The titles of the sources the reader's actions came from, for the tracker's filter. */
    public List<String> sourceTitles(Scope scope) {
        return jdbc.sql("select distinct r.source_title from learning_action a"
                        + " join recommendation r on r.id = a.recommendation_id" + SCOPE + " order by 1")
                .param("p", scope.partnershipId())
                .param("scopeAgency", scope.agencyId())
                .query(String.class)
                .list();
    }

    /** The progress notes of an action, oldest first (the caller has already checked the action is in scope). */
    public List<ActionUpdate> updates(long actionId) {
        return jdbc.sql("""
                        select id, written_at, written_by_name, text, status_from, status_to
                        from learning_action_update where action_id = :id order by written_at, id""")
                .param("id", actionId)
                .query((rs, n) -> new ActionUpdate(
                        rs.getLong("id"),
                        rs.getTimestamp("written_at").toInstant(),
                        rs.getString("written_by_name"),
                        rs.getString("text"),
                        ActionStatus.parse(rs.getString("status_from")),
                        ActionStatus.parse(rs.getString("status_to"))))
                .list();
    }

    long insert(
            long partnershipId,
            long recommendationId,
            String reference,
            String text,
            long ownerAgencyId,
            @Nullable String ownerPerson,
            @Nullable LocalDate dueOn) {
        return jdbc.sql("""
                        insert into learning_action (partnership_id, recommendation_id, reference, text,
                                                     owner_agency_id, owner_person, due_on)
                        values (:p, :rec, :ref, :text, :agency, :person, :due) returning id""")
                .param("p", partnershipId)
                .param("rec", recommendationId)
                .param("ref", reference)
                .param("text", text)
                .param("agency", ownerAgencyId)
                .param("person", ownerPerson)
                .param("due", dueOn)
                .query(Long.class)
                .single();
    }

    boolean updateDetails(
            long partnershipId,
            long id,
            int version,
            String text,
            long ownerAgencyId,
            @Nullable String ownerPerson,
            @Nullable LocalDate dueOn) {
        return jdbc.sql("""
                        update learning_action set text = :text, owner_agency_id = :agency, owner_person = :person,
                                                   due_on = :due, updated_at = now(), version = version + 1
                        where id = :id and partnership_id = :p and version = :version""")
                        .param("p", partnershipId)
                        .param("id", id)
                        .param("version", version)
                        .param("text", text)
                        .param("agency", ownerAgencyId)
                        .param("person", ownerPerson)
                        .param("due", dueOn)
                        .update()
                == 1;
    }

    /** Saves the lifecycle fields if nobody else saved the action since {@code version}. */
    boolean saveLifecycle(long partnershipId, long id, int version, LearningAction action) {
        return jdbc.sql("""
                        update learning_action set status = :status, completed_on = :completed,
                               signed_off_on = :signedOn, signed_off_by_name = :signedBy, sign_off_note = :note,
                               impact_note = :impact, updated_at = now(), version = version + 1
                        where id = :id and partnership_id = :p and version = :version""")
                        .param("p", partnershipId)
                        .param("id", id)
                        .param("version", version)
                        .param("status", action.status().name())
                        .param("completed", action.completedOn())
                        .param("signedOn", action.signedOffOn())
                        .param("signedBy", action.signedOffByName())
                        .param("note", action.signOffNote())
                        .param("impact", action.impactNote())
                        .update()
                == 1;
    }

    long addUpdate(
            long actionId,
            long agencyId,
            long userId,
            String byName,
            String text,
            @Nullable ActionStatus from,
            @Nullable ActionStatus to) {
        return jdbc.sql("""
                        insert into learning_action_update (action_id, agency_id, written_by, written_by_name, text,
                                                            status_from, status_to)
                        values (:action, :agency, :by, :byName, :text, :from, :to) returning id""")
                .param("action", actionId)
                .param("agency", agencyId)
                .param("by", userId)
                .param("byName", byName)
                .param("text", text)
                .param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name())
                .query(Long.class)
                .single();
    }

    /** Marks the action as touched (evidence added), without a version change. */
    void touch(long id) {
        jdbc.sql("update learning_action set updated_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    private JdbcClient.StatementSpec filtered(String sql, Scope scope, ActionFilter f, LocalDate today) {
        return jdbc.sql(sql)
                .param("p", scope.partnershipId())
                .param("scopeAgency", scope.agencyId())
                .param("source", f.source())
                .param("agency", f.agencyId())
                .param("status", f.status() == null ? null : f.status().name())
                .param("theme", f.themeId())
                .param("overdueOnly", f.overdueOnly())
                .param("today", today)
                .param("like", like(f.text()));
    }

    static @Nullable String like(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static ActionRow row(ResultSet rs, int n) throws SQLException {
        return new ActionRow(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getString("text"),
                rs.getLong("recommendation_id"),
                rs.getString("recommendation_reference"),
                rs.getString("source_title"),
                rs.getString("agency_name"),
                rs.getString("owner_person"),
                date(rs, "due_on"),
                ActionStatus.valueOf(rs.getString("status")),
                rs.getBoolean("overdue"),
                date(rs, "completed_on"),
                date(rs, "signed_off_on"));
    }

    static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
