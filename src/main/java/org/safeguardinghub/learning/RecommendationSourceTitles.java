package org.safeguardinghub.learning;

import java.util.Optional;

/**
 * Names the records recommendations come from, for a module that keeps them (case reviews keep practice and rapid
 * reviews): learning asks each implementation instead of reading the other module's tables, and needs no dependency
 * on it.
 */
public interface RecommendationSourceTitles {

    /**
     * The title of a record in the partnership, if this module keeps records of that kind and the record exists.
     */
    Optional<String> title(long partnershipId, RecommendationSource source, long sourceId);
}
