package org.safeguardinghub.performance.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Factor;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.performance.catalogue.Polarity;
import org.safeguardinghub.performance.scorecard.PerformanceData.Indicator;
import org.safeguardinghub.performance.scorecard.PerformanceData.Point;
import org.safeguardinghub.platform.chart.Scale;
import org.safeguardinghub.shared.SafeCounts;

/** The pure parts of the performance pages: grouping, chart scaling and suppression, without Spring. */
class ScorecardUnitTests {

    @Test
    void contextGroupingUsesThreePercent() {
        assertThat(ChangeGroup.of(new BigDecimal("-3.0"))).isEqualTo(ChangeGroup.DECREASING);
        assertThat(ChangeGroup.of(new BigDecimal("-2.66"))).isEqualTo(ChangeGroup.IN_LINE);
        assertThat(ChangeGroup.of(new BigDecimal("0.7"))).isEqualTo(ChangeGroup.IN_LINE);
        assertThat(ChangeGroup.of(new BigDecimal("-0.7"))).isEqualTo(ChangeGroup.IN_LINE);
        assertThat(ChangeGroup.of(new BigDecimal("6.1"))).isEqualTo(ChangeGroup.INCREASING);
        assertThat(ChangeGroup.of(new BigDecimal("3.0"))).isEqualTo(ChangeGroup.INCREASING);
        assertThat(ChangeGroup.of(null)).isNull();
        assertThat(ChangeGroup.IN_LINE_BELOW_PERCENT).isEqualByComparingTo("3");
    }

    @Test
    void scaleMapsTheRangeOntoPixelsAndAFlatRangeToTheMiddle() {
        Scale y = new Scale(0, 200, 300, 20);
        assertThat(y.at(0)).isEqualTo(300);
        assertThat(y.at(200)).isEqualTo(20);
        assertThat(y.at(100)).isEqualTo(160);
        assertThat(new Scale(5, 5, 100, 0).at(5)).isEqualTo(50);
        assertThat(Scale.niceCeiling(87)).isEqualTo(100);
        assertThat(Scale.niceCeiling(1.7)).isEqualTo(2);
        assertThat(Scale.niceCeiling(230)).isEqualTo(250);
        assertThat(Scale.niceCeiling(0)).isEqualTo(1);
    }

    @Test
    void sparklineSpansItsBoxWithLowestAtTheBottomAndBreaksAtHiddenPoints() {
        Sparkline s = Sparkline.of(values("10", "20", "30"), "Trend");
        assertThat(s.segments()).containsExactly("4.0,28.0 60.0,16.0 116.0,4.0");
        assertThat(s.lastX()).isEqualTo(116.0);
        assertThat(s.lastY()).isEqualTo(4.0);

        Sparkline gap = Sparkline.of(values("10", null, "30", "20"), "Trend");
        assertThat(gap.segments()).hasSize(2);
        assertThat(gap.segments().get(0)).isEqualTo("4.0,28.0");

        Sparkline flat = Sparkline.of(values("7", "7"), "Trend");
        assertThat(flat.segments()).containsExactly("4.0,16.0 116.0,16.0");

        assertThat(Sparkline.of(values(null, null), "Trend").hasLast()).isFalse();
    }

    @Test
    void lineChartScalesFromZeroToANiceMaximumAndPlacesBreaksBetweenPoints() {
        LineChart chart = LineChart.of(
                "Test",
                List.of(
                        new LineChart.Point("Jan", new BigDecimal("40"), true),
                        new LineChart.Point("Feb", new BigDecimal("80"), false),
                        new LineChart.Point("Mar", null, false)),
                List.of(new LineChart.Reference("Target", new BigDecimal("90"), "hub-perf-chart__target")),
                List.of(new LineChart.Break(1, "Methodology change (version 2)")),
                "");
        // y axis 0..100 (90 x 1.05 rounded up): 0 at the bottom (270), 100 at the top (20)
        LineChart.Rule target = chart.rules().stream()
                .filter(r -> r.cssClass().equals("hub-perf-chart__target"))
                .findFirst()
                .orElseThrow();
        assertThat(target.y1()).isEqualTo(45.0);
        assertThat(chart.dots()).hasSize(2);
        assertThat(chart.dots().get(0).cssClass()).isEqualTo("hub-perf-chart__dot--fictional");
        assertThat(chart.dots().get(0).y()).isEqualTo(170.0);
        assertThat(chart.dots().get(1).cssClass()).isEqualTo("hub-perf-chart__dot--published");
        LineChart.Rule rule = chart.rules().stream()
                .filter(r -> r.cssClass().equals("hub-perf-chart__break"))
                .findFirst()
                .orElseThrow();
        assertThat(rule.x1())
                .isBetween(chart.dots().get(0).x(), chart.dots().get(1).x());
        assertThat(chart.labels()).anyMatch(l -> l.text().equals("Methodology change (version 2)"));
        assertThat(chart.ariaLabel()).contains("3 periods").contains("1 methodology break");
    }

