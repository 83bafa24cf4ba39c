package org.safeguardinghub.performance.scorecard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.CatalogueRecords;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.performance.scorecard.PerformanceData.BreakdownPoint;
import org.safeguardinghub.performance.scorecard.PerformanceData.Commentary;
import org.safeguardinghub.performance.scorecard.PerformanceData.ItemSource;
import org.safeguardinghub.performance.scorecard.PerformanceData.Point;
import org.safeguardinghub.performance.scorecard.PerformanceData.Signal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scorecard's queries, one per table for a whole page: indicator definitions with all their versions, computed
 * indicator values, commentary, open early-warning episodes and the data items' sources, and the insert of a
 * commentary. Indicator values are partnership-level aggregates (no agency detail), so every query is scoped by the
 * partnership only. The rows are the records {@link PerformanceData} hands to the pages.
 */
@Repository
class ScorecardRecords {

    private final JdbcClient jdbc;

    ScorecardRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version of the partnership's active indicators, in catalogue order then version order. */
    List<DefinitionRow> definitions(long partnershipId) {
        return jdbc.sql(DEFINITIONS + " and i.partnership_id = :p order by i.sort_order, i.name, i.id, v.version_no")
                .param("p", partnershipId)
                .query(ScorecardRecords::definitionRow)
                .list();
    }

    /** Every version of one active indicator, oldest first. */
    List<DefinitionRow> definitions(long partnershipId, String code) {
        return jdbc.sql(DEFINITIONS + " and i.partnership_id = :p and i.code = :c order by v.version_no")
                .param("p", partnershipId)
                .param("c", code)
                .query(ScorecardRecords::definitionRow)
                .list();
    }

    private static final String DEFINITIONS = """
            select i.id as indicator_id, i.partnership_id, i.code, i.name, i.current_version, i.sort_order,
                   v.version_no, v.numerator, v.numerator_description, v.denominator, v.denominator_description,
                   v.factor, v.aggregation, v.decimals, v.polarity, v.target, v.green_from, v.red_from,
                   v.benchmark_england, v.benchmark_region, v.benchmark_neighbours, v.priorities, v.owner_group,
                   v.methodology, v.effective_from, v.history_recomputed_at is not null as history_recomputed
              from indicator i join indicator_version v on v.indicator_id = i.id
             where i.archived_at is null
            """;

    /** One version of an indicator, with the indicator's current version number. */
    record DefinitionRow(IndicatorDefinition definition, int currentVersion) {}

    private static DefinitionRow definitionRow(ResultSet rs, int row) throws SQLException {
        return new DefinitionRow(CatalogueRecords.definition(rs, row), rs.getInt("current_version"));
    }

    /**
     * The newest {@code limit} values at or before {@code upTo} (any date when null) of each active indicator of the
     * partnership for one breakdown value ('' and '' for the totals), oldest first, by indicator id. One backward
     * walk of the primary key per indicator, so the cost does not grow with the years of history kept. The values
     * are scoped through the partnership's own indicators; a partnership condition on the values themselves would
     * let the planner walk the (partnership, period) index instead, reading every breakdown of every indicator.
     */
    Map<Long, List<Point>> recentValues(
            long partnershipId, String kind, String category, @Nullable LocalDate upTo, int limit) {
        return pointsByIndicator(jdbc.sql("""
                        select i.id as indicator_id, v.period_end, v.version_no, v.numerator, v.denominator, v.value,
                               v.first_value, v.fictional
                          from indicator i
                         cross join lateral (
                               select w.period_end, w.version_no, w.numerator, w.denominator, w.value, w.first_value,
                                      w.fictional
                                 from indicator_value w
                                where w.indicator_id = i.id and w.breakdown_kind = :k and w.breakdown_value = :v
                                  and w.period_end <= :upTo
                                order by w.period_end desc
                                limit :n) v
                         where i.partnership_id = :p and i.archived_at is null
                         order by i.id, v.period_end
                        """)
                .param("p", partnershipId)
                .param("k", kind)
                .param("v", category)
                .param("upTo", upTo == null ? NO_LIMIT : upTo)
                .param("n", limit));
    }

    /** Stands for "no upper bound" on a period end, so the query keeps one shape its index can serve. */
    private static final LocalDate NO_LIMIT = LocalDate.of(9999, 12, 31);

