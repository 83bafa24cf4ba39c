package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A raw figure an agency returns each period: a count, sum or population.
 *
 * @param code stable identifier used in formulas, templates, the API and catalogue files, e.g. {@code cp_plans}
 * @param sourceAgencyId the agency that supplies it; null until the business team chooses one
 */
public record DataItem(
        long id,
        long partnershipId,
        String code,
        String name,
        String definition,
        String valueKind,
        PeriodType periodType,
        Frequency frequency,
        @Nullable Long sourceAgencyId,
        @Nullable String sourceAgencyName,
        Set<Breakdown> breakdowns,
        boolean required,
        @Nullable BigDecimal minValue,
        @Nullable BigDecimal maxValue,
        boolean archived,
        int version) {}
