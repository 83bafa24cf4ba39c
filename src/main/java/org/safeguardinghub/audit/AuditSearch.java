package org.safeguardinghub.audit;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.export.CsvExport;
import org.safeguardinghub.platform.export.Table;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail, for administrators. Entries are scoped to the administrator's current partnership
 * (plus entries with no partnership, such as failed sign-ins before anyone is known).
 */
@Service
@PreAuthorize("hasAuthority('audit:view')")
public class AuditSearch {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    AuditSearch(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Filters; any may be null. Dates are inclusive, in UK time. */
    public record Filter(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String actor,
            @Nullable String action,
            @Nullable String recordType,
            @Nullable String recordId) {}

    private static final String WHERE = """
             where (partnership_id = :partnership or partnership_id is null)
               and (cast(:from as timestamptz) is null or occurred_at >= :from)
               and (cast(:to as timestamptz) is null or occurred_at < :to)
               and (cast(:actor as text) is null or actor_name ilike :actorLike)
               and (cast(:action as text) is null or action = :action)
               and (cast(:recordType as text) is null or record_type = :recordType)
               and (cast(:recordId as text) is null or record_id = :recordId)
            """;

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> search(Filter f, int page, int size) {
        long total = bind(jdbc.sql("select count(*) from audit_event" + WHERE), f)
                .query(Long.class)
                .single();
        List<AuditEntry> items = bind(
                        jdbc.sql("select * from audit_event" + WHERE + " order by id desc limit :limit offset :offset"),
                        f)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query(AuditSearch::map)
                .list();
        return new PageResult<>(items, Math.max(page, 1), size, total);
    }

    /**
     * Writes every matching entry as CSV, oldest first, streamed from the database without holding them in memory.
     * The export itself is recorded in the audit trail.
     */
    @Transactional
    public void exportCsv(Filter f, OutputStream out) {
        audit.event(AuditAction.EXPORT, "audit_event", null, "Audit trail exported as CSV");
        try (var stream = bind(jdbc.sql("select * from audit_event" + WHERE + " order by id"), f)
                .withFetchSize(1000)
                .query(AuditSearch::map)
                .stream()) {
            Iterable<List<Object>> rows = () -> stream.map(e -> List.<Object>of(
                            e.id(),
                            e.occurredAt().toString(),
                            e.actorUserId() == null ? "" : e.actorUserId(),
                            e.actorName(),
                            e.sourceAddress() == null ? "" : e.sourceAddress(),
                            e.action(),
                            e.recordType(),
                            e.recordId() == null ? "" : e.recordId(),
                            e.changes(),
                            e.requestId() == null ? "" : e.requestId()))
                    .iterator();
            CsvExport.write(
                    Table.of(
                            "Audit trail",
                            List.of(
                                    "id",
                                    "occurred_at",
                                    "user_id",
                                    "user",
                                    "address",
                                    "action",
                                    "record_type",
                                    "record_id",
                                    "changes",
                                    "request_id"),
                            rows),
                    out);
        }
    }

    @Transactional(readOnly = true)
    public List<String> recordTypes() {
        return jdbc.sql("select distinct record_type from audit_event order by 1")
                .query(String.class)
                .list();
    }

    /**
     * Which entries a module's history page shows, for one record type: those whose record id is one of {@code ids}
     * or starts with one of {@code idPrefixes}, or whose changes link them with {@code linkKey} (before or after) to
     * {@code linkValue} (a removed child naming its parent); with {@code partnershipId}, only entries written in that
     * partnership.
     */
    public record RecordsOf(
            String recordType,
            Collection<String> ids,
            Collection<String> idPrefixes,
            @Nullable String linkKey,
            @Nullable String linkValue,
            @Nullable Long partnershipId) {}

    /** One entry of a history with each changed value, in the order recorded. */
    public record HistoryEntry(
            long id,
            Instant occurredAt,
            String actorName,
            String action,
            String recordType,
            @Nullable String recordId,
            List<Change> changes) {}

    public record Change(
            String key, @Nullable String before, @Nullable String after) {}

    /**
     * The changes recorded on the given records, oldest first, leaving out reads: for a module's own history of a
     * record its users may already see (the caller has checked that), so any signed-in user may ask.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(List<RecordsOf> records) {
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

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("partnership", Actors.require().partnershipId())
                .param(
                        "from",
                        f.from() == null
                                ? null
                                : java.sql.Timestamp.from(
                                        f.from().atStartOfDay(UK).toInstant()))
                .param(
                        "to",
                        f.to() == null
                                ? null
                                : java.sql.Timestamp.from(
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

    private static AuditEntry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
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
