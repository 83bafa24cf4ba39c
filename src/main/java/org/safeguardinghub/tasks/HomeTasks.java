package org.safeguardinghub.tasks;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.identity.Role;
import org.safeguardinghub.platform.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tasks a person sees on their home page, with how urgent each is in working days. */
@Service
@PreAuthorize("hasAuthority('home:view')")
public class HomeTasks {

    private final TaskRecords tasks;

    HomeTasks(TaskRecords tasks) {
        this.tasks = tasks;
    }

    /** A task as shown: due status worked out in English working days. */
    public record ShownTask(Task task, @Nullable String dueLabel, String tagClass) {

        /** Who the task is for, in words: "you", or the role it was raised for. */
        public String forWhom() {
            if ("You".equals(task.addressedTo())) {
                return "you";
            }
            try {
                return "everyone in the role "
                        + Role.valueOf(task.addressedTo()).label().toLowerCase(java.util.Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return task.addressedTo();
            }
        }
    }

    @Transactional(readOnly = true)
    public List<ShownTask> forActor(Actor actor, LocalDate today) {
        var calendar = WorkingDayCalendar.england();
        return tasks.openFor(actor, actor.roleNames()).stream()
                .map(t -> {
                    if (t.dueOn() == null) {
                        return new ShownTask(t, null, "govuk-tag--grey");
                    }
                    int days = calendar.workingDaysBetween(today, t.dueOn());
                    if (days < 0) {
                        return new ShownTask(
                                t, "Overdue by " + -days + " working day" + (days == -1 ? "" : "s"), "govuk-tag--red");
                    }
                    if (days == 0) {
                        return new ShownTask(t, "Due today", "govuk-tag--orange");
                    }
                    return new ShownTask(
                            t,
                            "Due in " + days + " working day" + (days == 1 ? "" : "s"),
                            days <= 2 ? "govuk-tag--yellow" : "govuk-tag--blue");
                })
                .toList();
    }

    @Transactional
    public boolean complete(Actor actor, long taskId) {
        return tasks.complete(actor, actor.roleNames(), taskId);
    }
}
