package org.safeguardinghub.performance.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.catalogue.Formula;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.performance.catalogue.IndicatorMaths;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.catalogue.Rag;
import org.safeguardinghub.performance.scorecard.PerformanceData.Commentary;
import org.safeguardinghub.performance.scorecard.PerformanceData.Indicator;
import org.safeguardinghub.performance.scorecard.PerformanceData.ItemSource;
import org.safeguardinghub.performance.scorecard.PerformanceData.Point;
import org.safeguardinghub.performance.scorecard.PerformanceData.Signal;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.shared.SafeCounts;
import org.springframework.stereotype.Service;

/**
 * Builds the indicator page and the priorities dashboard from the computed indicator values, and the pieces the
 * scorecard ({@link ScorecardPage}) and "Context in numbers" ({@link ContextInNumbers}) share with them. Every page reads each table once (definitions, values, commentary, signals, items) and
 * assembles rows in memory, whatever the number of indicators. Summaries read only a window of each indicator's
 * newest values (see {@link #summaryPoints}); "Context in numbers" reads only the two year ends it compares.
 *
 * <p>The latest point of an indicator is its newest period with a value at or before the chosen period end; the
 * previous point is the period just before it (by the frequency of the items it reads), the change is the
 * difference and its percentage, and red, amber or green comes from the current definition's polarity, target and
 * thresholds. "As first published" reads {@code first_value} (falling back to the value where nothing was published
 * yet). In the published view, {@link Figures} hides small counts everywhere, including sparklines and exports.
 */
@Service
public class PerformancePages {

    /** The partnership's current priorities (Kent 2024-26), in the order the strategic plan lists them. */
    static final List<String> CURRENT_PRIORITIES = List.of(
            "Mental health of children and young people",
            "Impact of parent mental health",
            "Effective multi-agency working",
            "Online safety");

    static final int SPARK_POINTS = 12;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final PerformanceData data;
    private final Organisation organisation;
    private final SafeCounts suppression;

    PerformancePages(PerformanceData data, Organisation organisation, SafeCounts suppression) {
        this.data = data;
        this.organisation = organisation;
        this.suppression = suppression;
    }

    public String suppressedText() {
        return suppression.hiddenText();
    }

    // ---------------------------------------------------------------- shared pieces

    /** One indicator's headline: latest, previous, change, RAG and the sparkline of its last points. */
    public record Summary(
            Indicator indicator,
            Figures figures,
            @Nullable Point latest,
            @Nullable Period latestPeriod,
            @Nullable Point previous,
            @Nullable Period previousPeriod,
            String valueText,
            String previousText,
            String changeText,
            @Nullable BigDecimal percentChange,
            Rag rag,
            Sparkline spark,
            List<SeriesRow> recent,
            @Nullable String methodologyNote) {

        public IndicatorDefinition definition() {
            return indicator.current();
        }

        public String href() {
            return "/performance/indicators/" + indicator.current().code();
        }

        public String periodLabel() {
            return latestPeriod == null ? "No data" : latestPeriod.label();
        }

        public String previousLabel() {
            return previousPeriod == null ? "" : previousPeriod.label();
        }
    }

    /** A row of a data table under a chart. */
    public record SeriesRow(
            LocalDate periodEnd,
            String period,
            String shortPeriod,
            String value,
            String numerator,
            String denominator,
            String firstPublished,
            Rag rag,
            boolean fictional,
            int versionNo) {}

    private Figures figures(IndicatorDefinition d, boolean published) {
        return new Figures(d.factor(), d.decimals(), published ? suppression : null);
    }

    private static @Nullable BigDecimal shown(Point p, boolean firstPublished) {
        return firstPublished && p.firstValue() != null ? p.firstValue() : p.value();
    }

