package org.safeguardinghub.performance.earlywarning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the XmR chart early warning reads, as NHS England's "Making Data Count" describes it (no Spring, no
 * database).
 *
 * <p><b>Baseline.</b> The centre line and limits come from a chosen baseline: the first {@value #BASELINE} points of
 * the series (fewer when the series is shorter, but never fewer than {@value #MIN_POINTS}: limits from fewer points
 * are too unstable to act on, so nothing is charted). The limits then stay where they are: a recent shift cannot
 * drag them after itself and hide. They are re-based only at a change someone recorded, with its reason (a new
 * service, a new recording practice): the points from the change on form a new phase with its own baseline, once it
 * has {@value #MIN_POINTS} points (until then the earlier limits carry on, and the change is marked on the chart).
 *
 * <p><b>Limits.</b> Centre = the baseline's mean; sigma = average moving range / 1.128 (d2 for ranges of two
 * points); limits = centre ± 3 sigma (2.66 average moving ranges). XmR is used for counts, rates and percentages
 * alike: a percentage over a large denominator on a p-chart ignores the month-to-month variation real services show
 * (over-dispersion) and flags nearly every month, which Laney's p′ and XmR both avoid. The lower limit is not below 0
 * for a measure that cannot be negative. Values and limits are rounded to the indicator's decimals, so a point the
 * chart calls outside its limit is outside it in the figures people read.
 */
final class XmrChart {

    static final int MIN_POINTS = 12;
    static final int BASELINE = 20;
    static final double D2 = 1.128;

    private XmrChart() {}

    /**
     * The chart of {@code values}, or empty when there are fewer than {@value #MIN_POINTS}.
     *
     * @param changes recorded changes: the index of the first point after each, with its reason
     */
    static Optional<ControlChart> build(
            List<Double> values, Map<Integer, String> changes, boolean floorAtZero, int decimals) {
        int n = values.size();
        if (n < MIN_POINTS) {
            return Optional.empty();
        }
        List<Double> rounded = new ArrayList<>(n);
        values.forEach(v -> rounded.add(round(v, decimals)));
        TreeMap<Integer, String> starts = new TreeMap<>();
        changes.forEach((index, reason) -> {
            // a change before the first baseline could be formed leaves too few points to chart before it
            if (index >= MIN_POINTS && index < n) {
                starts.put(index, reason);
            }
        });
        int firstLength = starts.isEmpty() ? n : starts.firstKey();
        List<ControlChart.Phase> phases = new ArrayList<>();
        phases.add(new ControlChart.Phase(0, Math.min(firstLength, BASELINE), null));
        for (Map.Entry<Integer, String> e : starts.entrySet()) {
            Integer next = starts.higherKey(e.getKey());
            int length = (next == null ? n : next) - e.getKey();
            int baseline = length >= MIN_POINTS ? Math.min(length, BASELINE) : 0;
            phases.add(new ControlChart.Phase(e.getKey(), baseline, e.getValue()));
        }
        List<Double> centre = new ArrayList<>(n);
        List<Double> upper = new ArrayList<>(n);
        List<Double> lower = new ArrayList<>(n);
        List<Double> sigma = new ArrayList<>(n);
        double[] limits = null;
        for (int p = 0; p < phases.size(); p++) {
            ControlChart.Phase phase = phases.get(p);
            int end = p + 1 < phases.size() ? phases.get(p + 1).from() : n;
            if (phase.baselineSize() > 0) {
                limits = limits(rounded, phase.from(), phase.baselineSize(), floorAtZero, decimals);
            }
            for (int i = phase.from(); i < end; i++) {
                centre.add(limits[0]);
                sigma.add(limits[1]);
                upper.add(limits[2]);
                lower.add(limits[3]);
            }
        }
        return Optional.of(new ControlChart(
                List.copyOf(rounded),
                List.copyOf(centre),
                List.copyOf(upper),
                List.copyOf(lower),
                List.copyOf(sigma),
                List.copyOf(phases)));
    }

    /** Centre, sigma, upper and lower limit from {@code size} points starting at {@code from}. */
    private static double[] limits(List<Double> values, int from, int size, boolean floorAtZero, int decimals) {
        double sum = 0;
        for (int i = from; i < from + size; i++) {
            sum += values.get(i);
        }
        double mean = sum / size;
        double ranges = 0;
        for (int i = from + 1; i < from + size; i++) {
            ranges += Math.abs(values.get(i) - values.get(i - 1));
        }
        double sigma = ranges / (size - 1) / D2;
        double lower = mean - 3 * sigma;
        if (floorAtZero) {
            lower = Math.max(0, lower);
        }
        return new double[] {mean, sigma, round(mean + 3 * sigma, decimals), round(lower, decimals)};
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
