package org.safeguardinghub.performance.earlywarning;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A control chart over one series: the values, the centre line (the baseline's average, or p-bar), the control limits
 * for each point (constant on an XmR chart, varying with each point's denominator on a p-chart) and how many of the
 * first points formed the baseline.
 *
 * @param values the plotted values in the indicator's own unit (a p-chart's proportions already multiplied by 100)
 * @param averageMovingRange the baseline's average moving range (XmR only)
 */
record ControlChart(
        Kind kind,
        List<Double> values,
        double centre,
        List<Double> upper,
        List<Double> lower,
        int baselineSize,
        @Nullable Double averageMovingRange) {

    enum Kind {
        XMR("XmR (individuals) chart"),
        P("p-chart (proportions)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    int size() {
        return values.size();
    }

    double value(int i) {
        return values.get(i);
    }

    double upper(int i) {
        return upper.get(i);
    }

    double lower(int i) {
        return lower.get(i);
    }
}
