package org.safeguardinghub.performance.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Frequency;

/** The XmR chart and the four "Making Data Count" rules against hand-worked examples, and the episodes they make. */
class MdcRulesTests {

    /**
     * 20 baseline points alternating 14, 10: mean 12, every moving range 4, sigma 4 / 1.128 = 3.546, limits 12 ±
     * 10.638 (22.64 and 1.36 to two decimals), two sigma above the centre 19.09.
     */
    private static List<Double> baseline() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
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

    private static ControlChart chart(List<Double> values) {
        return XmrChart.build(values, Map.of(), true, 2).orElseThrow();
    }

    private static List<MdcRules.Found> found(List<Double> values) {
        return MdcRules.find(chart(values));
    }

    @Test
    void limitsComeFromTheFirstTwentyPointsRoundedLikeTheValues() {
        assertThat(XmrChart.build(Collections.nCopies(11, 5.0), Map.of(), true, 0))
                .isEmpty();
        ControlChart c = chart(plus(baseline(), 100, 100, 100));
        assertThat(c.phases()).containsExactly(new ControlChart.Phase(0, 20, null));
        assertThat(c.centre(22)).isEqualTo(12.0);
        assertThat(c.sigma(0)).isCloseTo(4 / 1.128, within(1e-9));
        assertThat(c.upper(22)).isEqualTo(22.64);
        assertThat(c.lower(0)).isEqualTo(1.36);
        // with no decimals the limit is 23, so 23 is inside and 24 outside, as the figures read
        List<Double> whole = plus(baseline(), 23);
        assertThat(MdcRules.find(XmrChart.build(whole, Map.of(), true, 0).orElseThrow()))
                .isEmpty();
        assertThat(MdcRules.find(
                        XmrChart.build(plus(baseline(), 24), Map.of(), true, 0).orElseThrow()))
                .containsExactly(new MdcRules.Found(20, 20, 20, SpcRule.OUTSIDE_LIMITS, Direction.UP));
    }

    @Test
    void sixPointsOnOneSideAreNotARunAndSevenAre() {
        // the baseline ends below the centre (10), so the run starts with the first 13
        assertThat(found(plus(baseline(), 13, 13, 13, 13, 13, 13))).isEmpty();
        assertThat(found(plus(baseline(), 13, 13, 13, 13, 13, 13, 13)))
                .containsExactly(new MdcRules.Found(26, 20, 26, SpcRule.RUN_OF_7, Direction.UP));
        // a point on the centre line breaks a run
        assertThat(found(plus(baseline(), 13, 13, 13, 12, 13, 13, 13, 13))).isEmpty();
    }

    @Test
    void fivePointsRisingAreNotATrendAndSixAre() {
        // 10 (the last baseline point), 11, 12, 13, 14: five points each higher than the one before
        assertThat(found(plus(baseline(), 11, 12, 13, 14))).isEmpty();
        assertThat(found(plus(baseline(), 11, 12, 13, 14, 15)))
                .containsExactly(new MdcRules.Found(24, 19, 24, SpcRule.TREND_OF_6, Direction.UP));
        // an equal pair breaks the trend
        assertThat(found(plus(baseline(), 11, 12, 12, 13, 14, 15))).isEmpty();
    }

    @Test
    void twoOfThreePointsBeyondTwoSigmaOnOneSide() {
        assertThat(found(plus(baseline(), 20, 12, 20)))
                .containsExactly(new MdcRules.Found(22, 20, 22, SpcRule.TWO_OF_THREE, Direction.UP));
        // three points apart is not two of three; and on opposite sides is not either
        assertThat(found(plus(baseline(), 20, 12, 12, 20))).isEmpty();
        assertThat(found(plus(baseline(), 20, 4.5))).isEmpty();
    }

    @Test
    void limitsAreReBasedOnlyAtARecordedChangeWithTwelvePointsAfterIt() {
        List<Double> values = baseline();
        for (int i = 0; i < 14; i++) {
            values.add(i % 2 == 0 ? 30.0 : 26.0);
        }
        assertThat(MdcRules.find(chart(values)))
                .extracting(MdcRules.Found::rule)
                .contains(SpcRule.OUTSIDE_LIMITS);
        ControlChart rebased =
                XmrChart.build(values, Map.of(20, "New front door"), true, 2).orElseThrow();
        assertThat(rebased.phases())
                .containsExactly(new ControlChart.Phase(0, 20, null), new ControlChart.Phase(20, 14, "New front door"));
        assertThat(rebased.centre(19)).isEqualTo(12.0);
        assertThat(rebased.centre(25)).isEqualTo(28.0);
        assertThat(MdcRules.find(rebased)).isEmpty();
        // with fewer than 12 points after it the change is marked but the earlier limits carry on
        ControlChart early =
                XmrChart.build(values, Map.of(26, "Too recent"), true, 2).orElseThrow();
        assertThat(early.phases().get(1)).isEqualTo(new ControlChart.Phase(26, 0, "Too recent"));
        assertThat(early.centre(30)).isEqualTo(12.0);
    }

    @Test
    void patternsNextToEachOtherGoingTheSameWayAreOneEpisode() {
        // a rise: a trend of six, then two points beyond the upper limit
        List<Double> values = plus(baseline(), 11, 12, 13, 14, 15, 30, 31);
        List<Episode> episodes = Episode.of(MdcRules.find(chart(values)));
        assertThat(episodes).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(19);
            assertThat(e.to()).isEqualTo(26);
            assertThat(e.direction()).isEqualTo(Direction.UP);
            assertThat(e.rules()).contains(SpcRule.TREND_OF_6, SpcRule.OUTSIDE_LIMITS, SpcRule.TWO_OF_THREE);
            assertThat(e.current(values.size())).isTrue();
        });
        // three ordinary points later it is no longer current
        List<Double> later = plus(values, 12, 10, 14);
        assertThat(Episode.of(MdcRules.find(chart(later))))
                .singleElement()
                .satisfies(e -> assertThat(e.current(later.size())).isFalse());
    }

    @Test
    void onlyTheLatestRegularStretchIsCharted() {
        List<SeriesAnalysis.ValueRow> rows = new ArrayList<>();
        for (int year = 2015; year <= 2020; year++) {
            rows.add(row(LocalDate.of(year, 3, 31), 900));
        }
        for (YearMonth m = YearMonth.of(2021, 4); !m.isAfter(YearMonth.of(2022, 9)); m = m.plusMonths(1)) {
            if (!m.equals(YearMonth.of(2022, 1))) { // one month missing does not break the series
                rows.add(row(m.atEndOfMonth(), 100));
            }
        }
        assertThat(SeriesAnalysis.frequencyOf(rows)).isEqualTo(Frequency.MONTHLY);
        List<SeriesAnalysis.ValueRow> run = SeriesAnalysis.latestRun(rows, Frequency.MONTHLY);
        assertThat(run).hasSize(17);
        assertThat(run.get(0).periodEnd()).isEqualTo(LocalDate.of(2021, 4, 30));
    }

    private static SeriesAnalysis.ValueRow row(LocalDate end, int value) {
        return new SeriesAnalysis.ValueRow(1, end, null, null, BigDecimal.valueOf(value));
    }
}
