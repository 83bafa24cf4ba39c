package org.safeguardinghub.organisation.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL every organisation store writes the same way for its own table: a search shown a page at a time (the
 * count, then the page's rows, with the same filters), whether a name is already used, and archiving or restoring a
 * row only if nobody saved it since the version the user saw. Tables that belong to one partnership (areas,
 * districts, groups) are scoped to it in every statement; agencies and partnerships are not.
 *
 * <p>Each store keeps one of these for its table and still writes its own selects, inserts and updates.
 */
public final class ReferenceRecords {

    private final JdbcClient jdbc;
    private final String table;
    private final boolean perPartnership;

    /**
     * @param table the table's name
     * @param perPartnership whether its rows carry a {@code partnership_id} that every statement must match
     */
    public ReferenceRecords(JdbcClient jdbc, String table, boolean perPartnership) {
        this.jdbc = jdbc;
        this.table = table;
        this.perPartnership = perPartnership;
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
     * @param alias the table's alias in {@code where} and {@code select}, followed by any join the filters need
     * @param select the store's select of one row, to which {@code where} and {@code order} are added
     * @param where the filters, starting with {@code " where"}
     * @param order the order of the rows, such as {@code " order by d.name, d.id"}
     */
    public <T> PageResult<T> page(
            String alias,
            String select,
            String where,
            String order,
            Map<String, @Nullable Object> params,
            RowMapper<T> rows,
            int page,
            int size) {
        long total = jdbc.sql("select count(*) from " + table + " " + alias + where)
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
        return jdbc.sql("select count(*) from " + table + " where" + scope() + " lower(" + column
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
                        where""" + scope() + " id = :id and version = :version")
                        .param("id", id)
                        .param("partnership", partnershipId)
                        .param("version", version)
                        .param("archived", archived)
                        .update()
                == 1;
    }

    private String scope() {
        return perPartnership ? " partnership_id = :partnership and" : "";
    }
}
