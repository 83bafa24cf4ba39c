package org.safeguardinghub.performance.earlywarning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Statistical process control on an indicator's own history (no Spring, no database): builds the control chart and
 * finds the points that ordinary variation would very rarely produce.
 *
 * <p><b>Baseline.</b> The centre line and limits come from the first {@value #MAX_BASELINE} points (two years of a
 * monthly series, six of a quarterly one) when there are that many, otherwise from all the points. A baseline of at
 * least two years sees a full seasonal cycle twice, and fixing it (rather than using every point) means a recent
 * shift cannot drag the average and the limits after itself and hide. Fewer than {@value #MIN_POINTS} points give
 * limits too unstable to act on, so nothing is computed.
 *
 * <p><b>XmR (individuals) chart</b> for counts and rates: centre = mean of the baseline; moving range = the absolute
 * difference between consecutive baseline points; limits = mean ± 2.66 × average moving range (2.66 = 3 / d2 with
 * d2 = 1.128 for ranges of two points). The lower limit is floored at 0 when the measure cannot be negative.
 *
 * <p><b>p-chart</b> for percentages whose numerators and denominators are known: p-bar = Σ numerators / Σ
 * denominators over the baseline; each point's limits are p-bar ± 3 √(p-bar (1 − p-bar) / n_i) with its own
 * denominator n_i (so smaller months get wider limits), kept within 0 and 1.
 *
 * <p><b>Rules</b> (NHS England "Making Data Count"): (1) a point outside the control limits (a point exactly on a
 * limit is inside); (2) a run of 8 or more consecutive points on one side of the centre line (a point exactly on the
 * line ends the run); (3) a trend of 6 or more consecutive points each higher than the one before, or each lower
 * (an equal pair ends it). A run or trend is one signal, placed at the point where it first reaches 8 (or 6), so it
 * keeps its identity while it lasts; its extent runs to where it ends.
 */
final class Spc {

    static final int MIN_POINTS = 12;
    static final int MAX_BASELINE = 24;
    static final double XMR_CONSTANT = 2.66;
    static final int RUN = 8;
    static final int TREND = 6;

    /** A signal found on a chart: its point, the extent of a run or trend (from..to, inclusive), rule and direction. */
    record Found(int index, int from, int to, SpcRule rule, Direction direction) {}

    private Spc() {}

    static int baselineSize(int points) {
        return Math.min(points, MAX_BASELINE);
    }

    /** An XmR chart, or empty with fewer than {@value #MIN_POINTS} values. */
    static Optional<ControlChart> xmr(List<Double> values, boolean floorAtZero) {
        if (values.size() < MIN_POINTS) {
            return Optional.empty();
        }
        int b = baselineSize(values.size());
        double sum = 0;
        for (int i = 0; i < b; i++) {
            sum += values.get(i);
        }
        double mean = sum / b;
        double ranges = 0;
        for (int i = 1; i < b; i++) {
            ranges += Math.abs(values.get(i) - values.get(i - 1));
        }
        double averageMovingRange = ranges / (b - 1);
        double upper = mean + XMR_CONSTANT * averageMovingRange;
        double lower = mean - XMR_CONSTANT * averageMovingRange;
        if (floorAtZero) {
            lower = Math.max(0, lower);
        }
        return Optional.of(new ControlChart(
                ControlChart.Kind.XMR,
                List.copyOf(values),
                mean,
                Collections.nCopies(values.size(), upper),
                Collections.nCopies(values.size(), lower),
                b,
                averageMovingRange));
    }

    /**
     * A p-chart, or empty with fewer than {@value #MIN_POINTS} points, a denominator that is not positive, or a
     * numerator above its denominator (not a proportion).
     *
     * @param scale what a proportion is multiplied by to show it (100 for a percentage)
     */
    static Optional<ControlChart> pChart(List<Double> numerators, List<Double> denominators, double scale) {
        int n = numerators.size();
        if (n < MIN_POINTS || denominators.size() != n) {
            return Optional.empty();
        }
        for (int i = 0; i < n; i++) {
            if (denominators.get(i) <= 0 || numerators.get(i) < 0 || numerators.get(i) > denominators.get(i)) {
                return Optional.empty();
            }
        }
        int b = baselineSize(n);
        double num = 0;
        double den = 0;
        for (int i = 0; i < b; i++) {
            num += numerators.get(i);
            den += denominators.get(i);
        }
        double pBar = num / den;
        List<Double> values = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double sigma = Math.sqrt(pBar * (1 - pBar) / denominators.get(i));
            values.add(numerators.get(i) / denominators.get(i) * scale);
            upper.add(Math.min(1, pBar + 3 * sigma) * scale);
            lower.add(Math.max(0, pBar - 3 * sigma) * scale);
        }
        return Optional.of(new ControlChart(ControlChart.Kind.P, values, pBar * scale, upper, lower, b, null));
    }

    /** Every signal on the chart, in the order of their points (outside-limit signals before runs and trends). */
    static List<Found> signals(ControlChart chart) {
        List<Found> found = new ArrayList<>();
        int n = chart.size();
        for (int i = 0; i < n; i++) {
            double v = chart.value(i);
            if (v > chart.upper(i)) {
                found.add(new Found(i, i, i, SpcRule.OUTSIDE_LIMITS, Direction.UP));
            } else if (v < chart.lower(i)) {
                found.add(new Found(i, i, i, SpcRule.OUTSIDE_LIMITS, Direction.DOWN));
            }
        }
        // runs on one side of the centre line
        int start = 0;
        while (start < n) {
            int side = Double.compare(chart.value(start), chart.centre());
            int end = start;
            while (side != 0 && end + 1 < n && Double.compare(chart.value(end + 1), chart.centre()) == side) {
                end++;
            }
            if (side != 0 && end - start + 1 >= RUN) {
                found.add(new Found(
                        start + RUN - 1, start, end, SpcRule.RUN_OF_8, side > 0 ? Direction.UP : Direction.DOWN));
            }
            start = end + 1;
        }
        // trends: consecutive points each higher (or each lower) than the one before
        start = 0;
        while (start < n - 1) {
            int step = Double.compare(chart.value(start + 1), chart.value(start));
            int end = start + 1;
            while (step != 0 && end + 1 < n && Double.compare(chart.value(end + 1), chart.value(end)) == step) {
                end++;
            }
            if (step != 0 && end - start + 1 >= TREND) {
                found.add(new Found(
                        start + TREND - 1, start, end, SpcRule.TREND_OF_6, step > 0 ? Direction.UP : Direction.DOWN));
            }
            start = step == 0 ? start + 1 : end;
        }
        found.sort(java.util.Comparator.comparingInt(Found::index));
        return found;
    }
}
