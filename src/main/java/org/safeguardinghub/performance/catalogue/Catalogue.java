package org.safeguardinghub.performance.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The indicator catalogue of a partnership: data items, indicators (current definitions and their versions) and
 * cross-item rules. Reads only; changes go through the catalogue administration (and are audited there).
 *
 * <p>Items and rules are plain rows. An indicator is an identity ({@code indicator}) with numbered versions
 * ({@code indicator_version}); {@code indicator.current_version} names the definition the catalogue shows. Older
 * versions keep the periods before the newer version's {@code effective_from} until someone recomputes history
 * with the current definition. The rows are read by {@link CatalogueRecords}.
 */
@Service
public class Catalogue {

    private final CatalogueRecords records;

    Catalogue(CatalogueRecords records) {
        this.records = records;
    }

    /** Active (not archived) data items of the partnership, ordered by name. */
    public List<DataItem> items(long partnershipId) {
        return records.items(partnershipId);
    }

    /** Active items supplied by one agency, ordered by name. */
    public List<DataItem> itemsOf(long partnershipId, long agencyId) {
        return records.itemsOf(partnershipId, agencyId);
    }

    public Optional<DataItem> item(long partnershipId, String code) {
        return records.item(partnershipId, code);
    }

    /** Current definitions of the partnership's active indicators, in catalogue order. */
    public List<IndicatorDefinition> indicators(long partnershipId) {
        return records.indicators(partnershipId);
    }

    public Optional<IndicatorDefinition> indicator(long partnershipId, String code) {
        return records.indicator(partnershipId, code);
    }

    /** Every version of one indicator, oldest first (for methodology breaks and history). */
    public List<IndicatorDefinition> versions(long indicatorId) {
        return records.versions(indicatorId);
    }

    /** Every version of every indicator of the partnership (archived ones too), by indicator then version. */
    public List<IndicatorDefinition> allVersions(long partnershipId) {
        return records.allVersions(partnershipId);
    }

    /** Cross-item rules of the partnership. */
    public List<DataRule> rules(long partnershipId) {
        return records.rules(partnershipId);
    }
}
