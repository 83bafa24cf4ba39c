package org.safeguardinghub.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the audit trail as the viewer shows it; {@code changes} is the JSON of before and after values. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        @Nullable Long actorUserId,
        String actorName,
        @Nullable String sourceAddress,
        @Nullable String requestId,
        String action,
        String recordType,
        @Nullable String recordId,
        String changes) {}
