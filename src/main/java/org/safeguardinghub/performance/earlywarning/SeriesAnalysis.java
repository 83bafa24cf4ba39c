package org.safeguardinghub.performance.earlywarning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Factor;
import org.safeguardinghub.performance.catalogue.Formula;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.catalogue.Polarity;

/**
 * One indicator's partnership series, read as an XmR control chart ({@link XmrChart}): which frequency it is
 * (monthly or quarterly, from the spacing of its periods; annual series are left alone), the one regular series of
 * that frequency it charts, the patterns the {@link MdcRules} find and the {@link Episode}s they make.
 *
 * <p><b>One series per frequency.</b> Only the latest unbroken stretch of periods at the series' own frequency is
 * charted (a gap of up to two missing periods does not break it): annual figures from published reports that sit
 * years before the monthly returns began are not mixed into a monthly baseline.
 */
record SeriesAnalysis(
        IndicatorRow indicator,
        Frequency frequency,
        List<LocalDate> periods,
        List<String> labels,
        List<String> shortLabels,
        ControlChart chart,
        List<MdcRules.Found> found,
        List<Episode> episodes,
        Wording wording,
        String basis,
        Map<LocalDate, String> shown) {

    /** An indicator's current definition, as far as early warning needs it. */
    record IndicatorRow(
            long id,
            String code,
            String name,
            Factor factor,
            int decimals,
            Polarity polarity,
            Aggregation aggregation,
            String numerator,
            @Nullable String denominator) {

        /** Whether each value is a total over several months (rolling 12 months or year to date). */
        boolean cumulative() {
            return aggregation != Aggregation.LATEST;
        }
    }

    static final String AS_COMPUTED = "the indicator's values for each period";
    static final String MONTHLY_FIGURES =
            "monthly figures (the indicator itself is a total over several months, which would hide or invent signals)";

    /** One total of {@code indicator_value}. */
    record ValueRow(
            long indicatorId,
            LocalDate periodEnd,
            @Nullable BigDecimal numerator,
            @Nullable BigDecimal denominator,
            BigDecimal value) {}

    /**
     * The analysis, or empty when the series is annual, irregular or its latest regular stretch is shorter than
     * {@value XmrChart#MIN_POINTS}.
     *
     * @param changes recorded changes by the period end of the first point after them, with their reasons
     * @param shown the indicator's own figures as the scorecard shows them, by period end (for the wording)
     */
    static Optional<SeriesAnalysis> of(
            IndicatorRow indicator,
            List<ValueRow> all,
            String basis,
            Map<LocalDate, String> changes,
            Map<LocalDate, String> shown) {
        Frequency frequency = frequencyOf(all);
        if (frequency == null) {
            return Optional.empty();
        }
        List<ValueRow> values = latestRun(all, frequency);
        List<LocalDate> periods = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> shortLabels = new ArrayList<>();
        List<Double> plotted = new ArrayList<>();
        Map<Integer, String> changeIndex = new java.util.HashMap<>();
        boolean nonNegative = true;
        for (ValueRow v : values) {
            String change = changes.get(v.periodEnd());
            if (change != null) {
                changeIndex.put(periods.size(), change);
            }
            periods.add(v.periodEnd());
            Period period = Period.containing(frequency, v.periodEnd());
            labels.add(period.label());
            shortLabels.add(period.shortLabel());
            plotted.add(v.value().doubleValue());
            nonNegative &= v.value().signum() >= 0;
        }
        Optional<ControlChart> chart = XmrChart.build(plotted, changeIndex, nonNegative, indicator.decimals());
        if (chart.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(analysis(indicator, frequency, periods, labels, shortLabels, chart.get(), basis, shown));
    }

    private static SeriesAnalysis analysis(
            IndicatorRow indicator,
            Frequency frequency,
            List<LocalDate> periods,
            List<String> labels,
            List<String> shortLabels,
            ControlChart chart,
            String basis,
            Map<LocalDate, String> shown) {
        List<MdcRules.Found> found = MdcRules.find(chart);
        Wording wording = new Wording(
                indicator.name(),
                indicator.polarity(),
                frequency,
                indicator.decimals(),
                indicator.factor().unit());
        return new SeriesAnalysis(
                indicator,
                frequency,
                List.copyOf(periods),
                List.copyOf(labels),
                List.copyOf(shortLabels),
                chart,
                found,
                Episode.of(found),
                wording,
                basis,
                Map.copyOf(shown));
    }

    /** The latest stretch of {@code frequency} periods with at most two missing periods between neighbours. */
    static List<ValueRow> latestRun(List<ValueRow> values, Frequency frequency) {
        int step = frequency == Frequency.QUARTERLY ? 3 : 1;
        int start = values.size() - 1;
        while (start > 0) {
            long gap = ChronoUnit.MONTHS.between(
                    YearMonth.from(values.get(start - 1).periodEnd()),
                    YearMonth.from(values.get(start).periodEnd()));
            if (gap <= 0 || gap % step != 0 || gap > 3L * step) {
                break;
            }
            start--;
        }
        return values.subList(Math.max(0, start), values.size());
    }

    /** Monthly when most periods are a month apart, quarterly when most are three months apart; otherwise null. */
    static @Nullable Frequency frequencyOf(List<ValueRow> values) {
        if (values.size() < 2) {
            return null;
        }
        int monthly = 0;
        int quarterly = 0;
        for (int i = 1; i < values.size(); i++) {
            long gap = ChronoUnit.MONTHS.between(
                    YearMonth.from(values.get(i - 1).periodEnd()),
                    YearMonth.from(values.get(i).periodEnd()));
            if (gap == 1) {
                monthly++;
            } else if (gap == 3) {
                quarterly++;
            }
        }
        int gaps = values.size() - 1;
        if (monthly * 2 >= gaps) {
            return Frequency.MONTHLY;
        }
        if (quarterly * 2 >= gaps) {
            return Frequency.QUARTERLY;
        }
        return null;
    }

    /**
     * The monthly figures behind an indicator that is a total over several months: the numerator formula over the
     * partnership's monthly item totals, and for a percentage also the denominator (a p-chart then applies). Empty
     * when the formula reads an item that is not a monthly count, or a rate's denominator is not one (a population).
     *
     * @param totals partnership totals of monthly items by code and period end
     */
    static Optional<List<ValueRow>> monthlyRows(
            IndicatorRow indicator, Map<String, Map<LocalDate, BigDecimal>> totals, Set<String> monthlyItems) {
        Formula numerator = Formula.parse(indicator.numerator());
        Formula denominator =
                indicator.denominator() == null || indicator.denominator().isBlank()
                        ? null
                        : Formula.parse(indicator.denominator());
        if (!monthlyItems.containsAll(numerator.codes())) {
            return Optional.empty();
        }
        if (indicator.factor() != Factor.COUNT
                && (indicator.factor() != Factor.PERCENT
                        || denominator == null
                        || !monthlyItems.containsAll(denominator.codes()))) {
            return Optional.empty();
        }
        java.util.SortedSet<LocalDate> periods = new java.util.TreeSet<>();
        numerator
                .codes()
                .forEach(c -> periods.addAll(totals.getOrDefault(c, Map.of()).keySet()));
        List<ValueRow> rows = new ArrayList<>();
        for (LocalDate period : periods) {
            Map<String, BigDecimal> at = new java.util.HashMap<>();
            totals.forEach((code, byPeriod) -> {
                BigDecimal v = byPeriod.get(period);
                if (v != null) {
                    at.put(code, v);
                }
            });
            Optional<BigDecimal> num = numerator.evaluate(at);
            if (num.isEmpty()) {
                continue;
            }
            if (denominator == null) {
                rows.add(new ValueRow(indicator.id(), period, num.get(), null, num.get()));
            } else {
                Optional<BigDecimal> den = denominator.evaluate(at);
                if (den.isPresent() && den.get().signum() > 0) {
                    BigDecimal pct = num.get()
                            .multiply(BigDecimal.valueOf(100))
                            .divide(den.get(), 6, java.math.RoundingMode.HALF_UP);
                    rows.add(new ValueRow(indicator.id(), period, num.get(), den.get(), pct));
                }
            }
        }
        return Optional.of(rows);
    }

    /** One stored chart point ({@code spc_point}). */
    record StoredPoint(
            long indicatorId,
            LocalDate periodEnd,
            double value,
            double centre,
            double lower,
            double upper,
            double sigma,
            Frequency frequency,
            int baselineSize,
            String basis) {}

    /**
     * The chart a scan stored, read back for the page (its patterns found again on the very same points): a new phase
     * starts where the centre line or the baseline changes, with the recorded change's reason.
     */
    static Optional<SeriesAnalysis> stored(
            IndicatorRow indicator, List<StoredPoint> points, Map<LocalDate, String> changes) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        StoredPoint first = points.get(0);
        List<LocalDate> periods = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> shortLabels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> centre = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        List<Double> sigma = new ArrayList<>();
        List<ControlChart.Phase> phases = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            StoredPoint p = points.get(i);
            String change = changes.get(p.periodEnd());
            if (i == 0) {
                phases.add(new ControlChart.Phase(0, p.baselineSize(), null));
            } else if (change != null) {
                StoredPoint before = points.get(i - 1);
                boolean rebased = before.centre() != p.centre();
                phases.add(new ControlChart.Phase(i, rebased ? p.baselineSize() : 0, change));
            }
            Period period = Period.containing(first.frequency(), p.periodEnd());
            periods.add(p.periodEnd());
            labels.add(period.label());
            shortLabels.add(period.shortLabel());
            values.add(p.value());
            centre.add(p.centre());
            lower.add(p.lower());
            upper.add(p.upper());
            sigma.add(p.sigma());
        }
        ControlChart chart = new ControlChart(values, centre, upper, lower, sigma, phases);
        return Optional.of(
                analysis(indicator, first.frequency(), periods, labels, shortLabels, chart, first.basis(), Map.of()));
    }

    /** The explanation of an episode, in the plain words of {@link Wording}. */
    String explain(Episode episode) {
        return wording.explain(episode, chart, labels, periods, indicator, shown);
    }
}
