package org.safeguardinghub.imports.batches;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Actor;

/**
 * What batches a user may see: those of their current partnership, of their own agency unless their role reaches
 * across agencies, and only of the import kinds they hold the authority for. Applied in the SQL of every query.
 */
public record ImportScope(long partnershipId, @Nullable Long agencyId, boolean allAgencies, Set<String> kinds) {

    public ImportScope {
        kinds = Set.copyOf(kinds);
    }

    public static ImportScope of(Actor actor, Set<String> kinds) {
        return new ImportScope(actor.partnershipId(), actor.agencyId(), actor.seesAllAgencies(), kinds);
    }
}
