package org.safeguardinghub.learning.tracker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.learning.RecommendationSource;
import org.safeguardinghub.learning.SourcedRecommendations.SourcedAction;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracker side of {@link org.safeguardinghub.learning.SourcedRecommendations}: it lives here because reference
 * numbering and the audit values are internal to the tracker. Does what {@link Tracker#createRecommendation} and
 * {@link Tracker#addAction} do, without their permission check (the calling module authorised the person).
 */
@Service
public class SourcedTracking {

    private final RecommendationRecords recommendations;
    private final ActionRecords actions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SourcedTracking(
            RecommendationRecords recommendations,
            ActionRecords actions,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.recommendations = recommendations;
        this.actions = actions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public List<Long> raise(
            long partnershipId,
            RecommendationSource source,
            long sourceId,
            String title,
            String text,
            long ownerAgencyId,
            List<SourcedAction> toAdd) {
        Actor actor = Actors.require();
        Scope scope = new Scope(partnershipId, null);
        int year = LocalDate.now(clock).getYear();
        long recommendationId = recommendations
                .firstFromSource(partnershipId, source, sourceId)
                .orElseGet(() -> {
                    String reference = recommendations.nextReference(partnershipId, "R", year);
                    long id = recommendations.insert(
                            partnershipId,
                            reference,
                            source,
                            sourceId,
                            title,
                            text,
                            null,
                            LocalDate.now(clock),
                            null,
                            actor.displayName());
                    audit.created(
                            "recommendation",
                            id,
                            recommendations.find(scope, id).orElseThrow().auditValues());
                    return id;
                });
        List<Long> ids = new ArrayList<>();
        for (SourcedAction a : toAdd) {
            String reference = recommendations.nextReference(partnershipId, "A", year);
            String person = a.ownerPerson() == null || a.ownerPerson().isBlank()
                    ? null
                    : a.ownerPerson().trim();
            long id = actions.insert(
                    partnershipId, recommendationId, reference, a.text().trim(), ownerAgencyId, person, a.dueOn());
            ActionDetail created = actions.find(scope, id).orElseThrow();
            audit.created("learning-action", id, created.auditValues());
            events.publishEvent(created.updateTask());
            ids.add(id);
        }
        return ids;
    }
}
