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
 * One indicator's partnership total series, read as a control chart: which frequency it is (monthly or quarterly,
 * from the spacing of its periods; annual series are left alone), which chart suits it (a p-chart for a percentage
 * whose numerators and denominators are all known, an XmR chart otherwise) and the signals on it.
 */
record SeriesAnalysis(
        IndicatorRow indicator,
        Frequency frequency,
        List<LocalDate> periods,
        List<String> labels,
        List<String> shortLabels,
        ControlChart chart,
        List<Spc.Found> signals,
        Wording wording,
        String basis) {

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

    /** The analysis, or empty when the series is annual, irregular or shorter than {@value Spc#MIN_POINTS}. */
    static Optional<SeriesAnalysis> of(IndicatorRow indicator, List<ValueRow> values) {
        return of(indicator, values, AS_COMPUTED);
    }

    static Optional<SeriesAnalysis> of(IndicatorRow indicator, List<ValueRow> values, String basis) {
        if (values.size() < Spc.MIN_POINTS) {
            return Optional.empty();
        }
        Frequency frequency = frequencyOf(values);
        if (frequency == null) {
            return Optional.empty();
        }
        List<LocalDate> periods = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> shortLabels = new ArrayList<>();
        List<Double> plotted = new ArrayList<>();
        List<Double> numerators = new ArrayList<>();
        List<Double> denominators = new ArrayList<>();
        boolean fractions = indicator.factor() == Factor.PERCENT;
        boolean nonNegative = true;
        for (ValueRow v : values) {
            periods.add(v.periodEnd());
            Period period = Period.containing(frequency, v.periodEnd());
            labels.add(period.label());
            shortLabels.add(period.shortLabel());
            plotted.add(v.value().doubleValue());
            nonNegative &= v.value().signum() >= 0;
            if (v.numerator() == null || v.denominator() == null) {
                fractions = false;
            } else {
                numerators.add(v.numerator().doubleValue());
                denominators.add(v.denominator().doubleValue());
            }
        }
        Optional<ControlChart> chart = fractions
                ? Spc.pChart(numerators, denominators, 100).or(() -> Spc.xmr(plotted, true))
                : Spc.xmr(plotted, nonNegative);
        if (chart.isEmpty()) {
            return Optional.empty();
        }
        Wording wording = new Wording(
                indicator.name(),
                indicator.polarity(),
                frequency,
                indicator.decimals(),
                indicator.factor().unit());
        return Optional.of(new SeriesAnalysis(
                indicator,
                frequency,
                List.copyOf(periods),
                List.copyOf(labels),
                List.copyOf(shortLabels),
                chart.get(),
                Spc.signals(chart.get()),
                wording,
                basis));
    }

    /** Monthly when most periods are a month apart, quarterly when most are three months apart; otherwise null. */
    static @Nullable Frequency frequencyOf(List<ValueRow> values) {
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
            ControlChart.Kind kind,
            Frequency frequency,
            int baselineSize,
            String basis) {}

    /** The chart a scan stored, read back for the page (its signals found again on the very same points). */
    static Optional<SeriesAnalysis> stored(IndicatorRow indicator, List<StoredPoint> points) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        StoredPoint first = points.get(0);
        List<LocalDate> periods = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> shortLabels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        for (StoredPoint p : points) {
            Period period = Period.containing(first.frequency(), p.periodEnd());
            periods.add(p.periodEnd());
            labels.add(period.label());
            shortLabels.add(period.shortLabel());
            values.add(p.value());
            lower.add(p.lower());
            upper.add(p.upper());
        }
        ControlChart chart =
                new ControlChart(first.kind(), values, first.centre(), upper, lower, first.baselineSize(), null);
        Wording wording = new Wording(
                indicator.name(),
                indicator.polarity(),
                first.frequency(),
                indicator.decimals(),
                indicator.factor().unit());
        return Optional.of(new SeriesAnalysis(
                indicator,
                first.frequency(),
                periods,
                labels,
                shortLabels,
                chart,
                Spc.signals(chart),
                wording,
                first.basis()));
    }

    String explain(Spc.Found signal) {
        return wording.explain(signal, chart, labels);
    }
}
