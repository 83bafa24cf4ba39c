package org.safeguardinghub.performance.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.CatalogueAdministration.VersionNote;
import org.safeguardinghub.performance.catalogue.CatalogueFile.VersionSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue's writes: data items, cross-item rules, indicators and their versions, plus the few reads only the
 * administration needs (row versions, change reasons, archived codes, the loaded file version). The
 * administration decides what changes and audits it; this store only runs the statements.
 */
@Repository
class CatalogueChangeRecords {

    private final JdbcClient jdbc;

    CatalogueChangeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertItem(long partnershipId, Map<String, Object> itemParams) {
        return jdbc.sql("""
                        insert into data_item (partnership_id, code, name, definition, value_kind, period_type,
                                               frequency, source_agency_id, breakdowns, required, min_value, max_value)
                        values (:p, :code, :name, :definition, :kind, :periodType, :frequency, :agency,
                                cast(:breakdowns as text[]), :required, :min, :max)
                        returning id""")
                .param("p", partnershipId)
                .params(itemParams)
                .query(Long.class)
                .single();
    }

    void updateItem(long itemId, long partnershipId, Map<String, Object> itemParams) {
        jdbc.sql("""
                        update data_item set name = :name, definition = :definition, value_kind = :kind,
                               period_type = :periodType, frequency = :frequency, source_agency_id = :agency,
                               breakdowns = cast(:breakdowns as text[]), required = :required, min_value = :min,
                               max_value = :max, updated_at = now(), version = version + 1
                        where id = :id and partnership_id = :p""")
                .param("id", itemId)
                .param("p", partnershipId)
                .params(itemParams)
                .update();
    }

    /** Adds a rule; {@code values} holds left, operator, right and message. */
    void insertRule(long partnershipId, String code, Map<String, Object> values) {
        jdbc.sql("""
                        insert into data_rule (partnership_id, code, left_item, operator, right_item, message)
                        values (:p, :code, :left, :operator, :right, :message)""")
                .param("p", partnershipId)
                .param("code", code)
                .params(values)
                .update();
    }

    void updateRule(long partnershipId, String code, Map<String, Object> values) {
        jdbc.sql("""
                        update data_rule set left_item = :left, operator = :operator, right_item = :right,
                               message = :message
                        where partnership_id = :p and code = :code""")
                .param("p", partnershipId)
                .param("code", code)
                .params(values)
                .update();
    }

    long insertIndicator(long partnershipId, String code, String name, int currentVersion, int sortOrder) {
        return jdbc.sql("""
                        insert into indicator (partnership_id, code, name, current_version, sort_order)
                        values (:p, :code, :name, :current, :order) returning id""")
                .param("p", partnershipId)
                .param("code", code)
                .param("name", name)
                .param("current", currentVersion)
                .param("order", sortOrder)
                .query(Long.class)
                .single();
    }

    /** The indicator's row version, for optimistic locking. */
    int rowVersion(long indicatorId) {
        return jdbc.sql("select version from indicator where id = :id")
                .param("id", indicatorId)
                .query(Integer.class)
                .single();
    }

    void bumpRowVersion(long indicatorId) {
        jdbc.sql("update indicator set version = version + 1, updated_at = now() where id = :id")
                .param("id", indicatorId)
                .update();
    }

    void renameIndicator(long indicatorId, String name) {
        jdbc.sql("update indicator set name = :name, updated_at = now() where id = :id")
                .param("name", name)
                .param("id", indicatorId)
                .update();
    }

    void markHistoryRecomputed(long indicatorId, int versionNo) {
        jdbc.sql("""
                        update indicator_version set history_recomputed_at = now()
                        where indicator_id = :id and version_no = :v""").param("id", indicatorId).param("v", versionNo).update();
    }

    int nextVersionNo(long indicatorId) {
        return jdbc.sql("select coalesce(max(version_no), 0) + 1 from indicator_version where indicator_id = :id")
                .param("id", indicatorId)
                .query(Integer.class)
                .single();
    }

