package org.safeguardinghub.performance.scorecard;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * How "Context in numbers" groups a year-on-year change, as Kent's 2023-24 annual report does: increasing,
 * decreasing or in line.
 *
 * <p>Kent's report does not state its rule, and its own grouping is not consistent: it shows -0.7% as "Decreasing"
 * but -2.66% as "In line". The Hub uses one documented rule instead: a change is <em>in line</em> when its size is
 * under {@link #IN_LINE_BELOW_PERCENT} per cent (so -2.66% and +0.7% are in line), and increasing or decreasing
 * from 3% upwards (so -3.0% is decreasing and +6.1% increasing). A change that cannot be computed (no value last
 * year, or last year's value was zero) is not grouped.
 */
public enum ChangeGroup {
    INCREASING("Increasing"),
    DECREASING("Decreasing"),
    IN_LINE("In line");

    /** A change whose size (in per cent of last year's value) is below this is "in line". */
    public static final BigDecimal IN_LINE_BELOW_PERCENT = new BigDecimal("3");

    private final String label;

    ChangeGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The group of a percentage change, or null when there is no change to group. */
    static @Nullable ChangeGroup of(@Nullable BigDecimal percentChange) {
        if (percentChange == null) {
            return null;
        }
        if (percentChange.abs().compareTo(IN_LINE_BELOW_PERCENT) < 0) {
            return IN_LINE;
        }
        return percentChange.signum() > 0 ? INCREASING : DECREASING;
    }
}
