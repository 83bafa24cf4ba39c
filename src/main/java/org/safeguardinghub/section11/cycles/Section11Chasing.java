package org.safeguardinghub.section11.cycles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.platform.scheduling.ClusterJobs;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chases Section 11 returns on the home task list, once at start (after the demo data) and every morning. From 28
 * days before a cycle closes, the agency lead of each agency that has not returned gets a task in every partnership
 * of the cycle the agency serves, due on the close date ("Overdue: ..." after it). While any return of a cycle is
 * overdue, each partnership's business team has one task saying how many; it closes when none are. Tasks for
 * returns that have been received are closed. Raising a task again while it is open only refreshes its title, date
 * and link, so running this twice changes nothing. With several nodes, the start-up and daily runs go through {@link
 * ClusterJobs}: once per cluster for each daily slot.
 */
@Component
@Order(520)
public class Section11Chasing implements ApplicationRunner {

    /** How long before the close date the agency lead is reminded. */
    static final int REMIND_DAYS_BEFORE_CLOSE = 28;

    static final String RETURN_TASK = "s11-return";
    static final String OVERDUE_TASK = "s11-overdue";

    static final String JOB = "section11-chasing";
    /** Overridable so a two-node check can fire it every few seconds. */
    private static final String CRON = "${hub.jobs.section11-chasing.cron:0 20 6 * * *}";

    private static final String ZONE = "Europe/London";

    private static final Logger log = LoggerFactory.getLogger(Section11Chasing.class);

    private final ChasingRecords records;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ClusterJobs jobs;
    private final String cron;

    Section11Chasing(
            ChasingRecords records,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            ClusterJobs jobs,
            @Value(CRON) String cron) {
        this.records = records;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.jobs = jobs;
        this.cron = cron;
    }

    /** The catch-up run: the latest daily slot, unless a node has run it already. */
    @Override
    public void run(ApplicationArguments args) {
        jobs.runScheduled(JOB, cron, ZoneId.of(ZONE), this::chaseSafely);
    }

    @Scheduled(cron = CRON, zone = ZONE)
    void daily() {
        jobs.runScheduled(JOB, cron, ZoneId.of(ZONE), this::chaseSafely);
    }

    private void chaseSafely() {
        try {
            chase(LocalDate.now(clock));
        } catch (RuntimeException e) {
            log.warn("Could not chase Section 11 returns: {}", e.toString());
        }
    }

    /**
     * Raises and closes the tasks as of {@code today}. The events are published in one transaction so the task
     * list (which listens after commit) sees them all.
     */
    public void chase(LocalDate today) {
        transactions.executeWithoutResult(status -> {
            chaseReturns(today);
            chaseOverdueCounts(today);
        });
    }

    /** Raises a task for each return due soon or overdue, and closes it once the return is received. */
    private void chaseReturns(LocalDate today) {
        // every return of an unpublished cycle that has opened, once per partnership of the cycle its agency serves
        List<ChasingRecords.Due> rows = records.dueReturns(today);
        for (ChasingRecords.Due d : rows) {
            if (d.received()) {
                events.publishEvent(new TaskResolved(d.partnershipId(), RETURN_TASK, String.valueOf(d.returnId())));
                continue;
            }
            boolean overdue = today.isAfter(d.closesOn());
            if (overdue || !today.isBefore(d.closesOn().minusDays(REMIND_DAYS_BEFORE_CLOSE))) {
                String title = "Complete the Section 11 return for " + d.cycleName();
                events.publishEvent(new TaskRequested(
                        d.partnershipId(),
                        Audience.AGENCY_LEAD.roleName(),
                        d.agencyId(),
                        overdue ? "Overdue: " + title : title,
                        "/section11/returns/" + d.returnId(),
                        d.closesOn(),
                        RETURN_TASK,
                        String.valueOf(d.returnId())));
            }
        }
    }

    /** Raises or closes each partnership's task counting a cycle's overdue returns. */
    private void chaseOverdueCounts(LocalDate today) {
        // the business team of every partnership running the cycle sees the cycle's whole overdue count
        List<ChasingRecords.CycleCount> counts = records.overdueCounts(today);
        List<String> raised = new ArrayList<>();
        for (ChasingRecords.CycleCount c : counts) {
            if (c.overdue() > 0 && !c.published()) { // nothing is chased after publication
                events.publishEvent(new TaskRequested(
                        c.partnershipId(),
                        Audience.BUSINESS_TEAM.roleName(),
                        null,
                        c.overdue() + (c.overdue() == 1 ? " Section 11 return" : " Section 11 returns")
                                + " overdue for " + c.cycleName(),
                        "/section11/cycles/" + c.cycleId(),
                        null,
                        OVERDUE_TASK,
                        String.valueOf(c.cycleId())));
                raised.add(c.cycleName());
            } else {
                events.publishEvent(new TaskResolved(c.partnershipId(), OVERDUE_TASK, String.valueOf(c.cycleId())));
            }
        }
        if (!raised.isEmpty()) {
            log.info("Section 11 returns overdue in {}", raised);
        }
    }
}
