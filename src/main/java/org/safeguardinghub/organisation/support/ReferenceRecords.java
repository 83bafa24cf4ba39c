package org.safeguardinghub.organisation.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL every organisation store writes the same way for its own table: one row by id, the current rows for a
 * pick list, a search shown a page at a time (the count, then the page's rows, with the same filters), whether a
 * name is already used, and archiving or restoring a row only if nobody saved it since the version the user saw. Tables that belong to one partnership (areas,
 * districts, groups) are scoped to it in every statement; agencies and partnerships are not.
 *
 * <p>Each store keeps one of these for its table and still writes its own inserts, updates and other queries.
 *
 * @param <T> the record a row is read into
 */
public final class ReferenceRecords<T> {

    private final JdbcClient jdbc;
    private final String table;
    private final String alias;
    private final boolean perPartnership;
    private final String select;
    private final RowMapper<T> rows;

    /**
     * @param table the table's name
     * @param alias the table's alias in {@code select} and in the filters the store writes
     * @param perPartnership whether its rows carry a {@code partnership_id} that every statement must match
     * @param select the store's select of one row, to which the filters and order are added
     * @param rows reads a row of {@code select}
     */
    public ReferenceRecords(
            JdbcClient jdbc, String table, String alias, boolean perPartnership, String select, RowMapper<T> rows) {
        this.jdbc = jdbc;
        this.table = table;
        this.alias = alias;
        this.perPartnership = perPartnership;
        this.select = select;
        this.rows = rows;
    }

    /**
     * The row with this id.
     *
     * @param partnershipId the partnership it must belong to, for a table whose rows belong to one; otherwise ignored
     */
    public Optional<T> one(@Nullable Long partnershipId, long id) {
        return jdbc.sql(select + " where" + scope(alias + ".") + " " + alias + ".id = :id")
                .param("id", id)
                .param("partnership", partnershipId)
                .query(rows)
                .optional();
    }

    /** The rows of a partnership that are not archived, by name, for pick lists. */
    public List<T> current(long partnershipId) {
        return choices(partnershipId, null);
    }

    /** The rows of a partnership that are not archived, plus {@code alsoId} (already chosen) even if archived, by name. */
    public List<T> choices(long partnershipId, @Nullable Long alsoId) {
        String a = alias + ".";
        return jdbc.sql(select + " where " + a + "partnership_id = :partnership and (" + a + "archived_at is null or "
                        + a + "id = cast(:also as bigint)) order by " + a + "name")
                .param("partnership", partnershipId)
                .param("also", alsoId)
                .query(rows)
                .list();
    }

    /**
     * Name, value pairs of a statement's parameters, in order; unlike {@link Map#of} a value may be null (a filter
     * that is not set).
     */
    public static Map<String, @Nullable Object> params(@Nullable Object... pairs) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return map;
    }

    /**
     * One page of a search: counts the rows {@code where} keeps, then reads the page of them in {@code order}.
     *
     * @param where the filters, starting with {@code " where"}
     * @param order the order of the rows, such as {@code " order by d.name, d.id"}
     */
    public PageResult<T> page(String where, String order, Map<String, @Nullable Object> params, int page, int size) {
        return page(table + " " + alias, where, order, params, page, size);
    }

    /**
     * As {@link #page(String, String, Map, int, int)} when the filters need another table joined.
     *
     * @param from the table, its alias and the join, for counting
     */
    public PageResult<T> page(
            String from, String where, String order, Map<String, @Nullable Object> params, int page, int size) {
        long total = jdbc.sql("select count(*) from " + from + where)
                .params(params)
                .query(Long.class)
                .single();
        var items = jdbc.sql(select + where + order + " limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query(rows)
                .list();
        return new PageResult<>(items, Math.max(page, 1), size, total);
    }

    /**
     * Whether another row (not {@code exceptId}) already has this value in {@code column}, ignoring case.
     *
     * @param partnershipId the partnership to look in, for a table whose rows belong to one; otherwise ignored
     */
    public boolean taken(@Nullable Long partnershipId, String column, String value, @Nullable Long exceptId) {
        return jdbc.sql("select count(*) from " + table + " where" + scope("") + " lower(" + column
                                + ") = lower(:value) and id <> coalesce(cast(:except as bigint), -1)")
                        .param("partnership", partnershipId)
                        .param("value", value.trim())
                        .param("except", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Archives or restores a row only if nobody saved it since {@code version}; returns false when someone did.
     *
     * @param partnershipId the partnership the row must belong to, for a table whose rows belong to one
     */
    public boolean setArchived(@Nullable Long partnershipId, long id, int version, boolean archived) {
        return jdbc.sql("update " + table + """
                         set archived_at = case when :archived then now() end, version = version + 1
                        where""" + scope("") + " id = :id and version = :version")
                        .param("id", id)
                        .param("partnership", partnershipId)
                        .param("version", version)
                        .param("archived", archived)
                        .update()
                == 1;
    }

    private String scope(String prefix) {
        return perPartnership ? " " + prefix + "partnership_id = :partnership and" : "";
    }
}
