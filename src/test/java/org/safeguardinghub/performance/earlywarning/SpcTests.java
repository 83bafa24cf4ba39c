package org.safeguardinghub.performance.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control chart maths and the three rules, against hand-worked examples. */
class SpcTests {

    /** 24 baseline points alternating 14, 10: mean 12, every moving range 4, limits 12 ± 10.64. */
    private static List<Double> baseline() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            values.add(i % 2 == 0 ? 14.0 : 10.0);
        }
        return values;
    }

    private static List<Double> plus(List<Double> values, double... more) {
        List<Double> all = new ArrayList<>(values);
        for (double m : more) {
            all.add(m);
        }
        return all;
    }

    private static List<Spc.Found> signals(List<Double> values) {
        return Spc.signals(Spc.xmr(values, true).orElseThrow());
    }

    @Test
    void xmrLimitsMatchAHandWorkedExample() {
        // sum 140 over 12 points: mean 11.6667; moving ranges 2,1,2,1,2,4,2,1,2,1,2 = 20 over 11: 1.81818
        List<Double> values = List.of(10.0, 12.0, 11.0, 13.0, 12.0, 14.0, 10.0, 12.0, 11.0, 13.0, 12.0, 10.0);
        ControlChart chart = Spc.xmr(values, true).orElseThrow();
        assertThat(chart.kind()).isEqualTo(ControlChart.Kind.XMR);
        assertThat(chart.centre()).isCloseTo(11.6667, within(0.0001));
        assertThat(chart.averageMovingRange()).isCloseTo(1.81818, within(0.00001));
        assertThat(chart.upper(0)).isCloseTo(16.50303, within(0.00001));
        assertThat(chart.lower(11)).isCloseTo(6.83030, within(0.00001));
        assertThat(chart.baselineSize()).isEqualTo(12);
        assertThat(Spc.signals(chart)).isEmpty();
    }

    @Test
    void needsTwelvePointsAndUsesAtMostTwentyFourForTheBaseline() {
        assertThat(Spc.xmr(Collections.nCopies(11, 5.0), true)).isEmpty();
        assertThat(Spc.xmr(Collections.nCopies(12, 5.0), true)).isPresent();
        // a later shift does not move the centre line: it is the average of the first 24 only
        ControlChart chart = Spc.xmr(plus(baseline(), 100, 100, 100), true).orElseThrow();
        assertThat(chart.baselineSize()).isEqualTo(24);
        assertThat(chart.centre()).isEqualTo(12.0);
        assertThat(chart.upper(26)).isCloseTo(22.64, within(1e-9));
    }

    @Test
    void lowerLimitIsFlooredAtZeroForCounts() {
        List<Double> values = List.of(1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0);
        assertThat(Spc.xmr(values, true).orElseThrow().lower(0)).isEqualTo(0.0);
        assertThat(Spc.xmr(values, false).orElseThrow().lower(0)).isCloseTo(5 - 2.66 * 8, within(1e-9));
    }

    @Test
    void pChartLimitsVaryWithEachPointsDenominator() {
        List<Double> num = new ArrayList<>(Collections.nCopies(12, 20.0));
        List<Double> den = new ArrayList<>(Collections.nCopies(12, 100.0));
        num.add(80.0);
        den.add(400.0);
        ControlChart chart = Spc.pChart(num, den, 100).orElseThrow();
        // p-bar 0.2; sigma with n = 100 is sqrt(0.2 x 0.8 / 100) = 0.04, with n = 400 it is 0.02
        assertThat(chart.kind()).isEqualTo(ControlChart.Kind.P);
        assertThat(chart.centre()).isCloseTo(20.0, within(1e-9));
        assertThat(chart.upper(0)).isCloseTo(32.0, within(1e-9));
        assertThat(chart.lower(0)).isCloseTo(8.0, within(1e-9));
        assertThat(chart.upper(12)).isCloseTo(26.0, within(1e-9));
        assertThat(chart.lower(12)).isCloseTo(14.0, within(1e-9));
        assertThat(chart.value(12)).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void pChartRefusesFiguresThatAreNotProportions() {
        List<Double> den = Collections.nCopies(12, 100.0);
        List<Double> tooMany = new ArrayList<>(Collections.nCopies(12, 20.0));
        tooMany.set(3, 120.0);
        assertThat(Spc.pChart(tooMany, den, 100)).isEmpty();
        List<Double> zero = new ArrayList<>(den);
        zero.set(5, 0.0);
        assertThat(Spc.pChart(Collections.nCopies(12, 0.0), zero, 100)).isEmpty();
    }

    @Test
    void aPointOnTheLimitIsInsideAndJustBeyondIsOutside() {
        double upper = Spc.xmr(plus(baseline(), 12), true).orElseThrow().upper(0);
        double lower = Spc.xmr(plus(baseline(), 12), true).orElseThrow().lower(0);
        assertThat(signals(plus(baseline(), upper))).isEmpty();
        assertThat(signals(plus(baseline(), lower))).isEmpty();
        assertThat(signals(plus(baseline(), upper + 0.01)))
                .containsExactly(new Spc.Found(24, 24, 24, SpcRule.OUTSIDE_LIMITS, Direction.UP));
        assertThat(signals(plus(baseline(), lower - 0.01)))
                .containsExactly(new Spc.Found(24, 24, 24, SpcRule.OUTSIDE_LIMITS, Direction.DOWN));
    }

    @Test
    void sevenPointsOnOneSideAreNotARunAndEightAre() {
        // the baseline ends below the centre (10), so the run starts with the first 13
        assertThat(signals(plus(baseline(), 13, 13, 13, 13, 13, 13, 13))).isEmpty();
        assertThat(signals(plus(baseline(), 13, 13, 13, 13, 13, 13, 13, 13)))
                .containsExactly(new Spc.Found(31, 24, 31, SpcRule.RUN_OF_8, Direction.UP));
        // a run that goes on keeps its point (the eighth) and grows its extent
        assertThat(signals(plus(baseline(), 11, 11, 11, 11, 11, 11, 11, 11, 11, 11)))
                .containsExactly(new Spc.Found(30, 23, 33, SpcRule.RUN_OF_8, Direction.DOWN));
        // a point on the centre line breaks a run
        assertThat(signals(plus(baseline(), 13, 13, 13, 13, 12, 13, 13, 13, 13)))
                .isEmpty();
    }

    @Test
    void fivePointsRisingAreNotATrendAndSixAre() {
        // 10 (the last baseline point), 11, 12, 13, 14: five points each higher than the one before
        assertThat(signals(plus(baseline(), 11, 12, 13, 14))).isEmpty();
        assertThat(signals(plus(baseline(), 11, 12, 13, 14, 15)))
                .containsExactly(new Spc.Found(28, 23, 28, SpcRule.TREND_OF_6, Direction.UP));
        // falling, after the last baseline point 10: 9.5 ... 7 is six points each lower
        List<Double> falling = plus(baseline(), 14, 13, 12, 11, 10, 9);
        assertThat(signals(falling)).containsExactly(new Spc.Found(29, 24, 29, SpcRule.TREND_OF_6, Direction.DOWN));
        // an equal pair breaks the trend
        assertThat(signals(plus(baseline(), 11, 12, 12, 13, 14, 15))).isEmpty();
    }
}
