package org.safeguardinghub.performance.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Factor;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Polarity;

/** The plain words of an episode: MDC's words, the figure the indicator shows, limits rounded like the values. */
class WordingTests {

    private static final Wording MISSING =
            new Wording("Missing episodes", Polarity.LOWER_IS_BETTER, Frequency.MONTHLY, 0, "");

    private static List<String> labels(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(YearMonth.of(2021, 3)
                    .plusMonths(i)
                    .format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.UK)));
        }
        return labels;
    }

    private static List<LocalDate> periods(int n) {
        List<LocalDate> periods = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            periods.add(YearMonth.of(2021, 3).plusMonths(i).atEndOfMonth());
        }
        return periods;
    }

    @Test
    void aRollingTotalIsQuotedAsTheIndicatorShowsItBesideTheMonthlyFigureAndItsRoundedLimit() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(i % 2 == 0 ? 470.0 : 480.0);
        }
        values.add(583.4);
        ControlChart chart = XmrChart.build(values, Map.of(), true, 0).orElseThrow();
        Episode episode = Episode.of(MdcRules.find(chart)).get(0);
        SeriesAnalysis.IndicatorRow rolling = new SeriesAnalysis.IndicatorRow(
                1,
                "missing_episodes",
                "Missing episodes",
                Factor.COUNT,
                0,
                Polarity.LOWER_IS_BETTER,
                Aggregation.ROLLING_12_MONTHS,
                "missing_episodes",
                null);
        String text = MISSING.explain(
                episode,
                chart,
                labels(21),
                periods(21),
                rolling,
                Map.of(periods(21).get(20), "5,987"));
        // limit 475 + 3 x 10 / 1.128 = 501.6, shown as 502 like the whole-number values
        assertThat(text)
                .isEqualTo("Special cause concern (higher) in Missing episodes since Nov 2022. The indicator shows"
                        + " 5,987 for the 12 months to Nov 2022; the chart is of the monthly figures behind it. The"
                        + " monthly figure for Nov 2022 (583) is above the upper control limit (502): ordinary"
                        + " month-to-month variation would very rarely produce it. Lower is better for this"
                        + " indicator, so this is a concern.");
    }

    @Test
    void aFigureForThePeriodIsQuotedItselfAndTheVariationFollowsThePolarity() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(i % 2 == 0 ? 60.0 : 62.0);
        }
        values.add(57.0);
        values.add(55.6);
        ControlChart chart = XmrChart.build(values, Map.of(), true, 1).orElseThrow();
        Episode episode = Episode.of(MdcRules.find(chart)).get(0);
        Wording timely = new Wording("Assessments on time", Polarity.HIGHER_IS_BETTER, Frequency.MONTHLY, 1, "%");
        SeriesAnalysis.IndicatorRow latest = new SeriesAnalysis.IndicatorRow(
                2,
                "timely",
                "Assessments on time",
                Factor.PERCENT,
                1,
                Polarity.HIGHER_IS_BETTER,
                Aggregation.LATEST,
                "a",
                "b");
        String text = timely.explain(episode, chart, labels(22), periods(22), latest, Map.of());
        assertThat(text)
                .startsWith("Special cause concern (lower) in Assessments on time since Nov 2022.")
                .contains("Assessments on time for Dec 2022 (55.6%) is below the lower control limit (55.7%)")
                .endsWith("Higher is better for this indicator, so this is a concern.");
        assertThat(Variation.of(Polarity.LOWER_IS_BETTER, Direction.DOWN)).isEqualTo(Variation.IMPROVEMENT);
        assertThat(Variation.of(Polarity.NEITHER, Direction.UP).label(Direction.UP))
                .isEqualTo("Special cause variation (higher)");
    }
}
