package org.safeguardinghub.performance.earlywarning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.performance.IndicatorValuesChanged;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Factor;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.catalogue.Polarity;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.IndicatorRow;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.ValueRow;
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early warning: statistical process control on each indicator's own partnership-level history, so the business
 * team hears about a change that ordinary variation would very rarely produce before it shows in a year-end report
 * (catalogue F16; the NHS "Making Data Count" approach).
 *
 * <p><b>Life of a signal.</b> A scan reads each indicator's partnership totals (breakdown '' / ''), and when it has
 * at least 12 monthly or quarterly periods builds its control chart (see {@link Spc} for the baseline, limits and
 * rules) and keeps {@code spc_signal} in step with what the chart shows today: a signal found for the first time is
 * inserted (<em>detected</em>); one already stored has its explanation refreshed (a run that goes on gets longer);
 * a stored signal the latest data no longer shows (a figure was corrected, the series became too short) gets
 * {@code cleared_at} and its task is resolved; a cleared one that comes back is live again. A signal is news only
 * on the latest two periods of its series: for each of those the business team gets a task ("Early-warning signal:
 * ...", due in 10 working days) linking to the indicator's chart; older history is recorded without tasks. Scans
 * run after every recompute of indicator values ({@link IndicatorValuesChanged}, after commit) and at demo start;
 * concurrent scans of one partnership queue on an advisory lock. Each scan also stores the chart it drew
 * ({@code spc_point}), which the page shows.
 *
 * <p><b>What is charted.</b> An indicator whose value is the figure for the period is charted on its computed
 * values ({@code indicator_value}). One whose value is a total over several months (rolling 12 months, year to
 * date) is charted on the monthly figures behind it (its formula over the partnership's monthly item totals; a
 * percentage as a p-chart of monthly numerators over monthly denominators): consecutive rolling totals share eleven
 * months, so charting them would flag ordinary noise as runs and trends and blur real changes. A rolling rate over a
 * population is not charted. Scans read agency data values, so they run as the system (the listener, start-up) or
 * as someone who sees all agencies.
 */
@Service
public class EarlyWarning {

    static final String TASK_SOURCE = "indicator-signal";
    static final int TASK_DUE_WORKING_DAYS = 10;
    private static final Logger log = LoggerFactory.getLogger(EarlyWarning.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EarlyWarning(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
        this.clock = clock;
    }

    /** What a scan did: indicators charted, signals newly detected, signals cleared, live signals found. */
    public record ScanResult(int indicatorsCharted, int detected, int cleared, int live) {}

    private record Stored(long id, long indicatorId, LocalDate periodEnd, String rule, boolean live) {}

    /** Scans every active indicator of the partnership. */
    @Transactional
    public ScanResult scan(long partnershipId) {
        return scan(partnershipId, null);
    }

    /** Scans these indicators of the partnership (all of them when null). */
    @Transactional
    public ScanResult scan(long partnershipId, @Nullable Collection<Long> indicatorIds) {
        if (indicatorIds != null && indicatorIds.isEmpty()) {
            return new ScanResult(0, 0, 0, 0);
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('spc_signal'), cast(:p as int))")
                .param("p", (int) partnershipId)
                .query((rs, n) -> 1)
                .list();
        boolean all = indicatorIds == null;
        List<Long> ids = all ? List.of(-1L) : List.copyOf(indicatorIds);
        Map<Long, IndicatorRow> indicators = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.id, i.code, i.name, v.factor, v.decimals, v.polarity, v.aggregation, v.numerator,
                               v.denominator
                        from indicator i
                        join indicator_version v on v.indicator_id = i.id and v.version_no = i.current_version
                        where i.partnership_id = :p and i.archived_at is null and (:all or i.id in (:ids))
                        order by i.sort_order, i.name""")
                .param("p", partnershipId)
                .param("all", all)
                .param("ids", ids)
                .query(EarlyWarning::indicatorRow)
                .list()
                .forEach(i -> indicators.put(i.id(), i));
        Map<Long, List<ValueRow>> series = new HashMap<>();
        jdbc.sql("""
                        select indicator_id, period_end, numerator, denominator, value from indicator_value
                        where partnership_id = :p and breakdown_kind = '' and breakdown_value = '' and value is not null
                          and (:all or indicator_id in (:ids))
                        order by indicator_id, period_end""")
                .param("p", partnershipId)
                .param("all", all)
                .param("ids", ids)
                .query(EarlyWarning::valueRow)
                .list()
                .forEach(v -> series.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>())
                        .add(v));
        Map<String, Map<LocalDate, BigDecimal>> totals = new HashMap<>();
        Set<String> monthlyItems = new HashSet<>();
        if (indicators.values().stream().anyMatch(IndicatorRow::cumulative)) {
            // partnership totals of monthly counts, for the indicators that are totals over several months
            jdbc.sql("""
                            select i.code, v.period_end, sum(v.value) as value
                            from data_value v join data_item i on i.id = v.data_item_id
                            left join data_return r on r.id = v.return_id
                            where v.partnership_id = :p and i.partnership_id = :p and i.period_type = 'MONTHLY'
                              and v.breakdown_kind = '' and v.breakdown_value = ''
                              and (v.source = 'PUBLISHED' or r.status = 'ACCEPTED')
                            group by i.code, v.period_end""")
                    .param("p", partnershipId)
                    .query((rs, n) -> {
                        String code = rs.getString("code");
                        monthlyItems.add(code);
                        totals.computeIfAbsent(code, k -> new HashMap<>())
                                .put(rs.getObject("period_end", LocalDate.class), rs.getBigDecimal("value"));
                        return code;
                    })
                    .list();
        }
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("""
                        select id, indicator_id, period_end, rule, cleared_at is null as live from spc_signal
                        where partnership_id = :p and (:all or indicator_id in (:ids))""")
                .param("p", partnershipId)
                .param("all", all)
                .param("ids", ids)
                .query((rs, n) -> new Stored(
                        rs.getLong("id"),
                        rs.getLong("indicator_id"),
                        rs.getObject("period_end", LocalDate.class),
                        rs.getString("rule"),
                        rs.getBoolean("live")))
                .list()
                .forEach(s -> stored.put(key(s.indicatorId(), s.periodEnd(), s.rule()), s));

        LocalDate due = WorkingDayCalendar.england().addWorkingDays(LocalDate.now(clock), TASK_DUE_WORKING_DAYS);
        int charted = 0;
        int detected = 0;
        int live = 0;
        Set<String> present = new HashSet<>();
        List<Object[]> points = new ArrayList<>();
        for (IndicatorRow indicator : indicators.values()) {
            Optional<SeriesAnalysis> analysis = indicator.cumulative()
                    ? SeriesAnalysis.monthlyRows(indicator, totals, monthlyItems)
                            .flatMap(rows -> SeriesAnalysis.of(indicator, rows, SeriesAnalysis.MONTHLY_FIGURES))
                    : SeriesAnalysis.of(indicator, series.getOrDefault(indicator.id(), List.of()));
            if (analysis.isEmpty()) {
                continue;
            }
            charted++;
            SeriesAnalysis a = analysis.get();
            points.addAll(points(partnershipId, a));
            int size = a.periods().size();
            for (Spc.Found f : a.signals()) {
                LocalDate period = a.periods().get(f.index());
                String key = key(indicator.id(), period, f.rule().name());
                present.add(key);
                live++;
                long id = jdbc.sql("""
                                insert into spc_signal (partnership_id, indicator_id, period_end, rule, direction,
                                                        explanation)
                                values (:p, :indicator, :period, :rule, :direction, :explanation)
                                on conflict (indicator_id, period_end, rule) do update
                                set direction = excluded.direction, explanation = excluded.explanation,
                                    detected_at = case when spc_signal.cleared_at is null then spc_signal.detected_at
                                                       else now() end,
                                    cleared_at = null
                                returning id""")
                        .param("p", partnershipId)
                        .param("indicator", indicator.id())
                        .param("period", period)
                        .param("rule", f.rule().name())
                        .param("direction", f.direction().name())
                        .param("explanation", a.explain(f))
                        .query(Long.class)
                        .single();
                Stored before = stored.get(key);
                if (before == null || !before.live()) {
                    detected++;
                    if (f.index() >= size - 2) {
                        events.publishEvent(new TaskRequested(
                                partnershipId,
                                "BUSINESS_TEAM",
                                null,
                                "Early-warning signal: " + indicator.name() + " "
                                        + Period.containing(a.frequency(), period)
                                                .label(),
                                "/performance/early-warning#" + indicator.code(),
                                due,
                                TASK_SOURCE,
                                String.valueOf(id)));
                    }
                }
            }
        }
        if (!indicators.isEmpty()) {
            jdbc.sql("delete from spc_point where partnership_id = :p and indicator_id in (:ids)")
                    .param("p", partnershipId)
                    .param("ids", List.copyOf(indicators.keySet()))
                    .update();
            batch.batchUpdate("""
                    insert into spc_point (indicator_id, partnership_id, period_end, value, centre, lower_limit,
                                           upper_limit, chart_kind, frequency, baseline_size, basis)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", points);
        }
        List<Long> clear = stored.entrySet().stream()
                .filter(e -> e.getValue().live() && !present.contains(e.getKey()))
                .map(e -> e.getValue().id())
                .toList();
        if (!clear.isEmpty()) {
            jdbc.sql("update spc_signal set cleared_at = now() where id in (:ids) and cleared_at is null")
                    .param("ids", clear)
                    .update();
            for (long id : clear) {
                events.publishEvent(new TaskResolved(partnershipId, TASK_SOURCE, String.valueOf(id)));
            }
        }
        log.debug(
                "Early warning for partnership {}: {} charts, {} new signals, {} cleared",
                partnershipId,
                charted,
                detected,
                clear.size());
        return new ScanResult(charted, detected, clear.size(), live);
    }

    /** Rescans the indicators a recompute changed, after its transaction committed. */
    @ApplicationModuleListener
    void on(IndicatorValuesChanged changed) {
        scan(changed.partnershipId(), changed.indicatorIds());
    }

    private static List<Object[]> points(long partnershipId, SeriesAnalysis a) {
        List<Object[]> rows = new ArrayList<>();
        ControlChart c = a.chart();
        for (int i = 0; i < c.size(); i++) {
            rows.add(new Object[] {
                a.indicator().id(),
                partnershipId,
                a.periods().get(i),
                c.value(i),
                c.centre(),
                c.lower(i),
                c.upper(i),
                c.kind().name(),
                a.frequency().name(),
                c.baselineSize(),
                a.basis()
            });
        }
        return rows;
    }

    private static String key(long indicatorId, LocalDate period, String rule) {
        return indicatorId + "|" + period + "|" + rule;
    }

    static IndicatorRow indicatorRow(ResultSet rs, int n) throws SQLException {
        return new IndicatorRow(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                Factor.valueOf(rs.getString("factor")),
                rs.getInt("decimals"),
                Polarity.valueOf(rs.getString("polarity")),
                Aggregation.valueOf(rs.getString("aggregation")),
                rs.getString("numerator"),
                rs.getString("denominator"));
    }

    static ValueRow valueRow(ResultSet rs, int n) throws SQLException {
        return new ValueRow(
                rs.getLong("indicator_id"),
                rs.getObject("period_end", LocalDate.class),
                rs.getBigDecimal("numerator"),
                rs.getBigDecimal("denominator"),
                rs.getBigDecimal("value"));
    }
}
