package org.safeguardinghub.tasks;

import java.time.Clock;
import java.time.LocalDate;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.identity.Role;
import org.safeguardinghub.identity.UserInvited;
import org.safeguardinghub.organisation.AgencyCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into tasks. Listeners run after the publishing transaction commits, in their own
 * transaction, and are recorded in the event publication registry, so a crash between the two never loses a task.
 */
@Component
class TaskFeeds {

    /** How long administrators have to invite a safeguarding lead for a new agency (a local standard). */
    static final int WORKING_DAYS_TO_INVITE_LEAD = 5;

    private final TaskRecords tasks;
    private final Clock clock;

    TaskFeeds(TaskRecords tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AgencyCreated event) {
        LocalDate due = WorkingDayCalendar.england().addWorkingDays(LocalDate.now(clock), WORKING_DAYS_TO_INVITE_LEAD);
        for (long partnership : event.partnershipIds()) {
            tasks.raise(new TaskRequested(
                    partnership,
                    Role.PARTNERSHIP_ADMIN.name(), // the role that can invite people
                    null,
                    "Invite a safeguarding lead for " + event.name(),
                    "/people/invite",
                    due,
                    "agency-needs-lead",
                    String.valueOf(event.agencyId())));
        }
    }

    /** Inviting the agency's safeguarding lead (not just anyone from it) is what the task asked for. */
    @ApplicationModuleListener
    void on(UserInvited event) {
        if (event.roles().contains(Role.AGENCY_LEAD)) {
            tasks.closeBySource("agency-needs-lead", String.valueOf(event.agencyId()), event.partnershipId());
        }
    }

    /** Any module's request for someone to act (see {@link TaskRequested}). */
    @ApplicationModuleListener
    void on(TaskRequested event) {
        tasks.raise(event);
    }

    /** A request addressed to one person (see {@link PersonTaskRequested}). */
    @ApplicationModuleListener
    void on(PersonTaskRequested event) {
        tasks.raise(event);
    }

    @ApplicationModuleListener
    void on(TaskResolved event) {
        tasks.closeBySource(event.sourceType(), event.sourceId(), event.partnershipId());
    }
}
