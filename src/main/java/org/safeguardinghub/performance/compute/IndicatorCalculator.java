package org.safeguardinghub.performance.compute;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.IndicatorValuesChanged;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.Catalogue;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.Formula;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.performance.catalogue.IndicatorMaths;
import org.safeguardinghub.performance.catalogue.PeriodType;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes indicator values from data values into {@code indicator_value}: totals and each breakdown value, latest
 * and "as first published" (from {@code data_value.first_value}), one row per indicator, breakdown and period.
 *
 * <p>How: one query reads the partnership's data values summed across agencies by item, breakdown and period end;
 * one reads every indicator version; the arithmetic runs in memory ({@link Series}); the results are upserted in
 * one batch and rows that no longer compute are deleted. Per indicator and period end: the numerator is the formula
 * over item totals (LATEST: the values at that period end; YEAR_TO_DATE and ROLLING_12_MONTHS: sums of a MONTHLY
 * item's months, or, when a month is missing, the item's published companion total {@code <code>_12m} /
 * {@code <code>_ytd} at that period end); the denominator is the latest value at or before the period end (a
 * denominator of MONTHLY items is summed over the numerator's window). The version used is the latest whose
 * {@code effective_from} is on or before the period end (the oldest version for earlier periods), unless the
 * current version's history was recomputed, when it applies to every period.
 *
 * <p><b>Only accepted figures count.</b> A figure feeds indicator values only when its return was accepted (and so is
 * locked; a correction keeps it accepted) or it was loaded from a published report ({@code source = 'PUBLISHED'}).
 * Draft, submitted and returned figures are the agency's work in progress: they never reach indicator values,
 * signals or any view, whichever path recomputes (acceptance, correction, "Recompute history", start-up, a catalogue
 * reload). A submitted return shows its effect only in {@link #preview}, which puts the proposed totals over the
 * accepted ones without storing anything. "As first published" is the first accepted value ({@code first_value},
 * set when the return is accepted).
 *
 * <p>Values are partnership-level: the computation must see every agency's figures, so it refuses to run for a
 * signed-in person limited to their own agency (row-level security would hide the other agencies' values).
 */
@Service
public class IndicatorCalculator {

    private final IndicatorValueRecords records;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;

    IndicatorCalculator(IndicatorValueRecords records, Catalogue catalogue, ApplicationEventPublisher events) {
        this.records = records;
        this.catalogue = catalogue;
        this.events = events;
    }

    /**
     * Recomputes every indicator of the partnership for every period with data, each period with the version in
     * force for it (see {@code IndicatorDefinition.effectiveFrom}); publishes {@code IndicatorValuesChanged}.
     */
    @Transactional
    public void recomputeAll(long partnershipId) {
        recompute(partnershipId, null);
    }

    /** Recomputes the indicators that read any of these items (after a return is accepted or corrected). */
    @Transactional
    public void recomputeForItems(long partnershipId, Collection<String> itemCodes) {
        Set<String> codes = new HashSet<>();
        for (String code : itemCodes) {
            codes.add(code);
            codes.add(Series.baseOfCompanion(code));
        }
        recompute(partnershipId, codes);
    }

    /** Recomputes one indicator (after its definition changed or its history was recomputed). */
    @Transactional
    public void recomputeIndicator(long partnershipId, String indicatorCode) {
        List<IndicatorDefinition> versions = versions(partnershipId).stream()
                .filter(v -> v.code().equals(indicatorCode))
                .toList();
        if (!versions.isEmpty()) {
            run(partnershipId, versions);
        }
    }

    /**
     * What the partnership's indicators reading any of {@code proposed}'s items would be for the period ending
     * {@code periodEnd} if these totals (by item code) replaced the stored ones. Used to require commentary on red.
     */
    public List<IndicatorPreview> preview(long partnershipId, LocalDate periodEnd, Map<String, BigDecimal> proposed) {
        requireAllAgencies();
        List<IndicatorDefinition> current = catalogue.indicators(partnershipId).stream()
                .filter(d -> reads(d, proposed.keySet()))
                .toList();
        if (current.isEmpty()) {
            return List.of();
        }
        Series series = load(partnershipId);
        proposed.forEach((code, value) -> series.put(code, Series.TOTAL, periodEnd, value, value, false));
        List<IndicatorPreview> previews = new ArrayList<>();
        for (IndicatorDefinition d : current) {
            series.compute(d, Series.TOTAL, periodEnd)
                    .ifPresent(result -> previews.add(new IndicatorPreview(
                            d.indicatorId(),
                            d.code(),
                            d.name(),
                            result.value(),
                            display(result.value(), d),
                            d.ragRule().rate(result.value()))));
        }
        return previews;
    }

    /** A value as the scorecard shows it, e.g. "41.3 per 10,000", "25.6%" or "1,338". */
    public static String display(BigDecimal value, IndicatorDefinition d) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0");
        format.setMinimumFractionDigits(d.decimals());
        format.setMaximumFractionDigits(d.decimals());
        return format.format(value) + d.factor().unit();
    }

    private void recompute(long partnershipId, @Nullable Set<String> itemCodes) {
        List<IndicatorDefinition> versions = versions(partnershipId);
        if (itemCodes != null) {
            Set<Long> affected = versions.stream()
                    .filter(v -> reads(v, itemCodes))
                    .map(IndicatorDefinition::indicatorId)
                    .collect(Collectors.toSet());
            versions = versions.stream()
                    .filter(v -> affected.contains(v.indicatorId()))
                    .toList();
        }
        if (!versions.isEmpty()) {
            run(partnershipId, versions);
        }
    }

    private void run(long partnershipId, List<IndicatorDefinition> versions) {
        requireAllAgencies();
        Series series = load(partnershipId);
        Timestamp stamp = records.now();
        Map<Long, Integer> currentVersions = records.currentVersions(partnershipId);
        Map<Long, List<IndicatorDefinition>> byIndicator = new java.util.LinkedHashMap<>();
        versions.forEach(v -> byIndicator
                .computeIfAbsent(v.indicatorId(), k -> new ArrayList<>())
                .add(v));
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (List<IndicatorDefinition> all : byIndicator.values()) {
            all.sort(java.util.Comparator.comparingInt(IndicatorDefinition::versionNo));
            int currentNo = currentVersions.getOrDefault(
                    all.get(0).indicatorId(), all.get(all.size() - 1).versionNo());
            IndicatorDefinition current = all.stream()
                    .filter(v -> v.versionNo() == currentNo)
                    .findFirst()
                    .orElse(all.get(all.size() - 1));
            for (Series.Key key : series.breakdownsFor(all)) {
                for (LocalDate periodEnd : series.periodEnds(all, key)) {
                    IndicatorDefinition version = inForce(all, current, periodEnd);
                    if (!key.equals(Series.TOTAL) && !series.supports(version, key)) {
                        continue;
                    }
                    Optional<Series.Result> result = series.compute(version, key, periodEnd);
                    if (result.isEmpty()) {
                        continue;
                    }
                    Series.Result r = result.get();
                    rows.add(new MapSqlParameterSource()
                            .addValue("indicator", version.indicatorId())
                            .addValue("partnership", partnershipId)
                            .addValue("periodEnd", periodEnd)
                            .addValue("kind", key.kind())
                            .addValue("value_", key.value())
                            .addValue("versionNo", version.versionNo())
                            .addValue("numerator", r.numerator())
                            .addValue("denominator", r.denominator())
                            .addValue("value", r.value())
                            .addValue("firstValue", r.firstValue())
                            .addValue("fictional", r.fictional())
                            .addValue("stamp", stamp));
                }
            }
        }
        records.upsertValues(rows);
        Set<Long> ids = byIndicator.keySet();
        records.deleteOlderThan(partnershipId, ids, stamp);
        events.publishEvent(new IndicatorValuesChanged(partnershipId, Set.copyOf(ids)));
    }

    /** The version in force for a period: see the class comment. */
    static IndicatorDefinition inForce(
            List<IndicatorDefinition> versions, IndicatorDefinition current, LocalDate periodEnd) {
        if (current.historyRecomputed()) {
            return current;
        }
        IndicatorDefinition chosen = null;
        for (IndicatorDefinition v : versions) {
            if (v.versionNo() > current.versionNo()) {
                continue;
            }
            if (!v.effectiveFrom().isAfter(periodEnd)
                    && (chosen == null
                            || v.effectiveFrom().isAfter(chosen.effectiveFrom())
                            || (v.effectiveFrom().equals(chosen.effectiveFrom())
                                    && v.versionNo() > chosen.versionNo()))) {
                chosen = v;
            }
        }
        if (chosen != null) {
            return chosen;
        }
        return versions.stream()
                .min(java.util.Comparator.comparing(IndicatorDefinition::effectiveFrom)
                        .thenComparingInt(IndicatorDefinition::versionNo))
                .orElse(current);
    }

    private static boolean reads(IndicatorDefinition d, Collection<String> codes) {
        Set<String> read = new HashSet<>(d.numeratorFormula().codes());
        Formula denominator = d.denominatorFormula();
        if (denominator != null) {
            read.addAll(denominator.codes());
        }
        return read.stream().anyMatch(codes::contains);
    }

    /** Every version of the partnership's active indicators. */
    private List<IndicatorDefinition> versions(long partnershipId) {
        Set<Long> archived = records.archivedIndicatorIds(partnershipId);
        return catalogue.allVersions(partnershipId).stream()
                .filter(v -> !archived.contains(v.indicatorId()))
                .toList();
    }

    private Series load(long partnershipId) {
        Map<String, DataItem> items = new HashMap<>();
        for (DataItem item : catalogue.items(partnershipId)) {
            items.put(item.code(), item);
        }
        Series series = new Series(items);
        records.loadAcceptedTotals(partnershipId, series);
        return series;
    }

    private static void requireAllAgencies() {
        Optional<Actor> actor = Actors.current();
        if (actor.isPresent() && !actor.get().seesAllAgencies()) {
            throw new IllegalStateException(
                    "Indicator values are computed from every agency's figures: only the business team can recompute them");
        }
    }

    /** Item totals by code, breakdown and period end, and the arithmetic over them. No SQL. */
    static final class Series {

        record Key(String kind, String value) {}

        record Cell(BigDecimal value, BigDecimal first, boolean fictional) {}

        record Result(
                BigDecimal numerator,
                @Nullable BigDecimal denominator,
                BigDecimal value,
                @Nullable BigDecimal firstValue,
                boolean fictional) {}

        static final Key TOTAL = new Key("", "");

        private final Map<String, DataItem> items;
        private final Map<String, Map<Key, TreeMap<LocalDate, Cell>>> cells = new HashMap<>();

        Series(Map<String, DataItem> items) {
            this.items = items;
        }

        static String baseOfCompanion(String code) {
            if (code.endsWith("_12m")) {
                return code.substring(0, code.length() - 4);
            }
            if (code.endsWith("_ytd")) {
                return code.substring(0, code.length() - 4);
            }
            return code;
        }

        void put(String code, Key key, LocalDate periodEnd, BigDecimal value, BigDecimal first, boolean fictional) {
            cells.computeIfAbsent(code, c -> new HashMap<>())
                    .computeIfAbsent(key, k -> new TreeMap<>())
                    .put(periodEnd, new Cell(value, first, fictional));
        }

        private TreeMap<LocalDate, Cell> of(String code, Key key) {
            return cells.getOrDefault(code, Map.of()).getOrDefault(key, new TreeMap<>());
        }

        /** The total plus every breakdown value found in any numerator item of any version. */
        Set<Key> breakdownsFor(List<IndicatorDefinition> versions) {
            Set<Key> keys = new LinkedHashSet<>();
            keys.add(TOTAL);
            for (IndicatorDefinition v : versions) {
                for (String code : v.numeratorFormula().codes()) {
                    keys.addAll(cells.getOrDefault(code, Map.of()).keySet());
                }
            }
            return keys;
        }

        /** Whether every numerator item, and the denominator's, is returned by this breakdown. */
        boolean supports(IndicatorDefinition d, Key key) {
            Breakdown breakdown;
            try {
                breakdown = Breakdown.valueOf(key.kind());
            } catch (IllegalArgumentException e) {
                return false;
            }
            Set<String> codes = new HashSet<>(d.numeratorFormula().codes());
            Formula denominator = d.denominatorFormula();
            if (denominator != null) {
                codes.addAll(denominator.codes());
            }
            for (String code : codes) {
                DataItem item = items.get(code);
                if (item == null || !item.breakdowns().contains(breakdown)) {
                    return false;
                }
            }
            return true;
        }

        /** Period ends at which any version's numerator items (or their companions) have a value. */
        Set<LocalDate> periodEnds(List<IndicatorDefinition> versions, Key key) {
            Set<LocalDate> ends = new TreeSet<>();
            for (IndicatorDefinition v : versions) {
                for (String code : v.numeratorFormula().codes()) {
                    ends.addAll(of(code, key).keySet());
                    if (v.aggregation() == Aggregation.ROLLING_12_MONTHS) {
                        ends.addAll(of(code + "_12m", key).keySet());
                    } else if (v.aggregation() == Aggregation.YEAR_TO_DATE) {
                        ends.addAll(of(code + "_ytd", key).keySet());
                    }
                }
            }
            return ends;
        }

        Optional<Result> compute(IndicatorDefinition d, Key key, LocalDate periodEnd) {
            boolean[] fictional = {false};
            Map<String, BigDecimal> num = new HashMap<>();
            Map<String, BigDecimal> numFirst = new HashMap<>();
            for (String code : d.numeratorFormula().codes()) {
                Cell c = aggregated(code, key, periodEnd, d.aggregation());
                if (c != null) {
                    num.put(code, c.value());
                    numFirst.put(code, c.first());
                    fictional[0] |= c.fictional();
                }
            }
            Optional<BigDecimal> numerator = d.numeratorFormula().evaluate(num);
            if (numerator.isEmpty()) {
                return Optional.empty();
            }
            Optional<BigDecimal> numeratorFirst = d.numeratorFormula().evaluate(numFirst);
            BigDecimal denominator = null;
            BigDecimal denominatorFirst = null;
            Formula denominatorFormula = d.denominatorFormula();
            if (d.factor().needsDenominator()) {
                if (denominatorFormula == null) {
                    return Optional.empty();
                }
                Map<String, BigDecimal> den = new HashMap<>();
                Map<String, BigDecimal> denFirst = new HashMap<>();
                for (String code : denominatorFormula.codes()) {
                    DataItem item = items.get(code);
                    boolean monthly = item != null && item.periodType() == PeriodType.MONTHLY;
                    Cell c = monthly && d.aggregation() != Aggregation.LATEST
                            ? aggregated(code, key, periodEnd, d.aggregation())
                            : latestAtOrBefore(code, key, periodEnd);
                    if (c != null) {
                        den.put(code, c.value());
                        denFirst.put(code, c.first());
                        fictional[0] |= c.fictional();
                    }
                }
                denominator = denominatorFormula.evaluate(den).orElse(null);
                denominatorFirst = denominatorFormula.evaluate(denFirst).orElse(null);
                if (denominator == null) {
                    return Optional.empty();
                }
            }
            Optional<BigDecimal> value = IndicatorMaths.value(numerator.get(), denominator, d.factor(), d.decimals());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal firstDenominator = denominatorFirst;
            BigDecimal first = numeratorFirst
                    .flatMap(n -> IndicatorMaths.value(n, firstDenominator, d.factor(), d.decimals()))
                    .orElse(null);
            return Optional.of(new Result(numerator.get(), denominator, value.get(), first, fictional[0]));
        }

        private @Nullable Cell latestAtOrBefore(String code, Key key, LocalDate periodEnd) {
            Map.Entry<LocalDate, Cell> e = of(code, key).floorEntry(periodEnd);
            return e == null ? null : e.getValue();
        }

        /** The item's value for the indicator's aggregation at the period end; null when it cannot be had. */
        private @Nullable Cell aggregated(String code, Key key, LocalDate periodEnd, Aggregation aggregation) {
            TreeMap<LocalDate, Cell> series = of(code, key);
            DataItem item = items.get(code);
            boolean monthly = item != null && item.periodType() == PeriodType.MONTHLY;
            if (aggregation == Aggregation.LATEST || !monthly) {
                return series.get(periodEnd);
            }
            Map<YearMonth, BigDecimal> values = new HashMap<>();
            Map<YearMonth, BigDecimal> firsts = new HashMap<>();
            Map<YearMonth, Boolean> fictional = new HashMap<>();
            LocalDate from = periodEnd.minusMonths(13);
            for (Map.Entry<LocalDate, Cell> e :
                    series.subMap(from, false, periodEnd, true).entrySet()) {
                YearMonth m = YearMonth.from(e.getKey());
                values.put(m, e.getValue().value());
                firsts.put(m, e.getValue().first());
                fictional.put(m, e.getValue().fictional());
            }
            Optional<BigDecimal> total = aggregation == Aggregation.ROLLING_12_MONTHS
                    ? IndicatorMaths.rolling12Months(values, periodEnd)
                    : IndicatorMaths.yearToDate(values, periodEnd);
            if (total.isPresent()) {
                BigDecimal first = (aggregation == Aggregation.ROLLING_12_MONTHS
                                ? IndicatorMaths.rolling12Months(firsts, periodEnd)
                                : IndicatorMaths.yearToDate(firsts, periodEnd))
                        .orElse(total.get());
                YearMonth last = YearMonth.from(periodEnd);
                boolean anyFictional = fictional.entrySet().stream()
                        .anyMatch(e -> !e.getKey().isAfter(last)
                                && !e.getKey().isBefore(last.minusMonths(11))
                                && e.getValue());
                return new Cell(total.get(), first, anyFictional);
            }
            String companion = code + (aggregation == Aggregation.ROLLING_12_MONTHS ? "_12m" : "_ytd");
            return of(companion, key).get(periodEnd);
        }
    }
}
