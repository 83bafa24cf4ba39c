package org.safeguardinghub.audit;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.export.CsvExport;
import org.safeguardinghub.platform.export.Table;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.PageResult;
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

    private final AuditEventRecords records;
    private final AuditTrail audit;

    AuditSearch(AuditEventRecords records, AuditTrail audit) {
        this.records = records;
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

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> search(Filter f, int page, int size) {
        long partnership = Actors.require().partnershipId();
        long total = records.count(f, partnership);
        List<AuditEntry> items = records.page(f, partnership, size, PageResult.offset(page, size));
        return new PageResult<>(items, Math.max(page, 1), size, total);
    }

    /**
     * Writes every matching entry as CSV, oldest first, streamed from the database without holding them in memory.
     * The export itself is recorded in the audit trail.
     */
    @Transactional
    public void exportCsv(Filter f, OutputStream out) {
        audit.event(AuditAction.EXPORT, "audit_event", null, "Audit trail exported as CSV");
        try (Stream<AuditEntry> stream = records.stream(f, Actors.require().partnershipId())) {
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
        return records.recordTypes();
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
     * The changes recorded on the given records, oldest first, leaving out reads, for a module's own history of a
     * record its users may already see.
     *
     * <p>Why {@code isAuthenticated()} is enough here, unlike {@link #search} ({@code audit:view}): nobody reaches
     * this method with a question of their own. It is not behind any route; the only caller is a module's history
     * page (today the Section 11 return's, {@code section11.returns.ReturnHistory}), which first checks that the
     * person may read the record ({@code ReturnAccess.readable}, a 404 otherwise) and then builds every {@link
     * RecordsOf} itself from that record's id and the ids of its own rows, read from the database; only the record
     * id comes from the request, and it has passed that check. A person therefore sees only the history of a record
     * they can open, and moderation written for another partnership is left out by the caller's {@code
     * partnershipId}. The audit module cannot judge another module's access rules, so the caller must keep that
     * order: check the record, then name it here.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(List<RecordsOf> of) {
        return records.history(of);
    }
}
