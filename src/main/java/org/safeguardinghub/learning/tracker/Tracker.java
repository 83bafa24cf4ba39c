package org.safeguardinghub.learning.tracker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.learning.LearningTheme;
import org.safeguardinghub.learning.LearningThemes;
import org.safeguardinghub.learning.RecommendationSource;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.GroupSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learning and improvement tracker: recommendations from a source, the actions agreed under them, progress
 * from the owning agencies, evidence, sign-off by the Learning and Improvement Group and the note of impact. Every
 * method works in the signed-in person's partnership and, for agency-scoped roles, their own agency: an id outside
 * that scope is not found. Each change is audited in the same transaction; the owning agency's lead is given a task
 * for each new action, due on its due date, closed when the action is completed (the group's sign-off task opens
 * then) and opened again if the action is taken back from completed before sign-off.
 */
@Service
public class Tracker {

    /** Task source for the owning agency lead's "update action" task; closed on sign-off. */
    public static final String TASK_SOURCE = "learning-action";
    /** Task source for the group's "sign off action" task, raised when an action is completed. */
    public static final String SIGN_OFF_TASK_SOURCE = "learning-action-sign-off";
    /** Document owner type for evidence on an action. */
    public static final String EVIDENCE_OWNER = "learning-action";

    private final RecommendationRecords recommendations;
    private final ActionRecords actions;
    private final LearningThemes themes;
    private final Organisation organisation;
    private final Documents documents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tracker(
            RecommendationRecords recommendations,
            ActionRecords actions,
            LearningThemes themes,
            Organisation organisation,
            Documents documents,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.recommendations = recommendations;
        this.actions = actions;
        this.themes = themes;
        this.organisation = organisation;
        this.documents = documents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A recommendation as agreed, already validated by the form. */
    public record RecommendationDetails(
            RecommendationSource source,
            @Nullable Long sourceId,
            String sourceTitle,
            String text,
            List<Long> themeIds,
            @Nullable Long owningGroupId,
            @Nullable LocalDate agreedOn,
            @Nullable LocalDate consideredOn) {}

    /** An action as agreed, already validated by the form. */
    public record ActionDetails(
            String text,
            long ownerAgencyId,
            @Nullable String ownerPerson,
            @Nullable LocalDate dueOn) {}

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public long createRecommendation(RecommendationDetails d) {
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        check(p, d);
        String reference = recommendations.nextReference(p, "R", today().getYear());
        long id = recommendations.insert(
                p,
                reference,
                d.source(),
                d.sourceId(),
                d.sourceTitle().trim(),
                d.text().trim(),
                d.owningGroupId(),
                d.agreedOn(),
                d.consideredOn(),
                actor.displayName());
        recommendations.replaceThemes(id, Set.copyOf(d.themeIds()));
        audit.created("recommendation", id, recommendation(Scope.of(actor), id).auditValues());
        return id;
    }

    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public void reviseRecommendation(long id, int version, RecommendationDetails d) {
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        RecommendationDetail before = recommendation(Scope.of(actor), id);
        check(p, d);
        if (!recommendations.update(
                p,
                id,
                version,
                d.sourceTitle().trim(),
                d.text().trim(),
                d.owningGroupId(),
                d.agreedOn(),
                d.consideredOn())) {
            throw new ConcurrentEditException("This recommendation");
        }
        recommendations.replaceThemes(id, Set.copyOf(d.themeIds()));
        audit.changed(
                AuditAction.UPDATE,
                "recommendation",
                id,
                before.auditValues(),
                recommendation(Scope.of(actor), id).auditValues());
    }

    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public long addAction(long recommendationId, ActionDetails d) {
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        recommendation(Scope.of(actor), recommendationId);
        AgencySummary agency = agency(p, d.ownerAgencyId());
        String reference = recommendations.nextReference(p, "A", today().getYear());
        long id = actions.insert(
                p, recommendationId, reference, d.text().trim(), agency.id(), blankToNull(d.ownerPerson()), d.dueOn());
        ActionDetail created = action(Scope.of(actor), id);
        audit.created("learning-action", id, created.auditValues());
        events.publishEvent(created.updateTask());
        return id;
    }

    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public void changeAction(long id, int version, ActionDetails d) {
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        ActionDetail before = action(Scope.of(actor), id);
        agency(p, d.ownerAgencyId());
        before.lifecycle().reschedule(d.dueOn());
        if (!actions.updateDetails(
                p, id, version, d.text().trim(), d.ownerAgencyId(), blankToNull(d.ownerPerson()), d.dueOn())) {
            throw new ConcurrentEditException("This action");
        }
        ActionDetail after = action(Scope.of(actor), id);
        audit.changed(AuditAction.UPDATE, "learning-action", id, before.auditValues(), after.auditValues());
        // the owning agency's task follows a new owner or due date (it stays closed once the work is signed off)
        events.publishEvent(after.updateTask());
    }

    /**
     * The owning agency records progress, optionally moving the action on (or back, before sign-off).
     *
     * @throws IllegalStateException when the lifecycle does not allow it
     */
    @Transactional
    @PreAuthorize("hasAuthority('actions:update')")
    public void recordProgress(long id, int version, String text, @Nullable ActionStatus to) {
        Actor actor = Actors.require();
        ActionDetail before = action(Scope.of(actor), id);
        LearningAction lifecycle = before.lifecycle();
        boolean moved = lifecycle.recordProgress(to, today());
        save(actor, before, version, lifecycle);
        actions.addUpdate(
                id,
                before.ownerAgencyId(),
                actor.userId(),
                actor.displayName(),
                text.trim(),
                moved ? before.status() : null,
                moved ? lifecycle.status() : null);
        // completing hands the work to the group: the agency's "update" task closes (it is no longer overdue
        // work of theirs) and the sign-off task opens; taking it back from completed does the reverse
        if (moved && lifecycle.status() == ActionStatus.COMPLETED) {
            events.publishEvent(new TaskResolved(actor.partnershipId(), TASK_SOURCE, String.valueOf(id)));
            events.publishEvent(before.signOffTask().reopening(clock.instant()));
        } else if (moved && before.status() == ActionStatus.COMPLETED) {
            events.publishEvent(new TaskResolved(actor.partnershipId(), SIGN_OFF_TASK_SOURCE, String.valueOf(id)));
            events.publishEvent(before.updateTask().reopening(clock.instant()));
        }
    }

    /** Keeps a document as evidence for the action, visible to its agency and partnership-wide roles. */
    @Transactional
    @PreAuthorize("hasAuthority('actions:update')")
    public DocumentSummary addEvidence(long id, Upload upload, @Nullable String description) {
        Actor actor = Actors.require();
        ActionDetail action = action(Scope.of(actor), id);
        if (action.status() == ActionStatus.SIGNED_OFF) {
            throw Refusal.invalid("This action has been signed off, so no more evidence can be added");
        }
        DocumentSummary stored = documents.store(
                actor.partnershipId(), action.ownerAgencyId(), EVIDENCE_OWNER, id, upload, blankToNull(description));
        actions.touch(id);
        return stored;
    }

    /**
     * The Learning and Improvement Group signs a completed action off: final, and it closes the tasks about it.
     *
     * @throws IllegalStateException when the action is not completed or the date is impossible
     */
    @Transactional
    @PreAuthorize("hasAuthority('actions:sign-off')")
    public void signOff(long id, int version, LocalDate on, @Nullable String note) {
        Actor actor = Actors.require();
        ActionDetail before = action(Scope.of(actor), id);
        LearningAction lifecycle = before.lifecycle();
        lifecycle.signOff(on, actor.displayName(), blankToNull(note), today());
        save(actor, before, version, lifecycle);
        actions.addUpdate(
                id,
                before.ownerAgencyId(),
                actor.userId(),
                actor.displayName(),
                note == null || note.isBlank() ? "Signed off" : "Signed off: " + note.trim(),
                before.status(),
                ActionStatus.SIGNED_OFF);
        events.publishEvent(new TaskResolved(actor.partnershipId(), TASK_SOURCE, String.valueOf(id)));
        events.publishEvent(new TaskResolved(actor.partnershipId(), SIGN_OFF_TASK_SOURCE, String.valueOf(id)));
    }

    /** Records how the partnership knows the action made a difference. */
    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public void recordImpact(long id, int version, String note) {
        Actor actor = Actors.require();
        ActionDetail before = action(Scope.of(actor), id);
        LearningAction lifecycle = before.lifecycle();
        lifecycle.recordImpact(note.trim());
        save(actor, before, version, lifecycle);
    }

    /** The action if the signed-in person may see it. */
    public ActionDetail action(Scope scope, long id) {
        return actions.find(scope, id).orElseThrow(() -> new NotFoundException("Action"));
    }

    /** The recommendation if the signed-in person may see it. */
    public RecommendationDetail recommendation(Scope scope, long id) {
        return recommendations.find(scope, id).orElseThrow(() -> new NotFoundException("Recommendation"));
    }

    private void save(Actor actor, ActionDetail before, int version, LearningAction after) {
        if (!actions.saveLifecycle(actor.partnershipId(), before.id(), version, after)) {
            throw new ConcurrentEditException("This action");
        }
        Map<String, @Nullable Object> afterValues = new LinkedHashMap<>(before.auditValues());
        afterValues.putAll(after.auditValues());
        audit.changed(AuditAction.UPDATE, "learning-action", before.id(), before.auditValues(), afterValues);
    }

    private void check(long partnershipId, RecommendationDetails d) {
        if (d.owningGroupId() != null
                && organisation.groupsOf(partnershipId).stream()
                        .map(GroupSummary::id)
                        .noneMatch(d.owningGroupId()::equals)) {
            throw new NotFoundException("Group");
        }
        Set<Long> known = themes.all().stream().map(LearningTheme::id).collect(Collectors.toSet());
        if (!known.containsAll(d.themeIds())) {
            throw new NotFoundException("Learning theme");
        }
    }

    private AgencySummary agency(long partnershipId, long agencyId) {
        return organisation.agenciesOf(partnershipId).stream()
                .filter(a -> a.id() == agencyId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Agency"));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
