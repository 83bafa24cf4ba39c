package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Red, amber and green for one indicator. With explicit thresholds: green when the value is at or better than
 * {@code greenFrom}, red when at or worse than {@code redFrom}, amber between. With only a target: green at or
 * better than the target, amber within 10% of it on the worse side, red beyond. "Better" follows the polarity;
 * an indicator whose polarity is {@link Polarity#NEITHER}, or with no target or thresholds, is not rated.
 */
public record RagRule(
        Polarity polarity,
        @Nullable BigDecimal target,
        @Nullable BigDecimal greenFrom,
        @Nullable BigDecimal redFrom) {

    /** Tolerance on the worse side of a bare target before a value turns red. */
    static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.10");

    public Rag rate(@Nullable BigDecimal value) {
        if (value == null || polarity == Polarity.NEITHER) {
            return Rag.NONE;
        }
        BigDecimal green = greenFrom != null ? greenFrom : target;
        if (green == null) {
            return Rag.NONE;
        }
        BigDecimal red = redFrom != null ? redFrom : defaultRed(green);
        boolean higherBetter = polarity == Polarity.HIGHER_IS_BETTER;
        if (higherBetter ? value.compareTo(green) >= 0 : value.compareTo(green) <= 0) {
            return Rag.GREEN;
        }
        if (higherBetter ? value.compareTo(red) <= 0 : value.compareTo(red) >= 0) {
            return Rag.RED;
        }
        return Rag.AMBER;
    }

    private BigDecimal defaultRed(BigDecimal green) {
        BigDecimal margin = green.abs().multiply(DEFAULT_TOLERANCE).setScale(6, RoundingMode.HALF_UP);
        // a value exactly on the tolerance edge is still amber; red starts just beyond it
        BigDecimal epsilon = new BigDecimal("0.000001");
        return polarity == Polarity.HIGHER_IS_BETTER
                ? green.subtract(margin).subtract(epsilon)
                : green.add(margin).add(epsilon);
    }
}
