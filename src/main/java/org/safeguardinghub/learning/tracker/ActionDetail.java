package org.safeguardinghub.learning.tracker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.tasks.TaskRequested;

/** An action with everything its page shows. */
public record ActionDetail(
        long id,
        long partnershipId,
        String reference,
        String text,
        long recommendationId,
        String recommendationReference,
        String recommendationText,
        String sourceTitle,
        long ownerAgencyId,
        String ownerAgencyName,
        @Nullable String ownerPerson,
        @Nullable LocalDate dueOn,
        ActionStatus status,
        @Nullable LocalDate completedOn,
        @Nullable LocalDate signedOffOn,
        @Nullable String signedOffByName,
        @Nullable String signOffNote,
        @Nullable String impactNote,
        Instant updatedAt,
        int version) {

    /** The lifecycle as an aggregate, to apply a rule to. */
    public LearningAction lifecycle() {
        return new LearningAction(status, dueOn, completedOn, signedOffOn, signedOffByName, signOffNote, impactNote);
    }

    public boolean overdue(LocalDate today) {
        return lifecycle().overdue(today);
    }

    public String shortText() {
        return ActionRow.shorten(text, 60);
    }

    /** The owning agency's task to keep this action up to date, due when the action is. */
    TaskRequested updateTask() {
        return task(Audience.AGENCY_LEAD, ownerAgencyId, "Update", dueOn, Tracker.TASK_SOURCE);
    }

    /** The group's task to sign this action off, once its agency has completed it. */
    TaskRequested signOffTask() {
        return task(Audience.PANEL_MEMBER, null, "Sign off", null, Tracker.SIGN_OFF_TASK_SOURCE);
    }

    private TaskRequested task(
            Audience to, @Nullable Long agencyId, String verb, @Nullable LocalDate due, String sourceType) {
        return new TaskRequested(
                partnershipId,
                to.roleName(),
                agencyId,
                verb + " action " + reference + ": " + shortText(),
                "/learning/actions/" + id,
                due,
                sourceType,
                String.valueOf(id));
    }

    Map<String, @Nullable Object> auditValues() {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("reference", reference);
        m.put("text", text);
        m.put("ownerAgencyId", ownerAgencyId);
        m.put("ownerPerson", ownerPerson);
        m.putAll(lifecycle().auditValues());
        return m;
    }
}
