package org.safeguardinghub.performance.compute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Computes indicator values from data values into {@code indicator_value}: totals and each breakdown value, latest
 * and "as first published" (from {@code data_value.first_value}), one row per indicator, breakdown and period.
 *
 * <p>CONTRACT STUB written by the lead: helper A implements the bodies.
 */
@Service
public class IndicatorCalculator {

    /**
     * Recomputes every indicator of the partnership for every period with data, each period with the version in
     * force for it (see {@code IndicatorDefinition.effectiveFrom}); publishes {@code IndicatorValuesChanged}.
     */
    public void recomputeAll(long partnershipId) {
        throw new UnsupportedOperationException("calculator not implemented yet");
    }

    /** Recomputes the indicators that read any of these items (after a return is accepted or corrected). */
    public void recomputeForItems(long partnershipId, Collection<String> itemCodes) {
        throw new UnsupportedOperationException("calculator not implemented yet");
    }

    /**
     * What the partnership's indicators reading any of {@code proposed}'s items would be for the period ending
     * {@code periodEnd} if these totals (by item code) replaced the stored ones. Used to require commentary on red.
     */
    public List<IndicatorPreview> preview(long partnershipId, LocalDate periodEnd, Map<String, BigDecimal> proposed) {
        throw new UnsupportedOperationException("calculator not implemented yet");
    }
}
