package org.safeguardinghub.performance.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Factor;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.catalogue.Polarity;
import org.safeguardinghub.performance.scorecard.PerformanceData.Indicator;
import org.safeguardinghub.performance.scorecard.PerformanceData.ItemSource;
import org.safeguardinghub.performance.scorecard.PerformanceData.Point;
import org.safeguardinghub.performance.scorecard.PerformancePages.Summary;

/**
 * The scorecard and priorities pages summarise each indicator from a window of its newest values instead of its
 * whole history (issue 6). A summary built that way must equal the one the whole series gives: same latest and
 * previous points, texts, change, rating, sparkline, recent rows and methodology note, whatever the frequency, the
 * chosen period, the empty periods or the "as first published" switch.
 */
class SummaryWindowTests {

    private final List<Point> series = new ArrayList<>();
    private final AtomicInteger wholeSeriesReads = new AtomicInteger();

    private final PerformanceData data = new PerformanceData(null, null) {
        @Override
        List<Point> series(long partnershipId, long indicatorId, String kind, String category) {
            wholeSeriesReads.incrementAndGet();
            return series;
        }
    };

    private final PerformancePages pages = new PerformancePages(data, null, null);

    @Test
    void tenYearsOfMonthlyValuesNeedOnlyTheWindow() {
        monthly(120, i -> value(i));
        assertSameSummaries(items(Frequency.MONTHLY));
        assertThat(wholeSeriesReads).as("the window answers every case here").hasValue(0);
    }

    @Test
    void aLongRunOfEmptyLatestPeriodsFallsBackToTheWholeSeries() {
        // the newest 30 months have no value: the latest shown value lies outside a 24-point window
        monthly(120, i -> i >= 90 ? null : value(i));
        assertSameSummaries(items(Frequency.MONTHLY));
        assertThat(wholeSeriesReads.get()).isPositive();
    }

    @Test
    void firstPublishedValuesThatAreMissingFallBackToTheRevisedValue() {
        monthly(60, i -> value(i));
        for (int i = 0; i < series.size(); i++) {
            Point p = series.get(i);
            BigDecimal first = i % 3 == 0 ? null : p.value().add(BigDecimal.ONE);
            series.set(
                    i,
                    new Point(p.periodEnd(), p.versionNo(), p.numerator(), p.denominator(), p.value(), first, false));
        }
        assertSameSummaries(items(Frequency.MONTHLY));
    }

    @Test
    void annualAndQuarterlyIndicatorsFindTheirPreviousPeriod() {
        for (int year = 2010; year <= 2026; year++) {
            series.add(point(LocalDate.of(year, 3, 31), value(year), year >= 2020 ? 2 : 1));
        }
        assertSameSummaries(items(Frequency.ANNUAL));
        series.clear();
        LocalDate end = LocalDate.of(2016, 6, 30);
        for (int i = 0; i < 40; i++) {
            series.add(point(end, i % 7 == 0 ? null : value(i), 1));
            end = Period.containing(Frequency.QUARTERLY, end).next().end();
        }
        assertSameSummaries(items(Frequency.QUARTERLY));
    }

    @Test
    void aGuessedFrequencyIsGuessedFromTheWholeSeries() {
        // no data item is known, so the frequency comes from the spacing of the series' last two values, which for a
        // chosen past period may lie after it
        monthly(100, i -> value(i));
        LocalDate end = series.get(series.size() - 1).periodEnd();
        series.add(point(end.plusYears(1), value(1), 1));
        assertSameSummaries(Map.of());
    }

    @Test
    void aGapInTheMiddleLeavesThePreviousPeriodEmpty() {
        monthly(120, i -> value(i));
        series.remove(series.size() - 2);
        assertSameSummaries(items(Frequency.MONTHLY));
    }

