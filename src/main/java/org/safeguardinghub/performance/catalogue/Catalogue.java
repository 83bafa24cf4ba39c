package org.safeguardinghub.performance.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The indicator catalogue of a partnership: data items, indicators (current definitions and their versions) and
 * cross-item rules. Reads only; changes go through the catalogue administration (and are audited there).
 *
 * <p>CONTRACT STUB written by the lead: helper A implements the bodies; the signatures are what the other parts of
 * the module use.
 */
@Service
public class Catalogue {

    /** Active (not archived) data items of the partnership, ordered by name. */
    public List<DataItem> items(long partnershipId) {
        throw new UnsupportedOperationException("catalogue not implemented yet");
    }

    /** Active items supplied by one agency, ordered by name. */
    public List<DataItem> itemsOf(long partnershipId, long agencyId) {
        throw new UnsupportedOperationException("catalogue not implemented yet");
    }

    public Optional<DataItem> item(long partnershipId, String code) {
        throw new UnsupportedOperationException("catalogue not implemented yet");
    }

    /** Current definitions of the partnership's active indicators, in catalogue order. */
    public List<IndicatorDefinition> indicators(long partnershipId) {
        throw new UnsupportedOperationException("catalogue not implemented yet");
    }

    public Optional<IndicatorDefinition> indicator(long partnershipId, String code) {
        throw new UnsupportedOperationException("catalogue not implemented yet");
    }

    /** Every version of one indicator, oldest first (for methodology breaks and history). */
    public List<IndicatorDefinition> versions(long indicatorId) {
        throw new UnsupportedOperationException("catalogue not implemented yet");
    }

    /** Cross-item rules of the partnership. */
    public List<DataRule> rules(long partnershipId) {
        throw new UnsupportedOperationException("catalogue not implemented yet");
    }
}
