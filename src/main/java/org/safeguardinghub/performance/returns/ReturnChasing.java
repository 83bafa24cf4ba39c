package org.safeguardinghub.performance.returns;

import java.time.ZoneId;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.organisation.PartnershipSummary;
import org.safeguardinghub.platform.scheduling.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chases returns: every day (and once at start, after the demo data and catalogue have loaded) each agency that
 * supplies active items of a frequency gets a draft return for the latest ended period of that frequency, and its
 * agency lead a task to send it, due on the return's due date. Only the latest period is opened: older periods are
 * not back-filled. Raising the task again while it is open changes nothing but its title, date and link. Every
 * submitted return also gets the business team's review task if it has none ({@link ReviewChasing}). With several
 * nodes, the start-up and daily runs go through {@link ClusterJobs}: once per cluster for each daily slot.
 */
@Component
@Order(400)
class ReturnChasing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReturnChasing.class);

    static final String JOB = "return-chasing";
    /** Overridable so a two-node check can fire it every few seconds. */
    private static final String CRON = "${hub.jobs.return-chasing.cron:0 15 6 * * *}";

    private static final String ZONE = "Europe/London";

    private final Organisation organisation;
    private final DataReturns returns;
    private final ReviewChasing reviews;
    private final ClusterJobs jobs;
    private final String cron;

    ReturnChasing(
            Organisation organisation,
            DataReturns returns,
            ReviewChasing reviews,
            ClusterJobs jobs,
            @Value(CRON) String cron) {
        this.organisation = organisation;
        this.returns = returns;
        this.reviews = reviews;
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
        for (PartnershipSummary p : organisation.activePartnerships()) {
            try {
                returns.chase(p.id());
                reviews.chase(p.id());
            } catch (RuntimeException e) {
                log.warn("Could not open data returns for partnership {}: {}", p.id(), e.toString());
            }
        }
    }
}
