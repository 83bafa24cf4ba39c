package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The arithmetic of an indicator: factor, rounding, year to date and rolling twelve months. No Spring, no SQL. */
public final class IndicatorMaths {

    private IndicatorMaths() {}

    /**
     * The indicator's value: the numerator for a count, otherwise numerator / denominator x factor, rounded half up
     * to {@code decimals}. Empty when a needed denominator is missing or zero.
     */
    public static Optional<BigDecimal> value(
            BigDecimal numerator, @Nullable BigDecimal denominator, Factor factor, int decimals) {
        if (!factor.needsDenominator()) {
            return Optional.of(numerator.setScale(decimals, RoundingMode.HALF_UP));
        }
        if (denominator == null || denominator.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator
                .multiply(factor.multiplier())
                .divide(denominator, decimals + 6, RoundingMode.HALF_UP)
                .setScale(decimals, RoundingMode.HALF_UP));
    }

    /**
     * Sum of monthly values from 1 April of the financial year containing {@code periodEnd} up to and including its
     * month. Empty if any of those months is missing.
     */
    public static Optional<BigDecimal> yearToDate(Map<YearMonth, BigDecimal> monthly, LocalDate periodEnd) {
        YearMonth last = YearMonth.from(periodEnd);
        YearMonth first = YearMonth.of(last.getMonthValue() >= 4 ? last.getYear() : last.getYear() - 1, 4);
        return sum(monthly, first, last);
    }

    /** Sum of the twelve monthly values ending with the month of {@code periodEnd}; empty if any is missing. */
    public static Optional<BigDecimal> rolling12Months(Map<YearMonth, BigDecimal> monthly, LocalDate periodEnd) {
        YearMonth last = YearMonth.from(periodEnd);
        return sum(monthly, last.minusMonths(11), last);
    }

    private static Optional<BigDecimal> sum(Map<YearMonth, BigDecimal> monthly, YearMonth first, YearMonth last) {
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            BigDecimal v = monthly.get(m);
            if (v == null) {
                return Optional.empty();
            }
            total = total.add(v);
        }
        return Optional.of(total);
    }

    /** Percentage change from {@code previous} to {@code current}, one decimal; empty when previous is zero. */
    public static Optional<BigDecimal> percentChange(BigDecimal current, BigDecimal previous) {
        if (previous.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(current.subtract(previous)
                .multiply(BigDecimal.valueOf(100))
                .divide(previous.abs(), 1, RoundingMode.HALF_UP));
    }
}
