package org.safeguardinghub.performance.earlywarning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people record about early warning: an episode acknowledged (cause known, action taken), which closes its task,
 * and a change in the process an indicator measures, which re-bases its control limits. Both audited in the same
 * transaction; the controller checks the fields and that the actor may review ({@code returns:review}).
 */
@Service
public class EpisodeRecords {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EarlyWarning earlyWarning;

    EpisodeRecords(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, EarlyWarning earlyWarning) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.earlyWarning = earlyWarning;
    }

    /** Acknowledges a current episode of the actor's partnership; a stale version is a concurrent edit. */
    @Transactional
    public void acknowledge(Actor actor, long episodeId, int version, String cause, String actionTaken) {
        int updated = jdbc.sql("""
                        update spc_episode set acknowledged_at = now(), acknowledged_by_name = :by, cause = :cause,
                               action_taken = :action, version = version + 1
                        where id = :id and partnership_id = :p and version = :v and ended_at is null""")
                .param("by", actor.displayName())
                .param("cause", cause)
                .param("action", actionTaken)
                .param("id", episodeId)
                .param("p", actor.partnershipId())
                .param("v", version)
                .update();
        if (updated == 0) {
            throw new ConcurrentEditException("This early-warning episode");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("acknowledged_by_name", actor.displayName());
        after.put("cause", cause);
        after.put("action_taken", actionTaken);
        audit.changed(AuditAction.UPDATE, "spc-episode", episodeId, Map.of(), after);
        events.publishEvent(
                new TaskResolved(actor.partnershipId(), EarlyWarning.TASK_SOURCE, String.valueOf(episodeId)));
    }

    /**
     * Closes again the task of every acknowledged episode of a partnership that is still current. An episode's task is
     * raised after the scan's commit and an acknowledgement's "resolved" after its own, both handled on other threads,
     * so when the two follow each other within moments (the demo does this at start-up) the task can arrive after the
     * "resolved" and stay open; closing an already closed task changes nothing.
     */
    @Transactional
    public void resolveTasksOfAcknowledged(long partnershipId) {
        jdbc.sql("""
                        select id from spc_episode
                        where partnership_id = :p and acknowledged_at is not null and ended_at is null""")
                .param("p", partnershipId)
                .query(Long.class)
                .list()
                .forEach(id -> events.publishEvent(
                        new TaskResolved(partnershipId, EarlyWarning.TASK_SOURCE, String.valueOf(id))));
    }

    /** Records a change from {@code periodEnd} on (a second one for the same period replaces the reason). */
    @Transactional
    public void recordChange(Actor actor, long indicatorId, LocalDate periodEnd, String reason) {
        long id = jdbc.sql("""
                        insert into spc_change (partnership_id, indicator_id, period_end, reason, recorded_by_name)
                        values (:p, :i, :e, :r, :by)
                        on conflict (indicator_id, period_end) do update
                        set reason = excluded.reason, recorded_by_name = excluded.recorded_by_name,
                            recorded_at = now()
                        returning id""")
                .param("p", actor.partnershipId())
                .param("i", indicatorId)
                .param("e", periodEnd)
                .param("r", reason)
                .param("by", actor.displayName())
                .query(Long.class)
                .single();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("indicator_id", indicatorId);
        values.put("period_end", periodEnd.toString());
        values.put("reason", reason);
        audit.created("spc-change", id, values);
        earlyWarning.scan(actor.partnershipId(), List.of(indicatorId));
    }
}