    /** The totals of every indicator of the partnership at the given period ends, oldest first, by indicator id. */
    Map<Long, List<Point>> totalsAt(long partnershipId, List<LocalDate> periodEnds) {
        if (periodEnds.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return pointsByIndicator(jdbc.sql("""
                        select indicator_id, period_end, version_no, numerator, denominator, value, first_value,
                               fictional
                          from indicator_value
                         where partnership_id = :p and breakdown_kind = '' and breakdown_value = ''
                           and period_end in (:ends)
                         order by indicator_id, period_end
                        """).param("p", partnershipId).param("ends", periodEnds));
    }

    /** Runs a query of values with an {@code indicator_id} column and groups its points by indicator, in order. */
    private static Map<Long, List<Point>> pointsByIndicator(JdbcClient.StatementSpec query) {
        Map<Long, List<Point>> byIndicator = new LinkedHashMap<>();
        query.query((rs, n) -> {
                    byIndicator
                            .computeIfAbsent(rs.getLong("indicator_id"), k -> new ArrayList<>())
                            .add(point(rs));
                    return null;
                })
                .list();
        return byIndicator;
    }

    /** One indicator's values for one breakdown value ('' and '' for the totals), oldest first. */
    List<Point> series(long partnershipId, long indicatorId, String kind, String category) {
        return jdbc.sql("""
                        select period_end, version_no, numerator, denominator, value, first_value, fictional
                          from indicator_value
                         where partnership_id = :p and indicator_id = :i and breakdown_kind = :k
                           and breakdown_value = :v
                         order by period_end
                        """)
                .param("p", partnershipId)
                .param("i", indicatorId)
                .param("k", kind)
                .param("v", category)
                .query((rs, n) -> point(rs))
                .list();
    }

    /**
     * One indicator's breakdown values at each breakdown's latest period: the latest period of each kind is found
     * once (not once per row), then only that period's rows are read.
     */
    List<BreakdownPoint> latestBreakdowns(long partnershipId, long indicatorId) {
        return jdbc.sql("""
                        with latest as (
                            select breakdown_kind, max(period_end) as period_end
                              from indicator_value
                             where indicator_id = :i and breakdown_kind <> ''
                             group by breakdown_kind)
                        select v.breakdown_kind, v.breakdown_value, v.period_end, v.version_no, v.numerator,
                               v.denominator, v.value, v.first_value, v.fictional
                          from latest l
                          join indicator_value v
                            on v.indicator_id = :i and v.breakdown_kind = l.breakdown_kind
                           and v.period_end = l.period_end
                         where v.partnership_id = :p
                         order by v.breakdown_kind, v.breakdown_value
                        """)
                .param("p", partnershipId)
                .param("i", indicatorId)
                .query((rs, n) ->
                        new BreakdownPoint(rs.getString("breakdown_kind"), rs.getString("breakdown_value"), point(rs)))
                .list();
    }

    /**
     * Indicators that have any value by district: one primary-key probe per indicator of the partnership (no
     * partnership condition on the values, for the same reason as in {@link #recentValues}).
     */
    List<Long> indicatorsWithDistricts(long partnershipId) {
        return jdbc.sql("""
                        select i.id from indicator i
                         where i.partnership_id = :p
                           and exists (select 1 from indicator_value v
                                        where v.indicator_id = i.id and v.breakdown_kind = 'DISTRICT')
                        """).param("p", partnershipId).query(Long.class).list();
    }

    private static Point point(ResultSet rs) throws SQLException {
        return new Point(
                rs.getObject("period_end", LocalDate.class),
                rs.getInt("version_no"),
                rs.getBigDecimal("numerator"),
                rs.getBigDecimal("denominator"),
                rs.getBigDecimal("value"),
                rs.getBigDecimal("first_value"),
                rs.getBoolean("fictional"));
    }

    /**
     * Period ends that have any indicator total, newest first (at most 120): served by the partial index on the
     * totals (V5_0), so it reads one value in thirteen of the partnership's, not every breakdown value too.
     */
    List<LocalDate> periodEnds(long partnershipId) {
        return jdbc.sql("""
                        select distinct period_end from indicator_value
                         where partnership_id = :p and breakdown_kind = '' order by period_end desc limit 120
                        """).param("p", partnershipId).query(LocalDate.class).list();
    }

    /** The latest commentary of each indicator and period. */
    Map<Long, Map<LocalDate, Commentary>> latestCommentary(long partnershipId) {
        Map<Long, Map<LocalDate, Commentary>> result = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct on (c.indicator_id, c.period_end) c.id, c.indicator_id, c.period_end,
                               a.name as agency_name, c.body, c.written_by_name, c.written_at
                          from indicator_commentary c left join agency_view a on a.id = c.agency_id
                         where c.partnership_id = :p
                         order by c.indicator_id, c.period_end, c.written_at desc, c.id desc
                        """)
                .param("p", partnershipId)
                .query(ScorecardRecords::commentary)
                .list()
                .forEach(c -> result.computeIfAbsent(c.indicatorId(), k -> new LinkedHashMap<>())
                        .put(c.periodEnd(), c));
        return result;
    }

    /** Every commentary on one indicator, newest first. */
    List<Commentary> commentaryHistory(long partnershipId, long indicatorId) {
        return jdbc.sql("""
                        select c.id, c.indicator_id, c.period_end, a.name as agency_name, c.body, c.written_by_name,
                               c.written_at
                          from indicator_commentary c left join agency_view a on a.id = c.agency_id
                         where c.partnership_id = :p and c.indicator_id = :i
                         order by c.period_end desc, c.written_at desc, c.id desc
                        """)
                .param("p", partnershipId)
                .param("i", indicatorId)
                .query(ScorecardRecords::commentary)
                .list();
    }

    private static Commentary commentary(ResultSet rs, int row) throws SQLException {
        return new Commentary(
                rs.getLong("id"),
                rs.getLong("indicator_id"),
                rs.getObject("period_end", LocalDate.class),
                rs.getString("agency_name"),
                rs.getString("body"),
                rs.getString("written_by_name"),
                rs.getObject("written_at", OffsetDateTime.class));
    }

    /**
     * The newest current early-warning episode of each indicator: one the latest periods still show (an episode that
     * ended tags nothing). {@code rule} holds its "Making Data Count" variation (CONCERN, IMPROVEMENT, NEITHER).
     */
    Map<Long, Signal> openSignals(long partnershipId) {
        Map<Long, Signal> result = new LinkedHashMap<>();
        jdbc.sql("""
                        select indicator_id, last_period as period_end, variation as rule, direction, explanation
                          from spc_episode
                         where partnership_id = :p and ended_at is null
                         order by indicator_id, last_period desc, id desc
                        """)
                .param("p", partnershipId)
                .query((rs, n) -> new Signal(
                        rs.getLong("indicator_id"),
                        rs.getObject("period_end", LocalDate.class),
                        rs.getString("rule"),
                        rs.getString("direction"),
                        rs.getString("explanation")))
                .list()
                .forEach(s -> result.putIfAbsent(s.indicatorId(), s));
        return result;
    }

    /** Every data item of the partnership (archived ones too: old formulas may read them), by code. */
    Map<String, ItemSource> items(long partnershipId) {
        Map<String, ItemSource> result = new LinkedHashMap<>();
        jdbc.sql("select code, frequency, source_agency_id from data_item where partnership_id = :p")
                .param("p", partnershipId)
                .query((rs, n) -> new ItemSource(
                        rs.getString("code"),
                        Frequency.valueOf(rs.getString("frequency")),
                        rs.getObject("source_agency_id", Long.class)))
                .list()
                .forEach(i -> result.put(i.code(), i));
        return result;
    }

    /** Stores a commentary for one period of an indicator and returns its id. */
    long insertCommentary(
            long partnershipId,
            long indicatorId,
            @Nullable Long agencyId,
            LocalDate periodEnd,
            String body,
            String writtenBy) {
        return jdbc.sql("""
                        insert into indicator_commentary
                               (partnership_id, indicator_id, agency_id, period_end, body, written_by_name)
                        values (:p, :i, :a, :e, :b, :w) returning id
                        """)
                .param("p", partnershipId)
                .param("i", indicatorId)
                .param("a", agencyId)
                .param("e", periodEnd)
                .param("b", body)
                .param("w", writtenBy)
                .query(Long.class)
                .single();
    }
}
