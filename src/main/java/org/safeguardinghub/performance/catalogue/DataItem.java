package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A raw figure an agency returns each period: a count, sum or population.
 *
 * @param code stable identifier used in formulas, templates, the API and catalogue files, e.g. {@code cp_plans}
 * @param sourceAgencyId the agency that supplies it; null until the business team chooses one
 * @param minValue the lowest figure the business team allows; null for {@link #FLOOR}
 * @param maxValue the highest figure the business team allows; null (or anything above it) for {@link #CEILING}
 *
 * <p>Every item has a declared range, {@link #lowest()} to {@link #highest()}, and precision, {@link #decimals()}:
 * a figure outside them is refused on every channel (form, template upload, API, extract) with a message, so no
 * figure the Hub stores is too large to add up, chart or show back exactly.
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
        int version) {

    /** The lowest figure any item may have: figures are counts, sums and populations, never negative. */
    public static final BigDecimal FLOOR = BigDecimal.ZERO;

    /** The highest figure any item may have (just under a trillion): far above any partnership's figure. */
    public static final BigDecimal CEILING = new BigDecimal("999999999999");

    /** Decimal places a sum may have (money, hours); counts and populations are whole numbers. */
    public static final int SUM_DECIMALS = 2;

    /** The lowest figure allowed for this item. */
    public BigDecimal lowest() {
        return minValue == null || minValue.compareTo(FLOOR) < 0 ? FLOOR : minValue;
    }

    /** The highest figure allowed for this item. */
    public BigDecimal highest() {
        return maxValue == null || maxValue.compareTo(CEILING) > 0 ? CEILING : maxValue;
    }

    /** The decimal places a figure of this item may have: 0 for counts and populations. */
    public int decimals() {
        return "SUM".equals(valueKind) ? SUM_DECIMALS : 0;
    }
}
