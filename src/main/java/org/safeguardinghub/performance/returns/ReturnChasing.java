package org.safeguardinghub.performance.returns;

import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.organisation.PartnershipSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chases returns: every day (and once at start, after the demo data and catalogue have loaded) each agency that
 * supplies active items of a frequency gets a draft return for the latest ended period of that frequency, and its
 * agency lead a task to send it, due on the return's due date. Only the latest period is opened: older periods are
 * not back-filled. Raising the task again while it is open changes nothing but its title, date and link.
 */
@Component
@Order(400)
class ReturnChasing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReturnChasing.class);

    private final Organisation organisation;
    private final DataReturns returns;

    ReturnChasing(Organisation organisation, DataReturns returns) {
        this.organisation = organisation;
        this.returns = returns;
    }

    @Override
    public void run(ApplicationArguments args) {
        chaseSafely();
    }

    @Scheduled(cron = "0 15 6 * * *", zone = "Europe/London")
    void daily() {
        chaseSafely();
    }

    private void chaseSafely() {
        for (PartnershipSummary p : organisation.activePartnerships()) {
            try {
                returns.chase(p.id());
            } catch (RuntimeException e) {
                log.warn("Could not open data returns for partnership {}: {}", p.id(), e.toString());
            }
        }
    }
}