    private void assertSameSummaries(Map<String, ItemSource> items) {
        Indicator indicator = new Indicator(definition(), List.of(definition()));
        List<@Nullable LocalDate> upTos = new ArrayList<>();
        upTos.add(null);
        for (Point p : series) {
            upTos.add(p.periodEnd());
            upTos.add(p.periodEnd().minusDays(1));
        }
        upTos.add(LocalDate.of(1999, 1, 1));
        for (LocalDate upTo : upTos) {
            for (boolean firstPublished : new boolean[] {false, true}) {
                List<Point> points =
                        pages.summaryPoints(1, indicator, "", "", window(upTo), items, upTo, firstPublished);
                Summary fromWindow = pages.summary(
                        indicator,
                        points,
                        PerformancePages.frequency(indicator.current(), items, points),
                        upTo,
                        firstPublished,
                        false);
                Summary fromSeries = pages.summary(
                        indicator,
                        series,
                        PerformancePages.frequency(indicator.current(), items, series),
                        upTo,
                        firstPublished,
                        false);
                String as = "up to " + upTo + (firstPublished ? ", as first published" : "");
                assertThat(fromWindow.latest()).as(as).isEqualTo(fromSeries.latest());
                assertThat(fromWindow.latestPeriod()).as(as).isEqualTo(fromSeries.latestPeriod());
                assertThat(fromWindow.previous()).as(as).isEqualTo(fromSeries.previous());
                assertThat(fromWindow.previousPeriod()).as(as).isEqualTo(fromSeries.previousPeriod());
                assertThat(fromWindow.valueText()).as(as).isEqualTo(fromSeries.valueText());
                assertThat(fromWindow.previousText()).as(as).isEqualTo(fromSeries.previousText());
                assertThat(fromWindow.changeText()).as(as).isEqualTo(fromSeries.changeText());
                assertThat(fromWindow.percentChange()).as(as).isEqualTo(fromSeries.percentChange());
                assertThat(fromWindow.rag()).as(as).isEqualTo(fromSeries.rag());
                assertThat(fromWindow.spark()).as(as).isEqualTo(fromSeries.spark());
                assertThat(fromWindow.recent()).as(as).isEqualTo(fromSeries.recent());
                assertThat(fromWindow.methodologyNote()).as(as).isEqualTo(fromSeries.methodologyNote());
            }
        }
    }

    /** What {@link PerformanceData#recentValues} reads: the newest values at or before upTo, oldest first. */
    private List<Point> window(@Nullable LocalDate upTo) {
        List<Point> upToPoints = series.stream()
                .filter(p -> upTo == null || !p.periodEnd().isAfter(upTo))
                .toList();
        return upToPoints.subList(Math.max(0, upToPoints.size() - PerformancePages.SUMMARY_WINDOW), upToPoints.size());
    }

    private void monthly(int months, java.util.function.IntFunction<@Nullable BigDecimal> valueOf) {
        LocalDate end = LocalDate.of(2016, 4, 30);
        for (int i = 0; i < months; i++) {
            series.add(point(end, valueOf.apply(i), i >= months - 18 ? 2 : 1));
            end = end.plusMonths(1).withDayOfMonth(1).plusMonths(1).minusDays(1);
        }
    }

    private static BigDecimal value(int i) {
        return BigDecimal.valueOf(40 + (i * 37 % 23));
    }

    private static Point point(LocalDate end, @Nullable BigDecimal value, int version) {
        return new Point(end, version, value, null, value, null, false);
    }

    private static Map<String, ItemSource> items(Frequency frequency) {
        return Map.of("a", new ItemSource("a", frequency, null));
    }

    private static IndicatorDefinition definition() {
        return new IndicatorDefinition(
                1,
                1,
                "x",
                "X",
                2,
                "a",
                "",
                null,
                "",
                Factor.COUNT,
                Aggregation.LATEST,
                0,
                Polarity.HIGHER_IS_BETTER,
                new BigDecimal("50"),
                new BigDecimal("50"),
                new BigDecimal("45"),
                null,
                null,
                null,
                List.of(),
                null,
                "",
                LocalDate.of(2024, 10, 1),
                false,
                0);
    }
}
