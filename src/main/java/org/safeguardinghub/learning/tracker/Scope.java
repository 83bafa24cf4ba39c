package org.safeguardinghub.learning.tracker;

import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Actor;

/**
 * Whose actions a person may see: every action of their partnership, or (for agency-scoped roles such as an agency
 * lead) only those owned by their own agency. Every tracker query takes one.
 *
 * @param agencyId null when the person sees all agencies
 */
public record Scope(long partnershipId, @Nullable Long agencyId) {

    public static Scope of(Actor actor) {
        if (actor.seesAllAgencies()) {
            return new Scope(actor.partnershipId(), null);
        }
        // an agency-scoped person without an agency sees nothing: -1 matches no agency
        Long agency = actor.agencyId();
        return new Scope(actor.partnershipId(), agency == null ? -1L : agency);
    }

    public boolean allAgencies() {
        return agencyId == null;
    }
}
