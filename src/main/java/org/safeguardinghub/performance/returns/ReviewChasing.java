package org.safeguardinghub.performance.returns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.tasks.TaskRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure every submitted return has the business team's review task, due five working days after it was
 * submitted, as submitting on the page raises it. Run by {@link ReturnChasing} with the daily chase, so returns that
 * reached "submitted" another way (loaded data, an import, a task lost before this existed) are not left waiting
 * with nobody asked to look. A review task already closed (the return reviewed, or the task marked done) stays
 * closed.
 */
@Component
class ReviewChasing {

    private final ReturnStore store;
    private final Organisation organisation;
    private final ApplicationEventPublisher events;

    ReviewChasing(ReturnStore store, Organisation organisation, ApplicationEventPublisher events) {
        this.store = store;
        this.organisation = organisation;
        this.events = events;
    }

    @Transactional
    void chase(long partnershipId) {
        Map<Long, String> names = new HashMap<>();
        organisation.agenciesOf(partnershipId).forEach(a -> names.put(a.id(), a.name()));
        WorkingDayCalendar calendar = WorkingDayCalendar.england();
        for (ReturnRow ret : store.submitted(partnershipId)) {
            String agency = names.get(ret.agencyId());
            if (agency == null || ret.submittedAt() == null) {
                continue; // the agency left the partnership
            }
            LocalDate submitted = LocalDate.ofInstant(ret.submittedAt(), ZoneId.of("Europe/London"));
            events.publishEvent(new TaskRequested(
                    ret.partnershipId(),
                    Audience.BUSINESS_TEAM.roleName(),
                    null,
                    "Review " + DataReturns.possessive(agency) + " data return for "
                            + ret.period().label(),
                    "/returns/" + ret.id(),
                    calendar.addWorkingDays(submitted, 5),
                    DataReturns.REVIEW_TASK,
                    String.valueOf(ret.id())));
        }
    }
}
