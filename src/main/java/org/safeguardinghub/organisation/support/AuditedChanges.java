package org.safeguardinghub.organisation.support;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;

/**
 * How every organisation administration service adds, changes and archives one kind of record, with its audit
 * entry in the same transaction: an addition is audited with the new record's values; a change is audited with the
 * fields that differ; an archive or restore is audited as that event. A record the caller cannot see is not found,
 * and a change to a version someone else has saved since is refused as a concurrent edit.
 *
 * @param audit the audit trail
 * @param type the record type in the audit entry, such as {@code "area"}
 * @param notFound what a missing record is called, such as {@code "Area"}
 * @param thisOne what a concurrent edit calls the record, such as {@code "This area"}
 * @param values the record's audited values
 * @param <R> the record
 */
public record AuditedChanges<R>(
        AuditTrail audit, String type, String notFound, String thisOne, Function<R, Map<String, Object>> values) {

    /**
     * Adds a record and audits its values as saved.
     *
     * @param insert saves the record and returns its id
     * @param find reads a record by id
     */
    public long create(LongSupplier insert, LongFunction<Optional<R>> find) {
        long id = insert.getAsLong();
        audit.created(type, id, values.apply(find.apply(id).orElseThrow()));
        return id;
    }

    /**
     * Changes record {@code id} and audits what changed.
     *
     * @param find reads the record, empty when the caller cannot see it
     * @param update given the record as it was, runs the checks and saves, returning false when someone else
     *     saved first
     */
    public void update(long id, Supplier<Optional<R>> find, Predicate<R> update) {
        R before = find.get().orElseThrow(() -> new NotFoundException(notFound));
        if (!update.test(before)) {
            throw new ConcurrentEditException(thisOne);
        }
        R after = find.get().orElseThrow();
        audit.changed(AuditAction.UPDATE, type, id, values.apply(before), values.apply(after));
    }

    /**
     * Archives or restores record {@code id} and audits which.
     *
     * @param change sets the archived state, returning false when someone else saved first
     */
    public void archive(long id, boolean archive, Supplier<Optional<R>> find, BooleanSupplier change) {
        find.get().orElseThrow(() -> new NotFoundException(notFound));
        if (!change.getAsBoolean()) {
            throw new ConcurrentEditException(thisOne);
        }
        audit.event(archive ? AuditAction.ARCHIVE : AuditAction.RESTORE, type, id, archive ? "Archived" : "Restored");
    }
}
