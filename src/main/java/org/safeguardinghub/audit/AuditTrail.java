package org.safeguardinghub.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records entries in the audit trail. Call it inside the transaction that makes the change, so the change and its
 * audit row commit or roll back together.
 */
@Service
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final AuditEventRecords records;

    AuditTrail(AuditEventRecords records) {
        this.records = records;
    }

    /** A new record, with the values it was created with. */
    @Transactional
    public void created(String recordType, Object recordId, Map<String, ?> values) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        values.forEach((k, v) -> changes.put(k, new FieldChange(null, text(v))));
        write(AuditAction.CREATE, recordType, recordId, changes, null);
    }

    /**
     * A changed record: only fields whose values differ are kept, each with before and after. Nothing is written
     * when nothing changed.
     */
    @Transactional
    public void changed(
            AuditAction action, String recordType, Object recordId, Map<String, ?> before, Map<String, ?> after) {
        Map<String, FieldChange> changes = diff(before, after);
        if (!changes.isEmpty() || action != AuditAction.UPDATE) {
            write(action, recordType, recordId, changes, null);
        }
    }

    /** A read of a record marked sensitive (e.g. LADO, child death and case review records). */
    @Transactional
    public void readSensitive(String recordType, Object recordId) {
        write(AuditAction.READ_SENSITIVE, recordType, recordId, Map.of(), null);
    }

    /** Anything else worth recording: sign-in, lockout, exports, imports, with a short description. */
    @Transactional
    public void event(AuditAction action, String recordType, @Nullable Object recordId, String detail) {
        write(action, recordType, recordId, Map.of("detail", new FieldChange(null, detail)), null);
    }

    /** As {@link #event} for a user who is not signed in yet (sign-in attempts). */
    @Transactional
    public void eventBy(
            @Nullable Long actorUserId,
            String actorName,
            AuditAction action,
            String recordType,
            @Nullable Object recordId,
            String detail) {
        write(
                action,
                recordType,
                recordId,
                Map.of("detail", new FieldChange(null, detail)),
                new ActorRef(actorUserId, actorName));
    }

    static Map<String, FieldChange> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (String key : after.keySet()) {
            String b = text(before.get(key));
            String a = text(after.get(key));
            if (!Objects.equals(b, a)) {
                changes.put(key, new FieldChange(b, a));
            }
        }
        return changes;
    }

    private void write(
            AuditAction action,
            String recordType,
            @Nullable Object recordId,
            Map<String, FieldChange> changes,
            @Nullable ActorRef explicit) {
        ActorRef actor = explicit != null
                ? explicit
                : Actors.current()
                        .map(a -> new ActorRef(a.userId(), a.displayName()))
                        .orElse(new ActorRef(null, "system"));
        Long partnership = Actors.current().map(Actor::partnershipId).orElse(null);
        records.insert(
                new AuditEventRecords.Written(
                        actor.userId(), actor.name(), sourceAddress(), MDC.get("requestId"), partnership),
                action,
                recordType,
                recordId == null ? null : String.valueOf(recordId),
                json(changes));
    }

    /** The changes column: a flat object of field to {"before", "after"}, in the map's order. */
    static String json(Map<String, FieldChange> changes) {
        return JSON.writeValueAsString(changes);
    }

    private static @Nullable String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }

    record ActorRef(@Nullable Long userId, String name) {}

    /** One field's value before and after a change. */
    public record FieldChange(
            @Nullable String before, @Nullable String after) {}
}
