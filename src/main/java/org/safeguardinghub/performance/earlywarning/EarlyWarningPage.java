package org.safeguardinghub.performance.earlywarning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.catalogue.Polarity;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.IndicatorRow;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.StoredPoint;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the early-warning page shows: the partnership's live signals, newest period first (paged), and the control
 * chart the last scan drew for every indicator with a live signal. Partnership-level figures only (no agency data),
 * four queries whatever the number of indicators.
 */
@Component
@Transactional(readOnly = true)
class EarlyWarningPage {

    static final int PAGE_SIZE = 25;

    /** A live signal as listed. */
    record SignalRow(
            long id,
            String code,
            String indicatorName,
            String period,
            SpcRule rule,
            Direction direction,
            Wording.Reading reading,
            String explanation,
            boolean charted) {}

    record View(PageResult<SignalRow> signals, List<SpcFigure> figures) {}

    private final JdbcClient jdbc;

    EarlyWarningPage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    View view(long partnershipId, int page) {
        Map<Long, IndicatorRow> indicators = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.id, i.code, i.name, v.factor, v.decimals, v.polarity, v.aggregation, v.numerator,
                               v.denominator
                        from indicator i
                        join indicator_version v on v.indicator_id = i.id and v.version_no = i.current_version
                        where i.partnership_id = :p and i.archived_at is null
                          and exists (select 1 from spc_signal s where s.indicator_id = i.id and s.cleared_at is null)
                        order by i.sort_order, i.name""")
                .param("p", partnershipId)
                .query(EarlyWarning::indicatorRow)
                .list()
                .forEach(i -> indicators.put(i.id(), i));
        Map<Long, List<StoredPoint>> points = new HashMap<>();
        if (!indicators.isEmpty()) {
            jdbc.sql("""
                            select indicator_id, period_end, value, centre, lower_limit, upper_limit, chart_kind,
                                   frequency, baseline_size, basis
                            from spc_point where partnership_id = :p and indicator_id in (:ids)
                            order by indicator_id, period_end""")
                    .param("p", partnershipId)
                    .param("ids", List.copyOf(indicators.keySet()))
                    .query((rs, n) -> new StoredPoint(
                            rs.getLong("indicator_id"),
                            rs.getObject("period_end", LocalDate.class),
                            rs.getDouble("value"),
                            rs.getDouble("centre"),
                            rs.getDouble("lower_limit"),
                            rs.getDouble("upper_limit"),
                            ControlChart.Kind.valueOf(rs.getString("chart_kind")),
                            Frequency.valueOf(rs.getString("frequency")),
                            rs.getInt("baseline_size"),
                            rs.getString("basis")))
                    .list()
                    .forEach(p -> points.computeIfAbsent(p.indicatorId(), k -> new ArrayList<>())
                            .add(p));
        }
        List<SpcFigure> figures = new ArrayList<>();
        Map<Long, Frequency> frequencies = new HashMap<>();
        for (IndicatorRow i : indicators.values()) {
            SeriesAnalysis.stored(i, points.getOrDefault(i.id(), List.of())).ifPresent(a -> {
                figures.add(SpcFigure.of(a));
                frequencies.put(i.id(), a.frequency());
            });
        }
        long total = jdbc.sql("select count(*) from spc_signal where partnership_id = :p and cleared_at is null")
                .param("p", partnershipId)
                .query(Long.class)
                .single();
        int size = PAGE_SIZE;
        int current = Math.max(1, Math.min(page, (int) Math.max(1, (total + size - 1) / size)));
        List<SignalRow> rows = jdbc.sql("""
                        select s.id, s.indicator_id, s.period_end, s.rule, s.direction, s.explanation,
                               i.code, i.name, v.polarity
                        from spc_signal s
                        join indicator i on i.id = s.indicator_id and i.partnership_id = s.partnership_id
                        join indicator_version v on v.indicator_id = i.id and v.version_no = i.current_version
                        where s.partnership_id = :p and s.cleared_at is null
                        order by s.period_end desc, i.sort_order, i.name, s.rule
                        limit :size offset :offset""")
                .param("p", partnershipId)
                .param("size", size)
                .param("offset", PageResult.offset(current, size))
                .query((rs, n) -> {
                    long indicatorId = rs.getLong("indicator_id");
                    Frequency frequency = frequencies.getOrDefault(indicatorId, Frequency.MONTHLY);
                    Direction direction = Direction.valueOf(rs.getString("direction"));
                    return new SignalRow(
                            rs.getLong("id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            Period.containing(frequency, rs.getObject("period_end", LocalDate.class))
                                    .label(),
                            SpcRule.valueOf(rs.getString("rule")),
                            direction,
                            Wording.reading(Polarity.valueOf(rs.getString("polarity")), direction),
                            rs.getString("explanation"),
                            frequencies.containsKey(indicatorId));
                })
                .list();
        return new View(new PageResult<>(rows, current, size, total), figures);
    }
}