    @Test
    void barChartScalesFromShownValuesOnly() {
        BarChart chart = BarChart.of(
                "By district",
                List.of(
                        new BarChart.Item("A", new BigDecimal("50"), "50"),
                        new BarChart.Item("B", null, "fewer than 6"),
                        new BarChart.Item("C", new BigDecimal("25"), "25")));
        assertThat(chart.bars()).hasSize(2);
        assertThat(chart.bars().get(0).width()).isEqualTo(BarChart.PLOT_WIDTH);
        assertThat(chart.bars().get(1).width()).isEqualTo(BarChart.PLOT_WIDTH / 2.0);
    }

    @Test
    void publishedFiguresHideSmallCountsAndRatesWithSmallNumerators() {
        Figures counts = new Figures(Factor.COUNT, 0, SafeCounts.defaults());
        assertThat(counts.value(new BigDecimal("3"), new BigDecimal("3"), null)).isEqualTo("fewer than 6");
        // zero is hidden with the small counts, and other counts are rounded to 5 (docs: published figures)
        assertThat(counts.value(new BigDecimal("0"), new BigDecimal("0"), null)).isEqualTo("fewer than 6");
        assertThat(counts.value(new BigDecimal("1234"), new BigDecimal("1234"), null))
                .isEqualTo("1,235");
        assertThat(counts.count(new BigDecimal("42"))).isEqualTo("40");
        Figures rates = new Figures(Factor.PER_10000, 1, SafeCounts.defaults());
        assertThat(rates.value(new BigDecimal("1.2"), new BigDecimal("4"), new BigDecimal("33000")))
                .isEqualTo("suppressed");
        assertThat(rates.value(new BigDecimal("12.1"), new BigDecimal("40"), new BigDecimal("33000")))
                .isEqualTo("12.1 per 10,000");
        // worked out from the rounded numerator and denominator: 40 / 33,000, not 42 / 33,001
        assertThat(rates.value(new BigDecimal("12.7"), new BigDecimal("42"), new BigDecimal("33001")))
                .isEqualTo("12.1 per 10,000");
        Figures internal = new Figures(Factor.COUNT, 0, null);
        assertThat(internal.value(new BigDecimal("3"), new BigDecimal("3"), null))
                .isEqualTo("3");
    }

    @Test
    void breaksAreMarkedAtLaterVersionsUnlessHistoryWasRecomputed() {
        List<Point> points =
                List.of(point("2024-01-31", 1), point("2024-02-29", 1), point("2024-03-31", 2), point("2024-04-30", 3));
        Indicator indicator = new Indicator(
                definition(3, "2024-04-01", false),
                List.of(
                        definition(1, "2020-04-01", false),
                        definition(2, "2024-03-01", false),
                        definition(3, "2024-04-01", true)));
        List<LineChart.Break> breaks = PerformancePages.breaks(indicator, points);
        assertThat(breaks).extracting(LineChart.Break::index).containsExactly(2);
        assertThat(PerformancePages.methodologyNote(
                        indicator, points, org.safeguardinghub.performance.catalogue.Frequency.MONTHLY))
                .contains("Apr 2024")
                .contains("version 3");
    }

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values)
                .map(v -> v == null ? null : new BigDecimal(v))
                .toList();
    }

    private static Point point(String end, int version) {
        return new Point(LocalDate.parse(end), version, BigDecimal.ONE, null, BigDecimal.ONE, null, false);
    }

    private static IndicatorDefinition definition(int version, String from, boolean recomputed) {
        return new IndicatorDefinition(
                1,
                1,
                "x",
                "X",
                version,
                "a",
                "",
                null,
                "",
                Factor.COUNT,
                Aggregation.LATEST,
                0,
                Polarity.NEITHER,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                "",
                LocalDate.parse(from),
                recomputed,
                0);
    }
}
