package org.safeguardinghub.performance.earlywarning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.earlywarning.EarlyWarningPage.EpisodeRow;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.IndicatorRow;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.StoredPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the early-warning page reads from the last scan: the indicators with a current episode or a recorded
 * change, their stored chart points, and current episodes as listed rows. An episode's periods are labelled with
 * its indicator's charted frequency (monthly when it has no stored chart), which the caller passes in by indicator.
 */
@Repository
class SpcViewRecords {

    /** One charted period of an indicator, newest first when listed. */
    record ChartedPeriod(long indicatorId, String name, LocalDate periodEnd, Frequency frequency) {}

    private static final String EPISODES = """
            select s.id, s.version, s.indicator_id, s.started_on, s.last_period, s.variation, s.direction,
                   array_to_string(s.rules, ',') as rules, s.explanation, s.acknowledged_by_name,
                   s.acknowledged_at, s.cause, s.action_taken, i.code, i.name
              from spc_episode s
              join indicator i on i.id = s.indicator_id and i.partnership_id = s.partnership_id
            """;

    private final JdbcClient jdbc;

    SpcViewRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active indicators with a current episode or a recorded change, in scorecard order. */
    Map<Long, IndicatorRow> chartedIndicators(long partnershipId) {
        Map<Long, IndicatorRow> indicators = new LinkedHashMap<>();
        jdbc.sql(SpcRecords.INDICATOR_SELECT + """
                         where i.partnership_id = :p and i.archived_at is null
                          and (exists (select 1 from spc_episode s where s.indicator_id = i.id and s.ended_at is null)
                               or exists (select 1 from spc_change c where c.indicator_id = i.id))
                        order by i.sort_order, i.name""")
                .param("p", partnershipId)
                .query(SpcRecords::indicatorRow)
                .list()
                .forEach(i -> indicators.put(i.id(), i));
        return indicators;
    }

    long currentEpisodeCount(long partnershipId) {
        return jdbc.sql("select count(*) from spc_episode where partnership_id = :p and ended_at is null")
                .param("p", partnershipId)
                .query(Long.class)
                .single();
    }

    /** One page of current episodes, latest period first. */
    List<EpisodeRow> currentEpisodes(long partnershipId, int size, int offset, Map<Long, Frequency> frequencies) {
        return jdbc.sql(EPISODES + """
                         where s.partnership_id = :p and s.ended_at is null
                        order by s.last_period desc, i.sort_order, i.name, s.id
                        limit :size offset :offset""")
                .param("p", partnershipId)
                .param("size", size)
                .param("offset", offset)
                .query((rs, n) -> row(rs, frequencies))
                .list();
    }

    /** The charted frequency of the episode's indicator, by indicator id (empty when it has no stored chart). */
    Map<Long, Frequency> episodeFrequencies(long partnershipId, long episodeId) {
        Map<Long, Frequency> frequencies = new HashMap<>();
        jdbc.sql("""
                        select distinct p.indicator_id, p.frequency from spc_point p
                        join spc_episode s on s.indicator_id = p.indicator_id
                        where s.id = :id and p.partnership_id = :p""")
                .param("id", episodeId)
                .param("p", partnershipId)
                .query((rs, n) -> frequencies.put(rs.getLong(1), Frequency.valueOf(rs.getString(2))))
                .list();
        return frequencies;
    }

    Optional<EpisodeRow> currentEpisode(long partnershipId, long episodeId, Map<Long, Frequency> frequencies) {
        return jdbc.sql(EPISODES + " where s.partnership_id = :p and s.id = :id and s.ended_at is null")
                .param("p", partnershipId)
                .param("id", episodeId)
                .query((rs, n) -> row(rs, frequencies))
                .optional();
    }

    /** The charted periods of an active indicator, newest first (empty when it has no chart). */
    List<ChartedPeriod> chartedPeriods(long partnershipId, String code) {
        return jdbc.sql("""
                        select i.id, i.name, p.period_end, p.frequency from indicator i
                        join spc_point p on p.indicator_id = i.id and p.partnership_id = i.partnership_id
                        where i.partnership_id = :p and i.code = :code and i.archived_at is null
                        order by p.period_end desc""")
                .param("p", partnershipId)
                .param("code", code)
                .query((rs, n) -> new ChartedPeriod(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        Frequency.valueOf(rs.getString(4))))
                .list();
    }

    /** The stored chart points of these indicators, by indicator, in period order. */
    Map<Long, List<StoredPoint>> points(long partnershipId, Set<Long> indicatorIds) {
        Map<Long, List<StoredPoint>> points = new HashMap<>();
        if (indicatorIds.isEmpty()) {
            return points;
        }
        jdbc.sql("""
                        select indicator_id, period_end, value, centre, lower_limit, upper_limit, sigma, frequency,
                               baseline_size, basis
                        from spc_point where partnership_id = :p and indicator_id in (:ids)
                        order by indicator_id, period_end""")
                .param("p", partnershipId)
                .param("ids", List.copyOf(indicatorIds))
                .query((rs, n) -> new StoredPoint(
                        rs.getLong("indicator_id"),
                        rs.getObject("period_end", LocalDate.class),
                        rs.getDouble("value"),
                        rs.getDouble("centre"),
                        rs.getDouble("lower_limit"),
                        rs.getDouble("upper_limit"),
                        rs.getDouble("sigma"),
                        Frequency.valueOf(rs.getString("frequency")),
                        rs.getInt("baseline_size"),
                        rs.getString("basis")))
                .list()
                .forEach(p -> points.computeIfAbsent(p.indicatorId(), k -> new ArrayList<>())
                        .add(p));
        return points;
    }

    private static EpisodeRow row(ResultSet rs, Map<Long, Frequency> frequencies) throws SQLException {
        long indicatorId = rs.getLong("indicator_id");
        Frequency frequency = frequencies.getOrDefault(indicatorId, Frequency.MONTHLY);
        return new EpisodeRow(
                rs.getLong("id"),
                rs.getInt("version"),
                rs.getString("code"),
                rs.getString("name"),
                Period.containing(frequency, rs.getObject("started_on", LocalDate.class))
                        .label(),
                Period.containing(frequency, rs.getObject("last_period", LocalDate.class))
                        .label(),
                Variation.valueOf(rs.getString("variation")),
                Direction.valueOf(rs.getString("direction")),
                rules(rs.getString("rules")),
                rs.getString("explanation"),
                rs.getString("acknowledged_by_name"),
                rs.getObject("acknowledged_at", OffsetDateTime.class),
                rs.getString("cause"),
                rs.getString("action_taken"),
                frequencies.containsKey(indicatorId));
    }

    private static String rules(String names) {
        return Arrays.stream(names.split(","))
                .filter(s -> !s.isBlank())
                .map(s -> SpcRule.valueOf(s).label())
                .collect(Collectors.joining("; "));
    }
}
