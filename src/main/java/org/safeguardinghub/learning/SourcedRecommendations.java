package org.safeguardinghub.learning;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.learning.tracker.SourcedTracking;
import org.springframework.stereotype.Service;

/**
 * Lets another module put actions it has agreed into the learning tracker (for example the actions a Section 11
 * panel agrees with an agency), so they are chased like any other action. The calling module has already decided
 * the signed-in person may do this (a panel member has no learning:manage), so nothing here checks permissions;
 * numbering, audit and the owning agency lead's task are exactly as when the business team adds an action.
 */
@Service
public class SourcedRecommendations {

    private final SourcedTracking tracking;

    SourcedRecommendations(SourcedTracking tracking) {
        this.tracking = tracking;
    }

    /** One action to add, owned by the recommendation's agency. */
    public record SourcedAction(
            String text,
            @Nullable String ownerPerson,
            @Nullable LocalDate dueOn) {}

    /**
     * The recommendation for a source record in a partnership, created the first time and reused after that (so
     * calling again never makes a second one), with the given actions added under it owned by the agency.
     *
     * @return the ids of the new actions, in the order given
     */
    public List<Long> raise(
            long partnershipId,
            RecommendationSource source,
            long sourceId,
            String title,
            String text,
            long ownerAgencyId,
            List<SourcedAction> actions) {
        return tracking.raise(partnershipId, source, sourceId, title, text, ownerAgencyId, actions);
    }
}
