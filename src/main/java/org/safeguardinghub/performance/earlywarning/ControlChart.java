package org.safeguardinghub.performance.earlywarning;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An XmR (individuals) control chart over one series: the values, and for each point the centre line and the
 * control limits of the phase it belongs to. A chart has one phase, or several when someone recorded a change in the
 * process (a new service, a new definition) and the limits were re-based from the points after it.
 *
 * @param values the plotted values in the indicator's own unit, rounded as the indicator rounds them
 * @param centre each point's centre line (its phase's baseline mean)
 * @param upper each point's upper control limit (centre + 3 sigma), rounded like the values
 * @param lower each point's lower control limit (centre − 3 sigma, not below 0 for a measure that cannot be
 *     negative), rounded like the values
 * @param sigma each point's sigma (its phase's average moving range / 1.128)
 * @param phases the phases in order; the first starts at point 0
 */
record ControlChart(
        List<Double> values,
        List<Double> centre,
        List<Double> upper,
        List<Double> lower,
        List<Double> sigma,
        List<Phase> phases) {

    /**
     * A stretch of the chart with one set of limits.
     *
     * @param from the index of its first point
     * @param baselineSize how many of its first points its limits come from
     * @param reason why the limits were re-based here (a recorded change), or null for the first phase
     */
    record Phase(int from, int baselineSize, @Nullable String reason) {}

    static final String KIND = "XmR (individuals) chart";

    int size() {
        return values.size();
    }

    double value(int i) {
        return values.get(i);
    }

    double centre(int i) {
        return centre.get(i);
    }

    double upper(int i) {
        return upper.get(i);
    }

    double lower(int i) {
        return lower.get(i);
    }

    double sigma(int i) {
        return sigma.get(i);
    }

    /** The phase point {@code i} belongs to. */
    Phase phaseOf(int i) {
        Phase found = phases.get(0);
        for (Phase p : phases) {
            if (p.from() <= i) {
                found = p;
            }
        }
        return found;
    }
}
