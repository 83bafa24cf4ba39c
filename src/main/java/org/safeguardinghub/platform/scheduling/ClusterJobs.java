package org.safeguardinghub.platform.scheduling;

import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled job once per cluster, not once per Hub node, when several nodes share one database.
 *
 * <p><b>Claim.</b> A run is identified by (job, slot). Before the work, the node inserts a row into {@code
 * scheduled_job_run} in its own, immediately committed transaction; the primary key makes the claim of any other node
 * for the same slot a no-op, and that node skips the work. Because the row stays, this also holds for nodes whose
 * runs do not overlap in time (a node restarted later the same day, a node whose clock is a few seconds late), which
 * an advisory lock alone would not. After the work the row gets {@code finished_at} and an outcome.
 *
 * <p><b>Slot.</b> {@link #runScheduled} derives the slot from the job's cron: the latest time the cron fired at or
 * before now, in the cron's zone, as a local date-time to the second ({@code 2026-11-24T06:15:00}). For the daily chasing jobs
 * that is one slot per Europe/London date; for a cron overridden to every 10 seconds, one per 10 seconds. The
 * start-up run and the cron share it: at start a node runs the job for the latest fire time it may have missed (a
 * catch-up), so a cluster that was down at 06:15 still chases that day, and a node restarted at 10:00 does not chase
 * again if the 06:15 run happened. A node whose scheduler thread runs late by more than the cron's period claims the
 * next slot early; that slot's own fire then finds it taken, so the job still runs once per slot.
 *
 * <p><b>A node dies mid-job.</b> Its claim has a start time and no finish. Another node may take it over once it is
 * older than {@code hub.jobs.stale-after} (30 minutes by default, far longer than the chasing jobs take at national
 * scale): the claim is an {@code insert ... on conflict do update ... where finished_at is null and started_at <
 * now() - stale-after}, so exactly one node wins the takeover. Only the next attempt after that time takes it over
 * (the next fire of the cron, or a node's start-up); until then the slot waits. Jobs routed through here must
 * therefore be safe to run twice for the same slot (the chasing jobs are: raising an open task again changes
 * nothing). Times are the database's, so the nodes' clocks do not matter for staleness.
 *
 * <p><b>Failures.</b> If the work throws, the run is recorded as finished with outcome {@code FAILED: ...} and
 * logged; the slot is not retried (the next slot runs as usual). If the database cannot be reached to claim, the run
 * is skipped with a warning. Neither is thrown to the caller, so a start-up run never stops the Hub starting.
 */
@Component
public class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);
    private static final DateTimeFormatter SLOT_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final String node;
    private final Duration staleAfter;

    /**
     * A runner acting as {@code node} ({@code hub.jobs.node}; blank means this JVM's host and process id). Tests race
     * two of these with different names in one JVM.
     */
    public ClusterJobs(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            @Value("${hub.jobs.node:}") String node,
            @Value("${hub.jobs.stale-after:30m}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // the claim commits before the work, even when a caller has a transaction open
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = node.isBlank() ? thisJvm() : node;
        this.staleAfter = staleAfter;
    }

    /** The name this node records on its claims. */
    public String node() {
        return node;
    }

    /**
     * Runs {@code work} for the latest time {@code cron} fired at or before now in {@code zone}, unless another node
     * has claimed that slot already. Returns whether this node ran it.
     */
    public boolean runScheduled(String job, String cron, ZoneId zone, Runnable work) {
        return runOnce(job, slot(CronExpression.parse(cron), ZonedDateTime.now(zone)), work);
    }

    /** Runs {@code work} if this node claims (job, slot) first. Returns whether it ran. */
    public boolean runOnce(String job, String slot, Runnable work) {
        Claim claim;
        try {
            claim = claim(job, slot);
        } catch (RuntimeException e) {
            log.warn("Job {} slot {} skipped: could not claim it ({})", job, slot, e.toString());
            return false;
        }
        if (claim == Claim.TAKEN) {
            log.info("Job {} slot {} already claimed by {}: not run on {}", job, slot, claimant(job, slot), node);
            return false;
        }
        log.info("Job {} slot {} {} by {}", job, slot, claim == Claim.TOOK_OVER ? "taken over" : "claimed", node);
        String outcome = "DONE";
        try {
            work.run();
        } catch (RuntimeException e) {
            outcome = "FAILED: " + e;
            log.warn("Job {} slot {} failed on {}", job, slot, node, e);
        }
        finish(job, slot, outcome);
        return true;
    }

    /**
     * The latest fire time of {@code cron} at or before {@code now}, as a slot. Looks back over a doubling window so
     * both a 10-second and a yearly cron take a handful of steps.
     */
    static String slot(CronExpression cron, ZonedDateTime now) {
        ZonedDateTime at = now.truncatedTo(ChronoUnit.SECONDS);
        Duration window = Duration.ofMinutes(1);
        ZonedDateTime fire = cron.next(at.minus(window));
        while (fire == null || fire.isAfter(at)) {
            if (window.compareTo(Duration.ofDays(4 * 366)) > 0) {
                throw new IllegalArgumentException("The cron " + cron + " never fired before " + now);
            }
            window = window.multipliedBy(2);
            fire = cron.next(at.minus(window));
        }
        for (ZonedDateTime next = cron.next(fire); next != null && !next.isAfter(at); next = cron.next(next)) {
            fire = next;
        }
        return SLOT_FORMAT.format(fire.toLocalDateTime());
    }

    private enum Claim {
        CLAIMED,
        TOOK_OVER,
        TAKEN
    }

    private Claim claim(String job, String slot) {
        Integer takeovers = ownTransaction.execute(status -> jdbc.sql("""
                        insert into scheduled_job_run (job, slot, node, started_at)
                        values (:job, :slot, :node, now())
                        on conflict (job, slot) do update
                           set node = excluded.node, started_at = excluded.started_at,
                               takeovers = scheduled_job_run.takeovers + 1
                         where scheduled_job_run.finished_at is null
                           and scheduled_job_run.started_at < now() - make_interval(secs => :staleSeconds)
                        returning takeovers""")
                .param("job", job)
                .param("slot", slot)
                .param("node", node)
                .param("staleSeconds", (double) staleAfter.toMillis() / 1000)
                .query(Integer.class)
                .optional()
                .orElse(null));
        if (takeovers == null) {
            return Claim.TAKEN;
        }
        return takeovers == 0 ? Claim.CLAIMED : Claim.TOOK_OVER;
    }

    private void finish(String job, String slot, String outcome) {
        try {
            int updated = ownTransaction.execute(status -> jdbc.sql("""
                            update scheduled_job_run set finished_at = now(), outcome = :outcome
                            where job = :job and slot = :slot and node = :node and finished_at is null""")
                    .param("outcome", outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome)
                    .param("job", job)
                    .param("slot", slot)
                    .param("node", node)
                    .update());
            if (updated == 0) {
                log.warn("Job {} slot {} finished on {} after another node took it over", job, slot, node);
            }
        } catch (RuntimeException e) {
            // the work is done; a later takeover may run it again, which jobs here must tolerate
            log.warn("Job {} slot {} ran on {} but could not be marked finished ({})", job, slot, node, e.toString());
        }
    }

    private @Nullable String claimant(String job, String slot) {
        try {
            return jdbc.sql("select node from scheduled_job_run where job = :job and slot = :slot")
                    .param("job", job)
                    .param("slot", slot)
                    .query(String.class)
                    .optional()
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Host and process id: unique per JVM, and says which machine and process to look at. */
    private static String thisJvm() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
