package org.safeguardinghub.performance.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How often early warning cries wolf: stable (in-control) monthly series of the demo's length, seeded so every run
 * is the same, scanned month by month as the figures would arrive. Each episode that starts raises one task, as
 * {@link EarlyWarning} does. A stable indicator must raise a new task less than once in two years on average, and
 * percentages over large denominators (over-dispersed, as real services are) must do no worse than counts.
 */
class StableSeriesSimulationTests {

    /** April 2021 to September 2026: the demo's monthly history. */
    static final int MONTHS = 66;

    static final int SERIES = 1000;

    record Outcome(double tasksPerTwoYears, double shareWithCurrentEpisodeAtTheEnd) {}

    /** A count around a level with Poisson-like noise, widened a little as real counts are. */
    static List<Double> count(Random random) {
        double level = 20 + random.nextDouble() * 5000;
        double spread = Math.sqrt(level) * (1 + random.nextDouble());
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            values.add((double) Math.max(0, Math.round(level + spread * random.nextGaussian())));
        }
        return values;
    }

    /** A percentage like re-referrals: about 1,850 a month, 30% with month-to-month variation beyond binomial. */
    static List<Double> percentage(Random random) {
        double p = 0.15 + random.nextDouble() * 0.3;
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            double denominator = Math.round(1850 * (1 + 0.05 * random.nextGaussian()));
            double share = p + 0.015 * random.nextGaussian();
            double numerator = Math.round(denominator * share);
            values.add(numerator * 100 / denominator);
        }
        return values;
    }

    /** Scans the series as each month arrives and counts the episodes that start (each one task). */
    static int tasks(List<Double> values, int decimals, boolean[] currentAtEnd) {
        record Open(Direction direction, int from, int to) {}
        List<Open> open = new ArrayList<>();
        int tasks = 0;
        for (int t = XmrChart.MIN_POINTS; t <= values.size(); t++) {
            ControlChart chart = XmrChart.build(values.subList(0, t), Map.of(), true, decimals)
                    .orElseThrow();
            List<Open> next = new ArrayList<>();
            for (Episode e : Episode.of(MdcRules.find(chart))) {
                if (!e.current(t)) {
                    continue;
                }
                boolean known = open.stream()
                        .anyMatch(o -> o.direction() == e.direction() && o.from() <= e.to() && o.to() >= e.from());
                if (!known) {
                    tasks++;
                }
                next.add(new Open(e.direction(), e.from(), e.to()));
            }
            open = next;
        }
        currentAtEnd[0] = !open.isEmpty();
        return tasks;
    }

    static Outcome simulate(boolean percentages, long seed) {
        Random random = new Random(seed);
        long tasks = 0;
        int current = 0;
        for (int s = 0; s < SERIES; s++) {
            boolean[] currentAtEnd = {false};
            tasks += percentages ? tasks(percentage(random), 1, currentAtEnd) : tasks(count(random), 0, currentAtEnd);
            current += currentAtEnd[0] ? 1 : 0;
        }
        double monthsScanned = MONTHS - XmrChart.MIN_POINTS + 1;
        return new Outcome(tasks / (double) SERIES / (monthsScanned / 24), current / (double) SERIES);
    }

    @Test
    void aStableCountRaisesANewTaskLessThanOnceInTwoYears() {
        Outcome counts = simulate(false, 2026);
        System.out.printf(
                "Stable counts: %.2f new tasks per two years, %.1f%% with a current episode%n",
                counts.tasksPerTwoYears(), 100 * counts.shareWithCurrentEpisodeAtTheEnd());
        assertThat(counts.tasksPerTwoYears()).isLessThan(1.0);
    }

    @Test
    void aStablePercentageOverLargeDenominatorsRaisesANewTaskLessThanOnceInTwoYears() {
        Outcome percentages = simulate(true, 2027);
        System.out.printf(
                "Stable percentages: %.2f new tasks per two years, %.1f%% with a current episode%n",
                percentages.tasksPerTwoYears(), 100 * percentages.shareWithCurrentEpisodeAtTheEnd());
        assertThat(percentages.tasksPerTwoYears()).isLessThan(1.0);
    }
}
