package org.safeguardinghub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditSearch.Change;
import org.safeguardinghub.audit.AuditSearch.Filter;
import org.safeguardinghub.audit.AuditSearch.HistoryEntry;
import org.safeguardinghub.audit.AuditSearch.RecordsOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_event} table: the one place its SQL is written. {@link AuditTrail} appends to it inside the
 * caller's transaction; {@link AuditSearch} reads it back, either filtered for the administrators' search (always
 * within one partnership, plus entries that have none) or as the history of named records for a module's page. The
 * callers decide who may ask; this store only turns their question into SQL.
 */
@Repository
class AuditEventRecords {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private static final String WHERE = """
             where (partnership_id = :partnership or partnership_id is null)
               and (cast(:from as timestamptz) is null or occurred_at >= :from)
               and (cast(:to as timestamptz) is null or occurred_at < :to)
               and (cast(:actor as text) is null or actor_name ilike :actorLike)
               and (cast(:action as text) is null or action = :action)
               and (cast(:recordType as text) is null or record_type = :recordType)
               and (cast(:recordId as text) is null or record_id = :recordId)
            """;

    private final JdbcClient jdbc;

    AuditEventRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who did it and from where, as the audit row names them. */
    record Written(
            @Nullable Long actorUserId,
            String actorName,
            @Nullable String sourceAddress,
            @Nullable String requestId,
            @Nullable Long partnershipId) {}

    void insert(Written by, AuditAction action, String recordType, @Nullable String recordId, String changesJson) {
        jdbc.sql("""
                        insert into audit_event (actor_user_id, actor_name, source_address, request_id, action,
                                                 record_type, record_id, partnership_id, changes)
                        values (:actor, :actorName, :address, :requestId, :action, :recordType, :recordId,
                                :partnership, cast(:changes as jsonb))
                        """)
                .param("actor", by.actorUserId())
                .param("actorName", by.actorName())
                .param("address", by.sourceAddress())
                .param("requestId", by.requestId())
                .param("action", action.name())
                .param("recordType", recordType)
                .param("recordId", recordId)
                .param("partnership", by.partnershipId())
                .param("changes", changesJson)
                .update();
    }

    long count(Filter f, long partnershipId) {
        return bind(jdbc.sql("select count(*) from audit_event" + WHERE), f, partnershipId)
                .query(Long.class)
                .single();
    }

    /** One page of matching entries, newest first. */
    List<AuditEntry> page(Filter f, long partnershipId, int limit, long offset) {
        return bind(
                        jdbc.sql("select * from audit_event" + WHERE + " order by id desc limit :limit offset :offset"),
                        f,
                        partnershipId)
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditEventRecords::map)
                .list();
    }

    /** Every matching entry, oldest first, streamed from the database; the caller closes the stream. */
    Stream<AuditEntry> stream(Filter f, long partnershipId) {
        return bind(jdbc.sql("select * from audit_event" + WHERE + " order by id"), f, partnershipId)
                .withFetchSize(1000)
                .query(AuditEventRecords::map)
                .stream();
    }

    List<String> recordTypes() {
        return jdbc.sql("select distinct record_type from audit_event order by 1")
                .query(String.class)
                .list();
    }

    /** The entries (other than reads) on the given records, oldest first, each with its changed values. */
    List<HistoryEntry> history(List<RecordsOf> records) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String match = match(records.get(i), i, params);
            if (match != null) {
                where.append(where.isEmpty() ? "" : " or ").append(match);
            }
        }
        if (where.isEmpty()) {
            return List.of();
        }
        Map<Long, HistoryEntry> entries = new LinkedHashMap<>();
        jdbc.sql("""
                        select e.id, e.occurred_at, e.actor_name, e.action, e.record_type, e.record_id,
                               c.key, c.value ->> 'before' as before, c.value ->> 'after' as after
                        from audit_event e left join lateral jsonb_each(e.changes) c on true
                        where e.action <> 'READ_SENSITIVE' and (""" + where + ") order by e.occurred_at, e.id")
                .params(params)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    HistoryEntry entry = entries.get(id);
                    if (entry == null) {
                        entry = new HistoryEntry(
                                id,
                                rs.getTimestamp("occurred_at").toInstant(),
                                rs.getString("actor_name"),
                                rs.getString("action"),
                                rs.getString("record_type"),
                                rs.getString("record_id"),
                                new ArrayList<>());
                        entries.put(id, entry);
                    }
                    String key = rs.getString("key");
                    if (key != null) {
                        entry.changes().add(new Change(key, rs.getString("before"), rs.getString("after")));
                    }
                    return null;
                })
                .list();
        return List.copyOf(entries.values());
    }

    private static @Nullable String match(RecordsOf r, int i, Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        if (!r.ids().isEmpty()) {
            any.add("e.record_id in (:ids" + i + ")");
            params.put("ids" + i, r.ids());
        }
        int j = 0;
        for (String prefix : r.idPrefixes()) {
            String name = "prefix" + i + "_" + j++;
            any.add("e.record_id like :" + name + " escape '\\'");
            params.put(name, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (r.linkKey() != null && r.linkValue() != null) {
            any.add("coalesce(e.changes -> :key" + i + " ->> 'after', e.changes -> :key" + i + " ->> 'before') = :link"
                    + i);
            params.put("key" + i, r.linkKey());
            params.put("link" + i, r.linkValue());
        }
        if (any.isEmpty()) {
            return null;
        }
        params.put("type" + i, r.recordType());
        String partnership = "";
        if (r.partnershipId() != null) {
            partnership = " and e.partnership_id = :partnership" + i;
            params.put("partnership" + i, r.partnershipId());
        }
        return "(e.record_type = :type" + i + " and (" + String.join(" or ", any) + ")" + partnership + ")";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f, long partnershipId) {
        return spec.param("partnership", partnershipId)
                .param(
                        "from",
                        f.from() == null
                                ? null
                                : Timestamp.from(f.from().atStartOfDay(UK).toInstant()))
                .param(
                        "to",
                        f.to() == null
                                ? null
                                : Timestamp.from(
                                        f.to().plusDays(1).atStartOfDay(UK).toInstant()))
                .param("actor", f.actor())
                .param(
                        "actorLike",
                        f.actor() == null
                                ? null
                                : "%" + f.actor().replace("%", "\\%").replace("_", "\\_") + "%")
                .param("action", f.action())
                .param("recordType", f.recordType())
                .param("recordId", f.recordId());
    }

    private static AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_user_id"),
                rs.getString("actor_name"),
                rs.getString("source_address"),
                rs.getString("request_id"),
                rs.getString("action"),
                rs.getString("record_type"),
                rs.getString("record_id"),
                rs.getString("changes"));
    }
}