    /** The frequency of the items the indicator reads, or one guessed from the spacing of its values. */
    static Frequency frequency(IndicatorDefinition d, Map<String, ItemSource> items, List<Point> points) {
        for (String code : codes(d)) {
            ItemSource item = items.get(code);
            if (item != null) {
                return item.frequency();
            }
        }
        if (points.size() >= 2) {
            long days = points.get(points.size() - 1).periodEnd().toEpochDay()
                    - points.get(points.size() - 2).periodEnd().toEpochDay();
            return days >= 300 ? Frequency.ANNUAL : days >= 80 ? Frequency.QUARTERLY : Frequency.MONTHLY;
        }
        LocalDate only = points.isEmpty() ? null : points.get(0).periodEnd();
        return only != null && only.getMonthValue() == 3 && only.getDayOfMonth() == 31
                ? Frequency.ANNUAL
                : Frequency.MONTHLY;
    }

    static Set<String> codes(IndicatorDefinition d) {
        Set<String> codes = new LinkedHashSet<>();
        try {
            codes.addAll(d.numeratorFormula().codes());
            Formula denominator = d.denominatorFormula();
            if (denominator != null) {
                codes.addAll(denominator.codes());
            }
        } catch (RuntimeException e) {
            // an unreadable formula reads no item
        }
        return codes;
    }

    Summary summary(
            Indicator indicator,
            List<Point> points,
            Frequency frequency,
            @Nullable LocalDate upTo,
            boolean firstPublished,
            boolean published) {
        IndicatorDefinition d = indicator.current();
        Figures f = figures(d, published);
        List<Point> upToPoints = new ArrayList<>();
        for (Point p : points) {
            if (upTo == null || !p.periodEnd().isAfter(upTo)) {
                upToPoints.add(p);
            }
        }
        Point latest = latest(upToPoints, firstPublished);
        Period latestPeriod = latest == null ? null : Period.containing(frequency, latest.periodEnd());
        Period previousPeriod = latestPeriod == null ? null : latestPeriod.previous();
        Point previous = null;
        if (previousPeriod != null) {
            for (Point p : upToPoints) {
                if (p.periodEnd().equals(previousPeriod.end())) {
                    previous = p;
                }
            }
        }
        BigDecimal value = latest == null ? null : shown(latest, firstPublished);
        BigDecimal before = previous == null ? null : shown(previous, firstPublished);
        boolean latestHidden = latest != null && f.hidden(value, latest.numerator(), latest.denominator());
        boolean previousHidden = previous != null && f.hidden(before, previous.numerator(), previous.denominator());
        String valueText = latest == null ? "No data" : f.value(value, latest.numerator(), latest.denominator());
        String previousText =
                previous == null ? "No data" : f.value(before, previous.numerator(), previous.denominator());
        String changeText = "";
        BigDecimal percent = null;
        if (value != null && before != null) {
            if (latestHidden || previousHidden) {
                changeText = Figures.SUPPRESSED;
            } else {
                BigDecimal now = java.util.Objects.requireNonNull(
                        f.publishedValue(value, latest.numerator(), latest.denominator()));
                BigDecimal then = java.util.Objects.requireNonNull(
                        f.publishedValue(before, previous.numerator(), previous.denominator()));
                percent = IndicatorMaths.percentChange(now, then).orElse(null);
                changeText = f.change(now.subtract(then), percent);
            }
        }
        Rag rag = d.ragRule().rate(value);
        int from = Math.max(0, upToPoints.size() - SPARK_POINTS);
        List<Point> recentPoints = upToPoints.subList(from, upToPoints.size());
        List<@Nullable BigDecimal> sparkValues = new ArrayList<>();
        List<SeriesRow> recent = new ArrayList<>();
        for (Point p : recentPoints) {
            BigDecimal v = shown(p, firstPublished);
            sparkValues.add(f.publishedValue(v, p.numerator(), p.denominator()));
            recent.add(row(d, f, frequency, p, firstPublished));
        }
        String aria = trendLabel(d, recentPoints, frequency);
        return new Summary(
                indicator,
                f,
                latest,
                latestPeriod,
                previous,
                previousPeriod,
                valueText,
                previousText,
                changeText,
                percent,
                rag,
                Sparkline.of(sparkValues, aria),
                recent,
                methodologyNote(indicator, recentPoints, frequency));
    }