    void setCurrentVersion(long indicatorId, int versionNo) {
        jdbc.sql("update indicator set current_version = :v, updated_at = now() where id = :id")
                .param("v", versionNo)
                .param("id", indicatorId)
                .update();
    }

    void insertVersion(long indicatorId, int versionNo, VersionSpec v, @Nullable String reason, String by) {
        jdbc.sql("""
                        insert into indicator_version (indicator_id, version_no, numerator, numerator_description,
                            denominator, denominator_description, factor, aggregation, decimals, polarity, target,
                            green_from, red_from, benchmark_england, benchmark_region, benchmark_neighbours,
                            priorities, owner_group, methodology, effective_from, change_reason, created_by_name)
                        values (:id, :v, :numerator, :numeratorDescription, :denominator, :denominatorDescription,
                            :factor, :aggregation, :decimals, :polarity, :target, :greenFrom, :redFrom, :england,
                            :region, :neighbours, :priorities, :ownerGroup, :methodology, :effectiveFrom, :reason,
                            :by)""")
                .param("id", indicatorId)
                .param("v", versionNo)
                .param("numerator", v.numerator())
                .param("numeratorDescription", v.numeratorDescription())
                .param("denominator", v.denominator() == null || v.denominator().isBlank() ? null : v.denominator())
                .param("denominatorDescription", v.denominatorDescription())
                .param("factor", v.factor().name())
                .param("aggregation", v.aggregation().name())
                .param("decimals", v.decimals())
                .param("polarity", v.polarity().name())
                .param("target", v.target())
                .param("greenFrom", v.greenFrom())
                .param("redFrom", v.redFrom())
                .param("england", v.benchmarkEngland())
                .param("region", v.benchmarkRegion())
                .param("neighbours", v.benchmarkNeighbours())
                .param("priorities", v.priorities().toArray(new String[0]))
                .param("ownerGroup", v.ownerGroup())
                .param("methodology", v.methodology())
                .param("effectiveFrom", v.effectiveFrom())
                .param("reason", reason)
                .param("by", by)
                .update();
    }

    /** Change reasons of every version of the partnership's indicators, keyed {@code code#versionNo}. */
    Map<String, String> versionReasons(long partnershipId) {
        Map<String, String> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                        select n.code, v.version_no, v.change_reason from indicator_version v
                        join indicator n on n.id = v.indicator_id where n.partnership_id = :p""")
                .param("p", partnershipId)
                .query((rs, row) -> {
                    reasons.put(rs.getString(1) + "#" + rs.getInt(2), rs.getString(3));
                    return null;
                })
                .list();
        return reasons;
    }

    List<String> archivedIndicatorCodes(long partnershipId) {
        return jdbc.sql("select code from indicator where partnership_id = :p and archived_at is not null")
                .param("p", partnershipId)
                .query(String.class)
                .list();
    }

    /** Who made each version of an indicator, when and why, by version number. */
    Map<Integer, VersionNote> versionNotes(long indicatorId) {
        Map<Integer, VersionNote> notes = new LinkedHashMap<>();
        jdbc.sql("""
                        select version_no, change_reason, created_by_name, created_at, history_recomputed_at
                        from indicator_version where indicator_id = :id order by version_no""")
                .param("id", indicatorId)
                .query((rs, n) -> notes.put(
                        rs.getInt("version_no"),
                        new VersionNote(
                                rs.getString("change_reason"),
                                rs.getString("created_by_name"),
                                rs.getObject("created_at", OffsetDateTime.class).toLocalDate(),
                                localDate(rs.getObject("history_recomputed_at", OffsetDateTime.class)))))
                .list();
        return notes;
    }

    private static @Nullable LocalDate localDate(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toLocalDate();
    }

    /** The version of the file last loaded for the partnership (0 when none). */
    int loadedFileVersion(long partnershipId) {
        return jdbc.sql("select coalesce(max(file_version), 0) from catalogue_file_load where partnership_id = :p")
                .param("p", partnershipId)
                .query(Integer.class)
                .single();
    }
}
