package org.safeguardinghub.performance.earlywarning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Factor;
import org.safeguardinghub.performance.catalogue.Polarity;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.IndicatorRow;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.ValueRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an early-warning scan reads and writes: the indicators and their partnership-level values, accepted monthly
 * totals for cumulative indicators, recorded process changes, and the stored episodes ({@code spc_episode}) and
 * chart points ({@code spc_point}) the scan keeps in step. Where a query is limited to some indicators, {@code all}
 * true means every indicator and {@code ids} is then ignored.
 */
@Repository
class SpcRecords {

    /** A stored episode not yet ended. */
    record Open(long id, long indicatorId, Direction direction, LocalDate startedOn, LocalDate lastPeriod) {}

    /** The columns {@link #indicatorRow} reads: an indicator with its current definition. */
    static final String INDICATOR_SELECT = """
            select i.id, i.code, i.name, v.factor, v.decimals, v.polarity, v.aggregation, v.numerator,
                   v.denominator
            from indicator i
            join indicator_version v on v.indicator_id = i.id and v.version_no = i.current_version
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    SpcRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Serialises scans of one partnership until the transaction ends. */
    void lockScans(long partnershipId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('spc_signal'), cast(:p as int))")
                .param("p", (int) partnershipId)
                .query((rs, n) -> 1)
                .list();
    }

    /** The partnership's active indicators (those in ids unless all), in scorecard order. */
    Map<Long, IndicatorRow> indicators(long partnershipId, boolean all, List<Long> ids) {
        Map<Long, IndicatorRow> indicators = new LinkedHashMap<>();
        jdbc.sql(INDICATOR_SELECT + """
                         where i.partnership_id = :p and i.archived_at is null and (:all or i.id in (:ids))
                        order by i.sort_order, i.name""")
                .param("p", partnershipId)
                .param("all", all)
                .param("ids", ids)
                .query(SpcRecords::indicatorRow)
                .list()
                .forEach(i -> indicators.put(i.id(), i));
        return indicators;
    }

    /** Partnership-level computed values by indicator, in period order. */
    Map<Long, List<ValueRow>> series(long partnershipId, boolean all, List<Long> ids) {
        Map<Long, List<ValueRow>> series = new HashMap<>();
        jdbc.sql("""
                        select indicator_id, period_end, numerator, denominator, value from indicator_value
                        where partnership_id = :p and breakdown_kind = '' and breakdown_value = '' and value is not null
                          and (:all or indicator_id in (:ids))
                        order by indicator_id, period_end""")
                .param("p", partnershipId)
                .param("all", all)
                .param("ids", ids)
                .query(SpcRecords::valueRow)
                .list()
                .forEach(v -> series.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>())
                        .add(v));
        return series;
    }

    /**
     * Fills totals and monthlyItems with the partnership totals of accepted monthly counts, for the indicators that
     * are totals over several months.
     */
    void monthlyTotals(long partnershipId, Map<String, Map<LocalDate, BigDecimal>> totals, Set<String> monthlyItems) {
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

    /** The stored episodes not yet ended (of the indicators in ids unless all). */
    List<Open> open(long partnershipId, boolean all, List<Long> ids) {
        return jdbc.sql("""
                        select id, indicator_id, direction, started_on, last_period from spc_episode
                        where partnership_id = :p and ended_at is null and (:all or indicator_id in (:ids))""")
                .param("p", partnershipId)
                .param("all", all)
                .param("ids", ids)
                .query((rs, n) -> new Open(
                        rs.getLong("id"),
                        rs.getLong("indicator_id"),
                        Direction.valueOf(rs.getString("direction")),
                        rs.getObject("started_on", LocalDate.class),
                        rs.getObject("last_period", LocalDate.class)))
                .list();
    }

    /** Widens a stored episode to the scan's view of it; {@code rules} are rule names joined by commas. */
    void refreshEpisode(
            long episodeId, LocalDate from, LocalDate to, String rules, String explanation, Variation variation) {
        jdbc.sql("""
                        update spc_episode set started_on = least(started_on, :from), last_period = :to,
                            rules = string_to_array(:rules, ','), explanation = :explanation,
                            variation = :variation
                        where id = :id""")
                .param("from", from)
                .param("to", to)
                .param("rules", rules)
                .param("explanation", explanation)
                .param("variation", variation.name())
                .param("id", episodeId)
                .update();
    }

    /** Stores a new episode and returns its id; {@code rules} are rule names joined by commas. */
    long insertEpisode(
            long partnershipId,
            long indicatorId,
            Direction direction,
            Variation variation,
            LocalDate from,
            LocalDate to,
            String rules,
            String explanation) {
        return jdbc.sql("""
                        insert into spc_episode (partnership_id, indicator_id, direction, variation,
                                                 started_on, last_period, rules, explanation)
                        values (:p, :indicator, :direction, :variation, :from, :to,
                                string_to_array(:rules, ','), :explanation)
                        returning id""")
                .param("p", partnershipId)
                .param("indicator", indicatorId)
                .param("direction", direction.name())
                .param("variation", variation.name())
                .param("from", from)
                .param("to", to)
                .param("rules", rules)
                .param("explanation", explanation)
                .query(Long.class)
                .single();
    }

    /** Replaces the stored chart points of these indicators (each point in the column order of the insert). */
    void replacePoints(long partnershipId, Collection<Long> indicatorIds, List<Object[]> points) {
        jdbc.sql("delete from spc_point where partnership_id = :p and indicator_id in (:ids)")
                .param("p", partnershipId)
                .param("ids", List.copyOf(indicatorIds))
                .update();
        batch.batchUpdate("""
                insert into spc_point (indicator_id, partnership_id, period_end, value, centre, lower_limit,
                                       upper_limit, sigma, chart_kind, frequency, baseline_size, basis)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'XMR', ?, ?, ?)""", points);
    }

    void endEpisodes(List<Long> episodeIds) {
        jdbc.sql("update spc_episode set ended_at = now() where id in (:ids) and ended_at is null")
                .param("ids", episodeIds)
                .update();
    }

    /** Recorded changes by indicator: the period end of the first point after each, with its reason. */
    Map<Long, Map<LocalDate, String>> changes(long partnershipId) {
        Map<Long, Map<LocalDate, String>> changes = new HashMap<>();
        jdbc.sql("select indicator_id, period_end, reason from spc_change where partnership_id = :p")
                .param("p", partnershipId)
                .query((rs, n) -> changes.computeIfAbsent(rs.getLong("indicator_id"), k -> new HashMap<>())
                        .put(rs.getObject("period_end", LocalDate.class), rs.getString("reason")))
                .list();
        return changes;
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