    /** The newest point with a value to show. */
    private static @Nullable Point latest(List<Point> points, boolean firstPublished) {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (shown(points.get(i), firstPublished) != null) {
                return points.get(i);
            }
        }
        return null;
    }

    /** The sparkline's text alternative: the indicator and the periods it spans. */
    private static String trendLabel(IndicatorDefinition d, List<Point> recentPoints, Frequency frequency) {
        return recentPoints.isEmpty()
                ? "Trend of " + d.name() + ": no data"
                : "Trend of " + d.name() + " over the last " + recentPoints.size() + " periods, "
                        + Period.containing(frequency, recentPoints.get(0).periodEnd())
                                .shortLabel() + " to "
                        + Period.containing(
                                        frequency,
                                        recentPoints
                                                .get(recentPoints.size() - 1)
                                                .periodEnd())
                                .shortLabel()
                        + "; the figures are on the indicator page";
    }

    private static SeriesRow row(IndicatorDefinition d, Figures f, Frequency frequency, Point p, boolean first) {
        Period period = Period.containing(frequency, p.periodEnd());
        BigDecimal v = shown(p, first);
        return new SeriesRow(
                p.periodEnd(),
                period.label(),
                period.shortLabel(),
                f.value(v, p.numerator(), p.denominator()),
                f.hidden(v, p.numerator(), p.denominator()) && d.factor().needsDenominator()
                        ? Figures.SUPPRESSED
                        : f.count(p.numerator()),
                f.hidden(v, p.numerator(), p.denominator()) && d.factor().needsDenominator()
                        ? Figures.SUPPRESSED
                        : f.count(p.denominator()),
                p.firstValue() == null ? "" : f.value(p.firstValue(), p.numerator(), p.denominator()),
                d.ragRule().rate(v),
                p.fictional(),
                p.versionNo());
    }

    /** A note when the shown points were computed with more than one version of the definition. */
    static @Nullable String methodologyNote(Indicator indicator, List<Point> shown, Frequency frequency) {
        Set<Integer> versions = new TreeSet<>();
        for (Point p : shown) {
            versions.add(p.versionNo());
        }
        if (versions.size() < 2) {
            return null;
        }
        int newest = ((TreeSet<Integer>) versions).last();
        for (Point p : shown) {
            if (p.versionNo() == newest) {
                return "Methodology changed: figures from "
                        + Period.containing(frequency, p.periodEnd()).label() + " use version " + newest
                        + " of the definition and are not directly comparable with earlier ones.";
            }
        }
        return null;
    }

    /**
     * How many of an indicator's newest points a summary reads: the sparkline's {@link #SPARK_POINTS} and room for
     * the previous period and for a few empty latest periods. Reading this window instead of the whole history keeps
     * the scorecard's cost flat as years of values accumulate.
     */
    static final int SUMMARY_WINDOW = 2 * SPARK_POINTS;

    /**
     * The points a summary needs: the window of newest points at or before {@code upTo} (already read for every
     * indicator in one query), or the indicator's whole series when the window might not hold the answer, so the
     * summary is always the one the whole series gives. That is when the window is full and holds no shown value or
     * not the previous period, or when the frequency is guessed from the last two values of the whole series (no
     * known item) and those may lie after {@code upTo}.
     */
    List<Point> summaryPoints(
            long partnershipId,
            Indicator indicator,
            String kind,
            String category,
            List<Point> window,
            Map<String, ItemSource> items,
            @Nullable LocalDate upTo,
            boolean firstPublished) {
        IndicatorDefinition d = indicator.current();
        boolean frequencyGuessed = codes(d).stream().noneMatch(items::containsKey);
        if (frequencyGuessed && upTo != null) {
            return data.series(partnershipId, indicator.id(), kind, category);
        }
        if (window.size() < SUMMARY_WINDOW) {
            return window; // the whole series up to upTo
        }
        Point latest = null;
        for (int i = window.size() - 1; i >= 0 && latest == null; i--) {
            if (shown(window.get(i), firstPublished) != null) {
                latest = window.get(i);
            }
        }
        if (latest != null) {
            LocalDate previousEnd = Period.containing(frequency(d, items, window), latest.periodEnd())
                    .previous()
                    .end();
            if (!previousEnd.isBefore(window.get(0).periodEnd())) {
                return window;
            }
        }
        return data.series(partnershipId, indicator.id(), kind, category);
    }

    /** The priorities to filter by: the current ones first, then any other an indicator names. */
    static List<Option> priorityOptions(List<Indicator> indicators) {
        Set<String> names = new LinkedHashSet<>(CURRENT_PRIORITIES);
        for (Indicator i : indicators) {
            names.addAll(i.current().priorities());
        }
        return names.stream().map(n -> new Option(n, n)).toList();
    }

    // ---------------------------------------------------------------- indicator page

    record BreakdownFigure(
            String id, String title, String kindLabel, String periodLabel, BarChart chart, List<BreakdownRow> rows) {}

    record BreakdownRow(String category, String value) {}

    record Version(
            int versionNo,
            String effectiveFrom,
            String numerator,
            String denominator,
            String factor,
            boolean recomputed,
            boolean current) {}

    public record IndicatorPage(
            Summary summary,
            Frequency frequency,
            LineChart chart,
            List<SeriesRow> rows,
            boolean anyFictional,
            boolean anyPublishedPoint,
            List<BreakdownFigure> breakdowns,
            List<Commentary> commentary,
            List<Option> commentaryPeriods,
            List<Version> versions,
            @Nullable Signal signal,
            boolean published) {

        public IndicatorDefinition definition() {
            return summary.definition();
        }
    }

    public Optional<IndicatorPage> indicatorPage(long partnershipId, String code, boolean published) {
        Optional<Indicator> found = data.indicator(partnershipId, code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Indicator indicator = found.get();
        IndicatorDefinition d = indicator.current();
        List<Point> points = data.series(partnershipId, indicator.id());
        Map<String, ItemSource> items = data.items(partnershipId);
        Frequency frequency = frequency(d, items, points);
        Summary summary = summary(indicator, points, frequency, null, false, published);
        Figures f = summary.figures();
        List<SeriesRow> rows = new ArrayList<>();
        List<LineChart.Point> chartPoints = new ArrayList<>();
        boolean anyFictional = false;
        boolean anyPublished = false;
        for (Point p : points) {
            SeriesRow row = row(d, f, frequency, p, false);
            rows.add(row);
            boolean hidden = f.hidden(p.value(), p.numerator(), p.denominator());
            chartPoints.add(new LineChart.Point(
                    row.shortPeriod(),
                    hidden ? null : f.publishedValue(p.value(), p.numerator(), p.denominator()),
                    p.fictional()));
            anyFictional |= p.fictional();
            anyPublished |= !p.fictional();
        }
        List<LineChart.Reference> references = new ArrayList<>();
        if (d.target() != null) {
            references.add(new LineChart.Reference("Target", d.target(), "hub-perf-chart__target"));
        }
        if (d.benchmarkEngland() != null) {
            references.add(new LineChart.Reference("England", d.benchmarkEngland(), "hub-perf-chart__england"));
        }
        if (d.benchmarkRegion() != null) {
            references.add(new LineChart.Reference("Region", d.benchmarkRegion(), "hub-perf-chart__region"));
        }
        if (d.benchmarkNeighbours() != null) {
            references.add(new LineChart.Reference(
                    "Statistical neighbours", d.benchmarkNeighbours(), "hub-perf-chart__neighbours"));
        }
        LineChart chart = LineChart.of(
                d.name(),
                chartPoints,
                references,
                breaks(indicator, points),
                d.factor().unit());
        List<Version> versions = new ArrayList<>();
        for (IndicatorDefinition v : indicator.versions()) {
            versions.add(new Version(
                    v.versionNo(),
                    DAY.format(v.effectiveFrom()),
                    v.numerator(),
                    v.denominator() == null ? "" : v.denominator(),
                    v.factor().label(),
                    v.historyRecomputed(),
                    v.versionNo() == d.versionNo()));
        }
        List<Option> periods = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            periods.add(
                    new Option(rows.get(i).periodEnd().toString(), rows.get(i).period()));
        }
        return Optional.of(new IndicatorPage(
                summary,
                frequency,
                chart,
                rows,
                anyFictional,
                anyPublished,
                breakdowns(partnershipId, indicator, f),
                data.commentaryHistory(partnershipId, indicator.id()),
                periods,
                versions,
                data.openSignals(partnershipId).get(indicator.id()),
                published));
    }

    /**
     * A break before the first point computed with each later version, at its effective date, unless history was
     * recomputed with it (then every point uses it and there is no break to show).
     */
    static List<LineChart.Break> breaks(Indicator indicator, List<Point> points) {
        List<LineChart.Break> breaks = new ArrayList<>();
        for (IndicatorDefinition v : indicator.versions()) {
            if (v.versionNo() <= 1 || v.historyRecomputed()) {
                continue;
            }
            for (int i = 0; i < points.size(); i++) {
                if (!points.get(i).periodEnd().isBefore(v.effectiveFrom())) {
                    if (i > 0) {
                        breaks.add(new LineChart.Break(i, "Methodology change (version " + v.versionNo() + ")"));
                    }
                    break;
                }
            }
        }
        return breaks;
    }

    private List<BreakdownFigure> breakdowns(long partnershipId, Indicator indicator, Figures f) {
        Map<String, List<PerformanceData.BreakdownPoint>> byKind = new LinkedHashMap<>();
        for (PerformanceData.BreakdownPoint b : data.latestBreakdowns(partnershipId, indicator.id())) {
            byKind.computeIfAbsent(b.kind(), k -> new ArrayList<>()).add(b);
        }
        List<BreakdownFigure> figures = new ArrayList<>();
        for (Map.Entry<String, List<PerformanceData.BreakdownPoint>> e : byKind.entrySet()) {
            String kindLabel = kindLabel(e.getKey());
            List<BarChart.Item> items = new ArrayList<>();
            List<BreakdownRow> rows = new ArrayList<>();
            LocalDate end = e.getValue().get(0).point().periodEnd();
            for (PerformanceData.BreakdownPoint b : e.getValue()) {
                Point p = b.point();
                boolean hidden = f.hidden(p.value(), p.numerator(), p.denominator());
                String text = f.value(p.value(), p.numerator(), p.denominator());
                items.add(new BarChart.Item(
                        b.category(),
                        hidden ? null : f.publishedValue(p.value(), p.numerator(), p.denominator()),
                        text));
                rows.add(new BreakdownRow(b.category(), text));
            }
            String title =
                    indicator.current().name() + " by " + kindLabel.toLowerCase(Locale.UK) + ", " + DAY.format(end);
            figures.add(new BreakdownFigure(
                    "breakdown-" + e.getKey().toLowerCase(Locale.ROOT).replace('_', '-'),
                    title,
                    kindLabel,
                    DAY.format(end),
                    BarChart.of(title, items),
                    rows));
        }
        return figures;
    }

    private static String kindLabel(String kind) {
        try {
            return org.safeguardinghub.performance.catalogue.Breakdown.valueOf(kind)
                    .label();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    // ---------------------------------------------------------------- priorities dashboard

    record PriorityGroup(String id, String name, List<Summary> indicators) {}

    public List<PriorityGroup> priorities(long partnershipId, boolean published) {
        List<Indicator> indicators = data.indicators(partnershipId);
        Map<String, ItemSource> items = data.items(partnershipId);
        Map<Long, List<Point>> values = data.recentValues(partnershipId, "", "", null, SUMMARY_WINDOW);
        List<PriorityGroup> groups = new ArrayList<>();
        int n = 0;
        for (Option priority : priorityOptions(indicators)) {
            List<Summary> summaries = new ArrayList<>();
            for (Indicator indicator : indicators) {
                IndicatorDefinition d = indicator.current();
                if (d.priorities().stream().anyMatch(priority.value()::equalsIgnoreCase)) {
                    List<Point> points = summaryPoints(
                            partnershipId,
                            indicator,
                            "",
                            "",
                            values.getOrDefault(indicator.id(), List.of()),
                            items,
                            null,
                            false);
                    summaries.add(summary(indicator, points, frequency(d, items, points), null, false, published));
                }
            }
            n++;
            if (!summaries.isEmpty() || CURRENT_PRIORITIES.contains(priority.value())) {
                groups.add(new PriorityGroup("priority-" + n, priority.value(), summaries));
            }
        }
        return groups;
    }
}
