package org.safeguardinghub.performance.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue's rows: data items (with their supplying agency's name), indicator identities joined to their
 * versions, and cross-item rules. The catalogue reads through this store; the administration reuses its selects
 * and row mappers so every screen reads an item or a definition the same way.
 */
@Repository
public class CatalogueRecords {

    static final String ITEM_SELECT = """
            select i.id, i.partnership_id, i.code, i.name, i.definition, i.value_kind, i.period_type, i.frequency,
                   i.source_agency_id, a.name as agency_name, i.breakdowns, i.required, i.min_value, i.max_value,
                   i.archived_at is not null as archived, i.version
            from data_item i left join agency_view a on a.id = i.source_agency_id
            """;

    static final String INDICATOR_SELECT = """
            select n.id as indicator_id, n.partnership_id, n.code, n.name, v.version_no, v.numerator,
                   v.numerator_description, v.denominator, v.denominator_description, v.factor, v.aggregation,
                   v.decimals, v.polarity, v.target, v.green_from, v.red_from, v.benchmark_england,
                   v.benchmark_region, v.benchmark_neighbours, v.priorities, v.owner_group, v.methodology,
                   v.effective_from, v.history_recomputed_at is not null as history_recomputed, n.sort_order
            from indicator n join indicator_version v on v.indicator_id = n.id
            """;

    private final JdbcClient jdbc;

    CatalogueRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active (not archived) data items of the partnership, ordered by name. */
    List<DataItem> items(long partnershipId) {
        return partnershipItems(partnershipId, " and i.archived_at is null");
    }

    /** Active items supplied by one agency, ordered by name. */
    List<DataItem> itemsOf(long partnershipId, long agencyId) {
        return jdbc.sql(ITEM_SELECT + """
                         where i.partnership_id = :p and i.source_agency_id = :a and i.archived_at is null
                         order by i.name, i.code""")
                .param("p", partnershipId)
                .param("a", agencyId)
                .query(CatalogueRecords::item)
                .list();
    }

    Optional<DataItem> item(long partnershipId, String code) {
        return jdbc.sql(ITEM_SELECT + " where i.partnership_id = :p and i.code = :c")
                .param("p", partnershipId)
                .param("c", code)
                .query(CatalogueRecords::item)
                .optional();
    }

    /** Current definitions of the partnership's active indicators, in catalogue order. */
    List<IndicatorDefinition> indicators(long partnershipId) {
        return partnershipDefinitions(
                partnershipId,
                " and n.archived_at is null and v.version_no = n.current_version order by n.sort_order, n.name");
    }

    Optional<IndicatorDefinition> indicator(long partnershipId, String code) {
        return jdbc.sql(INDICATOR_SELECT
                        + " where n.partnership_id = :p and n.code = :c and v.version_no = n.current_version")
                .param("p", partnershipId)
                .param("c", code)
                .query(CatalogueRecords::definition)
                .optional();
    }

    /** Every version of one indicator, oldest first (for methodology breaks and history). */
    List<IndicatorDefinition> versions(long indicatorId) {
        return jdbc.sql(INDICATOR_SELECT + " where n.id = :i order by v.version_no")
                .param("i", indicatorId)
                .query(CatalogueRecords::definition)
                .list();
    }

    /** Every version of every indicator of the partnership (archived ones too), by indicator then version. */
    List<IndicatorDefinition> allVersions(long partnershipId) {
        return partnershipDefinitions(partnershipId, " order by n.sort_order, n.id, v.version_no");
    }

    /** Every item of the partnership, archived ones too, ordered by name. */
    List<DataItem> allItems(long partnershipId) {
        return partnershipItems(partnershipId, "");
    }

    /** The partnership's items meeting {@code condition} (SQL starting with "and", or empty), ordered by name. */
    private List<DataItem> partnershipItems(long partnershipId, String condition) {
        return jdbc.sql(ITEM_SELECT + " where i.partnership_id = :p" + condition + " order by i.name, i.code")
                .param("p", partnershipId)
                .query(CatalogueRecords::item)
                .list();
    }

    /** Current definitions of every indicator of the partnership, archived ones too. */
    List<IndicatorDefinition> allCurrentDefinitions(long partnershipId) {
        return partnershipDefinitions(partnershipId, " and v.version_no = n.current_version");
    }

    /** The partnership's indicator versions, then {@code rest} (SQL: further conditions and the order, or empty). */
    private List<IndicatorDefinition> partnershipDefinitions(long partnershipId, String rest) {
        return jdbc.sql(INDICATOR_SELECT + " where n.partnership_id = :p" + rest)
                .param("p", partnershipId)
                .query(CatalogueRecords::definition)
                .list();
    }

    /** Cross-item rules of the partnership. */
    List<DataRule> rules(long partnershipId) {
        return jdbc.sql("""
                        select code, left_item, operator, right_item, message from data_rule
                        where partnership_id = :p order by code""")
                .param("p", partnershipId)
                .query((rs, n) -> new DataRule(
                        rs.getString("code"),
                        rs.getString("left_item"),
                        rs.getString("operator"),
                        rs.getString("right_item"),
                        rs.getString("message")))
                .list();
    }

    static DataItem item(ResultSet rs, int n) throws SQLException {
        long agency = rs.getLong("source_agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        Set<Breakdown> breakdowns = EnumSet.noneOf(Breakdown.class);
        for (String b : strings(rs.getArray("breakdowns"))) {
            breakdowns.add(Breakdown.valueOf(b));
        }
        return new DataItem(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("definition"),
                rs.getString("value_kind"),
                PeriodType.valueOf(rs.getString("period_type")),
                Frequency.valueOf(rs.getString("frequency")),
                agencyId,
                rs.getString("agency_name"),
                breakdowns,
                rs.getBoolean("required"),
                rs.getBigDecimal("min_value"),
                rs.getBigDecimal("max_value"),
                rs.getBoolean("archived"),
                rs.getInt("version"));
    }

    /**
     * Reads one indicator version from a row with the columns of {@link #INDICATOR_SELECT}; the scorecard's own
     * query reads its definitions with it too.
     */
    public static IndicatorDefinition definition(ResultSet rs, int n) throws SQLException {
        return new IndicatorDefinition(
                rs.getLong("indicator_id"),
                rs.getLong("partnership_id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getInt("version_no"),
                rs.getString("numerator"),
                rs.getString("numerator_description"),
                rs.getString("denominator"),
                rs.getString("denominator_description"),
                Factor.valueOf(rs.getString("factor")),
                Aggregation.valueOf(rs.getString("aggregation")),
                rs.getInt("decimals"),
                Polarity.valueOf(rs.getString("polarity")),
                rs.getBigDecimal("target"),
                rs.getBigDecimal("green_from"),
                rs.getBigDecimal("red_from"),
                rs.getBigDecimal("benchmark_england"),
                rs.getBigDecimal("benchmark_region"),
                rs.getBigDecimal("benchmark_neighbours"),
                strings(rs.getArray("priorities")),
                rs.getString("owner_group"),
                rs.getString("methodology"),
                rs.getObject("effective_from", java.time.LocalDate.class),
                rs.getBoolean("history_recomputed"),
                rs.getInt("sort_order"));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
