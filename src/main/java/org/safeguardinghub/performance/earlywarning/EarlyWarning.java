package org.safeguardinghub.performance.earlywarning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.performance.IndicatorValuesChanged;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.IndicatorRow;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.ValueRow;
import org.safeguardinghub.performance.earlywarning.SpcRecords.Open;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early warning: statistical process control on each indicator's own partnership-level history, so the business
 * team hears about a change that ordinary variation would very rarely produce before it shows in a year-end report
 * (catalogue F16), following NHS England's "Making Data Count": XmR charts ({@link XmrChart}) with limits from a
 * fixed baseline, re-based only at a recorded change; the four MDC rules ({@link MdcRules}); and what they find
 * grouped into {@link Episode}s, whose lifecycle (start, one task, acknowledgement, end) this class keeps in
 * {@code spc_episode}.
 *
 * <p><b>A scan</b> reads each indicator's partnership totals (breakdown '' / ''), builds its chart when the latest
 * regular stretch of monthly or quarterly periods has at least {@value XmrChart#MIN_POINTS} points, and keeps the
 * stored episodes in step with the episodes that reach the latest {@value Episode#CURRENT_PERIODS} periods: a new
 * one is stored and raises one business-team task; one already stored (same direction, overlapping) is refreshed; a
 * stored one the latest periods no longer show ends and its task closes. Older history is drawn on the chart and
 * raises nothing. Scans run after every recompute of indicator values ({@link IndicatorValuesChanged}, after commit),
 * at demo start and after a change is recorded; concurrent scans of one partnership queue on an advisory lock. Each
 * scan also stores the chart it drew ({@code spc_point}), which the page shows.
 *
 * <p><b>What is charted.</b> An indicator whose value is the figure for the period is charted on its computed
 * values ({@code indicator_value}). One whose value is a total over several months (rolling 12 months, year to
 * date) is charted on the monthly figures behind it (its formula over the partnership's accepted monthly item
 * totals; a percentage as each month's percentage): consecutive rolling totals share eleven months, so charting them
 * would flag ordinary noise as runs and trends and blur real changes. A rolling rate over a population is not
 * charted. Scans read agency data values, so they run as the system (the listener, start-up) or as someone who sees
 * all agencies.
 */
@Service
public class EarlyWarning {

    static final String TASK_SOURCE = "indicator-episode";
    static final int TASK_DUE_WORKING_DAYS = 10;
    private static final Logger log = LoggerFactory.getLogger(EarlyWarning.class);

    private final SpcRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EarlyWarning(SpcRecords records, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    /** What a scan did: indicators charted, episodes started, episodes ended, episodes current after it. */
    public record ScanResult(int indicatorsCharted, int started, int ended, int current) {}

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
        records.lockScans(partnershipId);
        boolean all = indicatorIds == null;
        List<Long> ids = all ? List.of(-1L) : List.copyOf(indicatorIds);
        Map<Long, IndicatorRow> indicators = records.indicators(partnershipId, all, ids);
        Map<Long, List<ValueRow>> series = records.series(partnershipId, all, ids);
        Map<String, Map<LocalDate, BigDecimal>> totals = new HashMap<>();
        Set<String> monthlyItems = new HashSet<>();
        if (indicators.values().stream().anyMatch(IndicatorRow::cumulative)) {
            records.monthlyTotals(partnershipId, totals, monthlyItems);
        }
        Map<Long, Map<LocalDate, String>> changes = changes(partnershipId);
        List<Open> open = records.open(partnershipId, all, ids);

        LocalDate due = WorkingDayCalendar.england().addWorkingDays(LocalDate.now(clock), TASK_DUE_WORKING_DAYS);
        int charted = 0;
        int started = 0;
        int current = 0;
        Set<Long> kept = new HashSet<>();
        List<Object[]> points = new ArrayList<>();
        for (IndicatorRow indicator : indicators.values()) {
            List<ValueRow> own = series.getOrDefault(indicator.id(), List.of());
            Map<LocalDate, String> shown = new HashMap<>();
            own.forEach(v -> shown.put(v.periodEnd(), shown(indicator, v.value())));
            Map<LocalDate, String> changed = changes.getOrDefault(indicator.id(), Map.of());
            Optional<SeriesAnalysis> analysis = indicator.cumulative()
                    ? SeriesAnalysis.monthlyRows(indicator, totals, monthlyItems)
                            .flatMap(rows ->
                                    SeriesAnalysis.of(indicator, rows, SeriesAnalysis.MONTHLY_FIGURES, changed, shown))
                    : SeriesAnalysis.of(indicator, own, SeriesAnalysis.AS_COMPUTED, changed, shown);
            if (analysis.isEmpty()) {
                continue;
            }
            charted++;
            SeriesAnalysis a = analysis.get();
            points.addAll(points(partnershipId, a));
            int size = a.periods().size();
            for (Episode e : a.episodes()) {
                if (!e.current(size)) {
                    continue;
                }
                current++;
                if (keepEpisode(partnershipId, indicator, a, e, open, kept, due)) {
                    started++;
                }
            }
        }
        if (!indicators.isEmpty()) {
            records.replacePoints(partnershipId, indicators.keySet(), points);
        }
        List<Long> ended = endEpisodes(partnershipId, open, kept);
        log.debug(
                "Early warning for partnership {}: {} charts, {} episodes started, {} ended",
                partnershipId,
                charted,
                started,
                ended.size());
        return new ScanResult(charted, started, ended.size(), current);
    }

    /**
     * Keeps a current episode in step with the stored ones: refreshes the matching open one, or stores it as new
     * (raising a task when it is news). Adds the stored id to kept; true when the episode was stored as new.
     */
    private boolean keepEpisode(
            long partnershipId,
            IndicatorRow indicator,
            SeriesAnalysis a,
            Episode e,
            List<Open> open,
            Set<Long> kept,
            LocalDate due) {
        LocalDate from = a.periods().get(e.from());
        LocalDate to = a.periods().get(e.to());
        Variation variation = Variation.of(indicator.polarity(), e.direction());
        String rules = e.rules().stream().map(Enum::name).collect(Collectors.joining(","));
        Optional<Open> same = open.stream()
                .filter(o -> o.indicatorId() == indicator.id()
                        && o.direction() == e.direction()
                        && !kept.contains(o.id())
                        && !o.startedOn().isAfter(to)
                        && !o.lastPeriod().isBefore(from))
                .findFirst();
        if (same.isPresent()) {
            kept.add(same.get().id());
            records.refreshEpisode(same.get().id(), from, to, rules, a.explain(e), variation);
            return false;
        }
        long id = records.insertEpisode(
                partnershipId, indicator.id(), e.direction(), variation, from, to, rules, a.explain(e));
        kept.add(id);
        // history found all at once is recorded and shown, but raises no task
        if (e.news(a.periods().size())) {
            events.publishEvent(new TaskRequested(
                    partnershipId,
                    Audience.BUSINESS_TEAM.roleName(),
                    null,
                    taskTitle(indicator, variation, e.direction(), a.labels().get(e.from())),
                    "/performance/early-warning#" + indicator.code(),
                    due,
                    TASK_SOURCE,
                    String.valueOf(id)));
        }
        return true;
    }

    /** Ends the open episodes the scan did not keep and closes their tasks; returns their ids. */
    private List<Long> endEpisodes(long partnershipId, List<Open> open, Set<Long> kept) {
        List<Long> ended =
                open.stream().filter(o -> !kept.contains(o.id())).map(Open::id).toList();
        if (!ended.isEmpty()) {
            records.endEpisodes(ended);
            for (long id : ended) {
                events.publishEvent(new TaskResolved(partnershipId, TASK_SOURCE, String.valueOf(id)));
            }
        }
        return ended;
    }

    /** "Early warning: special cause concern (higher) in Missing episodes since Jun 2026". */
    static String taskTitle(IndicatorRow indicator, Variation variation, Direction direction, String since) {
        String words = variation.label(direction);
        return "Early warning: " + Character.toLowerCase(words.charAt(0)) + words.substring(1) + " in "
                + indicator.name() + " since " + since;
    }

    /** Recorded changes by indicator: the period end of the first point after each, with its reason. */
    Map<Long, Map<LocalDate, String>> changes(long partnershipId) {
        return records.changes(partnershipId);
    }

    /** A value as the scorecard shows it: grouped thousands, the indicator's decimals and unit. */
    static String shown(IndicatorRow indicator, BigDecimal value) {
        return String.format(java.util.Locale.UK, "%,." + indicator.decimals() + "f", value)
                + indicator.factor().unit();
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
                c.centre(i),
                c.lower(i),
                c.upper(i),
                c.sigma(i),
                a.frequency().name(),
                c.phaseOf(i).baselineSize() > 0
                        ? c.phaseOf(i).baselineSize()
                        : c.phaseOf(c.phaseOf(i).from() - 1).baselineSize(),
                a.basis()
            });
        }
        return rows;
    }
}
