package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of an indicator's definition. The current version is what the catalogue shows; older versions stay
 * for the periods they computed until history is recomputed.
 *
 * @param effectiveFrom periods ending on or after this date use this version; a later version's date is a
 *     methodology break on charts (unless history was recomputed with it)
 */
public record IndicatorDefinition(
        long indicatorId,
        long partnershipId,
        String code,
        String name,
        int versionNo,
        String numerator,
        String numeratorDescription,
        @Nullable String denominator,
        String denominatorDescription,
        Factor factor,
        Aggregation aggregation,
        int decimals,
        Polarity polarity,
        @Nullable BigDecimal target,
        @Nullable BigDecimal greenFrom,
        @Nullable BigDecimal redFrom,
        @Nullable BigDecimal benchmarkEngland,
        @Nullable BigDecimal benchmarkRegion,
        @Nullable BigDecimal benchmarkNeighbours,
        List<String> priorities,
        @Nullable String ownerGroup,
        String methodology,
        LocalDate effectiveFrom,
        boolean historyRecomputed,
        int sortOrder) {

    public RagRule ragRule() {
        return new RagRule(polarity, target, greenFrom, redFrom);
    }

    public Formula numeratorFormula() {
        return Formula.parse(numerator);
    }

    public @Nullable Formula denominatorFormula() {
        return denominator == null || denominator.isBlank() ? null : Formula.parse(denominator);
    }
}
