package org.safeguardinghub.audit;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
