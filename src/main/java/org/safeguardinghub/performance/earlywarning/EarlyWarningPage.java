package org.safeguardinghub.performance.earlywarning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.IndicatorRow;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.StoredPoint;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the early-warning page shows: the partnership's current episodes (those reaching the latest periods), newest
 * first (paged), and the control chart the last scan drew for every indicator with one or with a recorded change
 * (so a re-based chart stays in view after its episode ended), with its recorded changes.
 * Partnership-level figures only (no agency data), a few queries whatever the number of indicators.
 */
@Component
@Transactional(readOnly = true)
public class EarlyWarningPage {

    static final int PAGE_SIZE = 25;

    /** A current episode as listed. */
    public record EpisodeRow(
            long id,
            int version,
            String code,
            String indicatorName,
            String since,
            String latest,
            Variation variation,
            Direction direction,
            String rules,
            String explanation,
            @Nullable String acknowledgedBy,
            @Nullable OffsetDateTime acknowledgedAt,
            @Nullable String cause,
            @Nullable String actionTaken,
            boolean charted) {

        public String variationLabel() {
            return variation.label(direction);
        }

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    public record View(PageResult<EpisodeRow> episodes, List<SpcFigure> figures) {}

    private final JdbcClient jdbc;
    private final EarlyWarning earlyWarning;

    EarlyWarningPage(JdbcClient jdbc, EarlyWarning earlyWarning) {
        this.jdbc = jdbc;
        this.earlyWarning = earlyWarning;
    }

    public View view(long partnershipId, int page) {
        Map<Long, IndicatorRow> indicators = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.id, i.code, i.name, v.factor, v.decimals, v.polarity, v.aggregation, v.numerator,
                               v.denominator
                        from indicator i
                        join indicator_version v on v.indicator_id = i.id and v.version_no = i.current_version
                        where i.partnership_id = :p and i.archived_at is null
                          and (exists (select 1 from spc_episode s where s.indicator_id = i.id and s.ended_at is null)
                               or exists (select 1 from spc_change c where c.indicator_id = i.id))
                        order by i.sort_order, i.name""")
                .param("p", partnershipId)
                .query(EarlyWarning::indicatorRow)
                .list()
                .forEach(i -> indicators.put(i.id(), i));
        Map<Long, Map<LocalDate, String>> changes = earlyWarning.changes(partnershipId);
        Map<Long, List<StoredPoint>> points = points(partnershipId, indicators.keySet());
        List<SpcFigure> figures = new ArrayList<>();
        Map<Long, Frequency> frequencies = new HashMap<>();
        for (IndicatorRow i : indicators.values()) {
            Map<LocalDate, String> changed = changes.getOrDefault(i.id(), Map.of());
            SeriesAnalysis.stored(i, points.getOrDefault(i.id(), List.of()), changed)
                    .ifPresent(a -> {
                        figures.add(SpcFigure.of(a));
                        frequencies.put(i.id(), a.frequency());
                    });
        }
        long total = jdbc.sql("select count(*) from spc_episode where partnership_id = :p and ended_at is null")
                .param("p", partnershipId)
                .query(Long.class)
                .single();
        int size = PAGE_SIZE;
        int current = Math.max(1, Math.min(page, (int) Math.max(1, (total + size - 1) / size)));
        List<EpisodeRow> rows = jdbc.sql(EPISODES + """
                         where s.partnership_id = :p and s.ended_at is null
                        order by s.last_period desc, i.sort_order, i.name, s.id
                        limit :size offset :offset""")
                .param("p", partnershipId)
                .param("size", size)
                .param("offset", PageResult.offset(current, size))
                .query((rs, n) -> row(rs, frequencies))
                .list();
        return new View(new PageResult<>(rows, current, size, total), figures);
    }

    private static final String EPISODES = """
            select s.id, s.version, s.indicator_id, s.started_on, s.last_period, s.variation, s.direction,
                   array_to_string(s.rules, ',') as rules, s.explanation, s.acknowledged_by_name,
                   s.acknowledged_at, s.cause, s.action_taken, i.code, i.name
              from spc_episode s
              join indicator i on i.id = s.indicator_id and i.partnership_id = s.partnership_id
            """;

    /** One current episode of the partnership (for the acknowledgement form), or empty. */
    public Optional<EpisodeRow> episode(long partnershipId, long episodeId) {
        Map<Long, Frequency> frequencies = new HashMap<>();
        jdbc.sql("""
                        select distinct p.indicator_id, p.frequency from spc_point p
                        join spc_episode s on s.indicator_id = p.indicator_id
                        where s.id = :id and p.partnership_id = :p""")
                .param("id", episodeId)
                .param("p", partnershipId)
                .query((rs, n) -> frequencies.put(rs.getLong(1), Frequency.valueOf(rs.getString(2))))
                .list();
        return jdbc.sql(EPISODES + " where s.partnership_id = :p and s.id = :id and s.ended_at is null")
                .param("p", partnershipId)
                .param("id", episodeId)
                .query((rs, n) -> row(rs, frequencies))
                .optional();
    }

    private static EpisodeRow row(java.sql.ResultSet rs, Map<Long, Frequency> frequencies)
            throws java.sql.SQLException {
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

    /** An indicator's charted periods (newest first), for recording a change. */
    public record Charted(
            long indicatorId, String code, String name, List<org.safeguardinghub.platform.web.Option> periods) {}

    public Optional<Charted> charted(long partnershipId, String code) {
        List<Object[]> rows = jdbc.sql("""
                        select i.id, i.name, p.period_end, p.frequency from indicator i
                        join spc_point p on p.indicator_id = i.id and p.partnership_id = i.partnership_id
                        where i.partnership_id = :p and i.code = :code and i.archived_at is null
                        order by p.period_end desc""")
                .param("p", partnershipId)
                .param("code", code)
                .query((rs, n) ->
                        new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)
                        })
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<org.safeguardinghub.platform.web.Option> periods = rows.stream()
                .map(r -> new org.safeguardinghub.platform.web.Option(
                        r[2].toString(),
                        Period.containing(Frequency.valueOf((String) r[3]), (LocalDate) r[2])
                                .label()))
                .toList();
        return Optional.of(new Charted((Long) rows.get(0)[0], code, (String) rows.get(0)[1], periods));
    }

    private Map<Long, List<StoredPoint>> points(long partnershipId, java.util.Set<Long> indicatorIds) {
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

    private static String rules(String names) {
        return Arrays.stream(names.split(","))
                .filter(s -> !s.isBlank())
                .map(s -> SpcRule.valueOf(s).label())
                .collect(Collectors.joining("; "));
    }
}
