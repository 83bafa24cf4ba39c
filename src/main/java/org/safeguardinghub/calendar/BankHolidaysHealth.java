package org.safeguardinghub.calendar;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Readiness reports {@code WARNING} (still HTTP 200: the Hub works, clocks are projected) from twelve months before the
 * official bank holiday list runs out, so monitoring sees it long before any clock depends on projected days.
 */
@Component("bankHolidaysHealthIndicator")
class BankHolidaysHealth implements HealthIndicator {

    /** Ready, with something an operator should act on. */
    static final Status WARNING = new Status("WARNING", "The official bank holiday list runs out soon");

    private final BankHolidayLists lists;
    private final Clock clock;

    BankHolidaysHealth(BankHolidayLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.now(clock);
        Health.Builder health = lists.warning(today).isPresent() ? Health.status(WARNING) : Health.up();
        return health.withDetail("knownUntil", lists.knownUntil().toString()).build();
    }
}
