package org.safeguardinghub.performance.returns;

import java.time.Clock;
import java.time.LocalDate;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The tasks a return's lifecycle raises and closes: the agency lead's task to send it (open while the agency holds
 * it) and the business team's task to review it (open while it is submitted).
 */
@Component
class ReturnTasks {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReturnTasks(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Raises (or updates) the agency lead's task to send the return. */
    void askAgency(ReturnRow ret, String agencyName) {
        events.publishEvent(agencyTask(ret, agencyName));
    }

    /** Submitted: the agency's task closes and the business team is asked to review (again, if resubmitted). */
    void submitted(ReturnRow ret, String agencyName) {
        events.publishEvent(new TaskResolved(ret.partnershipId(), DataReturns.TASK, String.valueOf(ret.id())));
        events.publishEvent(reviewTask(ret, agencyName, LocalDate.now(clock))
                .reopening(clock.instant())); // a resubmission is a new review
    }

    /** Raises (or updates) the business team's task to review a return submitted on {@code submittedOn}. */
    void askReview(ReturnRow ret, String agencyName, LocalDate submittedOn) {
        events.publishEvent(reviewTask(ret, agencyName, submittedOn));
    }

    /** The review is due five working days after submission. */
    private static TaskRequested reviewTask(ReturnRow ret, String agencyName, LocalDate submittedOn) {
        return new TaskRequested(
                ret.partnershipId(),
                Audience.BUSINESS_TEAM.roleName(),
                null,
                "Review " + DataReturns.possessive(agencyName) + " data return for "
                        + ret.period().label(),
                "/returns/" + ret.id(),
                WorkingDayCalendar.england().addWorkingDays(submittedOn, 5),
                DataReturns.REVIEW_TASK,
                String.valueOf(ret.id()));
    }

    /** Sent back: the review is done and the agency's task is raised again. */
    void sentBack(ReturnRow ret, String agencyName) {
        events.publishEvent(new TaskResolved(ret.partnershipId(), DataReturns.REVIEW_TASK, String.valueOf(ret.id())));
        events.publishEvent(agencyTask(ret, agencyName).reopening(clock.instant()));
    }

    /** Accepted: both the review and the agency's task are done. */
    void accepted(ReturnRow ret) {
        events.publishEvent(new TaskResolved(ret.partnershipId(), DataReturns.REVIEW_TASK, String.valueOf(ret.id())));
        events.publishEvent(new TaskResolved(ret.partnershipId(), DataReturns.TASK, String.valueOf(ret.id())));
    }

    private static TaskRequested agencyTask(ReturnRow ret, String agencyName) {
        return new TaskRequested(
                ret.partnershipId(),
                Audience.AGENCY_LEAD.roleName(),
                ret.agencyId(),
                "Send " + DataReturns.possessive(agencyName) + " data return for "
                        + ret.period().label(),
                "/returns/" + ret.id(),
                ret.dueOn(),
                DataReturns.TASK,
                String.valueOf(ret.id()));
    }
}
