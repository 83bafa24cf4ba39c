package org.safeguardinghub.performance.compute;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the indicator calculator reads and writes: the accepted and published item totals it computes from, the
 * indicators' current version numbers and archived ids, and the computed rows of {@code indicator_value}. A run
 * upserts its rows stamped with one database time, then deletes the rows of the same indicators stamped earlier.
 */
@Repository
class IndicatorValueRecords {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    IndicatorValueRecords(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** The database's time, stamped on every row of one run. */
    Timestamp now() {
        return jdbc.sql("select now()").query(Timestamp.class).single();
    }

    /** Each indicator's current version number, by indicator id. */
    Map<Long, Integer> currentVersions(long partnershipId) {
        Map<Long, Integer> current = new HashMap<>();
        jdbc.sql("select id, current_version from indicator where partnership_id = :p")
                .param("p", partnershipId)
                .query((rs, n) -> current.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return current;
    }

    Set<Long> archivedIndicatorIds(long partnershipId) {
        return new HashSet<>(jdbc.sql("select id from indicator where partnership_id = :p and archived_at is not null")
                .param("p", partnershipId)
                .query(Long.class)
                .list());
    }

    /** Puts into {@code series} the partnership's published and accepted totals of its active items. */
    void loadAcceptedTotals(long partnershipId, IndicatorCalculator.Series series) {
        jdbc.sql("""
                        select i.code, v.breakdown_kind, v.breakdown_value, v.period_end, sum(v.value) as value,
                               sum(coalesce(v.first_value, v.value)) as first_value, bool_or(v.fictional) as fictional
                        from data_value v join data_item i on i.id = v.data_item_id
                        left join data_return r on r.id = v.return_id
                        where v.partnership_id = :p and i.partnership_id = :p and i.archived_at is null
                          and (v.source = 'PUBLISHED' or r.status = 'ACCEPTED')
                        group by i.code, v.breakdown_kind, v.breakdown_value, v.period_end""")
                .param("p", partnershipId)
                .query((rs, n) -> {
                    series.put(
                            rs.getString("code"),
                            new IndicatorCalculator.Series.Key(
                                    rs.getString("breakdown_kind"), rs.getString("breakdown_value")),
                            rs.getObject("period_end", LocalDate.class),
                            rs.getBigDecimal("value"),
                            rs.getBigDecimal("first_value"),
                            rs.getBoolean("fictional"));
                    return null;
                })
                .list();
    }

    /** Inserts or replaces computed values; each row names every column of {@code indicator_value}. */
    void upsertValues(List<MapSqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return;
        }
        named.batchUpdate("""
                        insert into indicator_value (indicator_id, partnership_id, period_end, breakdown_kind,
                            breakdown_value, version_no, numerator, denominator, value, first_value, fictional,
                            computed_at)
                        values (:indicator, :partnership, :periodEnd, :kind, :value_, :versionNo, :numerator,
                            :denominator, :value, :firstValue, :fictional, :stamp)
                        on conflict (indicator_id, breakdown_kind, breakdown_value, period_end) do update set
                            version_no = excluded.version_no, numerator = excluded.numerator,
                            denominator = excluded.denominator, value = excluded.value,
                            first_value = excluded.first_value, fictional = excluded.fictional,
                            computed_at = excluded.computed_at""", rows.toArray(new MapSqlParameterSource[0]));
    }

    /** Deletes the indicators' values that the run stamped {@code stamp} did not write. */
    void deleteOlderThan(long partnershipId, Set<Long> indicatorIds, Timestamp stamp) {
        jdbc.sql("""
                        delete from indicator_value
                        where partnership_id = :p and indicator_id in (:ids) and computed_at < :stamp""")
                .param("p", partnershipId)
                .param("ids", indicatorIds)
                .param("stamp", stamp)
                .update();
    }
}
