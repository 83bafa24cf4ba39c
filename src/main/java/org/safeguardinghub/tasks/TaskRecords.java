package org.safeguardinghub.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored tasks: raised idempotently, closed by their source, listed per person in SQL. */
@Repository
class TaskRecords {

    private final JdbcClient jdbc;

    TaskRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Raises a task for everyone holding the request's role in a partnership, once per source: raising it again while
     * it is open brings it up to date (a rescheduled or reassigned action), and a closed task stays closed unless it
     * was closed before {@link TaskRequested#reopensClosedBefore} (a new round of the same work).
     */
    void raise(TaskRequested t) {
        upsert(
                t.partnershipId(),
                null,
                t.role(),
                t.agencyId(),
                t.title(),
                t.link(),
                t.dueOn(),
                t.sourceType(),
                t.sourceId(),
                t.reopensClosedBefore());
    }

    /** Raises a task for one person, once per source, with the same update rule as for a role. */
    void raise(PersonTaskRequested t) {
        upsert(
                t.partnershipId(),
                t.userId(),
                null,
                null,
                t.title(),
                t.link(),
                t.dueOn(),
                t.sourceType(),
                t.sourceId(),
                t.reopensClosedBefore());
    }

    /** One task per source and addressee (a person or a role); a person's task has no agency. */
    private void upsert(
            long partnershipId,
            @Nullable Long userId,
            @Nullable String role,
            @Nullable Long agencyId,
            String title,
            String link,
            @Nullable LocalDate due,
            String sourceType,
            String sourceId,
            @Nullable Instant reopenClosedBefore) {
        jdbc.sql("""
                        insert into task (partnership_id, assignee_user_id, assignee_role, agency_id, title, link, due_on,
                                          source_type, source_id)
                        values (:p, :user, :role, :agency, :title, :link, :due, :type, :source)
                        on conflict (source_type, source_id, partnership_id, coalesce(assignee_user_id, 0),
                                     coalesce(assignee_role, ''))
                        do update set agency_id = excluded.agency_id, title = excluded.title, link = excluded.link,
                                      due_on = excluded.due_on, status = 'OPEN', completed_at = null,
                                      completed_by = null, created_at = case when task.status = 'OPEN'
                                          then task.created_at else now() end
                        where task.status = 'OPEN' or task.completed_at < cast(:reopen as timestamptz)""")
                .param("reopen", reopenClosedBefore == null ? null : java.sql.Timestamp.from(reopenClosedBefore))
                .param("p", partnershipId)
                .param("user", userId)
                .param("role", role)
                .param("agency", agencyId)
                .param("title", title)
                .param("link", link)
                .param("due", due)
                .param("type", sourceType)
                .param("source", sourceId)
                .update();
    }

    int closeBySource(String sourceType, String sourceId, long partnershipId) {
        return jdbc.sql("""
                        update task set status = 'DONE', completed_at = now()
                        where source_type = :type and source_id = :source and partnership_id = :p
                          and status = 'OPEN'""")
                .param("type", sourceType)
                .param("source", sourceId)
                .param("p", partnershipId)
                .update();
    }

    /** Open tasks addressed to the person, or to a role they hold in their current partnership (and agency). */
    List<Task> openFor(Actor actor, Collection<String> roles) {
        return jdbc.sql("""
                        select id, title, link, due_on,
                               case when assignee_user_id is not null then 'You' else assignee_role end as addressed_to,
                               source_type
                        from task
                        where status = 'OPEN' and partnership_id = :p
                          and (assignee_user_id = :user
                               or (assignee_role in (:roles) and (agency_id is null or agency_id = :agency)))
                        order by due_on nulls last, created_at
                        limit 200""")
                .param("p", actor.partnershipId())
                .param("user", actor.userId())
                .param("roles", roles.isEmpty() ? List.of("-") : roles)
                .param("agency", actor.agencyId())
                .query((rs, n) -> new Task(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("link"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getString("addressed_to"),
                        rs.getString("source_type")))
                .list();
    }

    /** Marks done a task the person can see; false if it is not theirs (or already done). */
    boolean complete(Actor actor, Collection<String> roles, long id) {
        return jdbc.sql("""
                        update task set status = 'DONE', completed_at = now(), completed_by = :user
                        where id = :id and status = 'OPEN' and partnership_id = :p
                          and (assignee_user_id = :user
                               or (assignee_role in (:roles) and (agency_id is null or agency_id = :agency)))""")
                        .param("id", id)
                        .param("p", actor.partnershipId())
                        .param("user", actor.userId())
                        .param("roles", roles.isEmpty() ? List.of("-") : roles)
                        .param("agency", actor.agencyId())
                        .update()
                == 1;
    }
}
