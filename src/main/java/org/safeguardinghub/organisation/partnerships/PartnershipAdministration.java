package org.safeguardinghub.organisation.partnerships;

import static org.safeguardinghub.organisation.support.Like.blankToNull;

import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.organisation.support.AuditedChanges;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and archiving partnerships: each change audited in the same transaction. */
@Service
@PreAuthorize("hasAuthority('partnerships:manage')")
public class PartnershipAdministration {

    private final PartnershipRecords partnerships;
    private final AuditedChanges<Partnership> changes;

    PartnershipAdministration(PartnershipRecords partnerships, AuditTrail audit) {
        this.partnerships = partnerships;
        this.changes =
                new AuditedChanges<>(audit, "partnership", "Partnership", "This partnership", Partnership::auditValues);
    }

    /** Details of a partnership as typed into a form, already validated. */
    public record PartnershipDetails(
            String name, String shortName, @Nullable String description) {}

    @Transactional
    public long create(PartnershipDetails d) {
        return changes.create(
                () -> partnerships.insert(d.name().trim(), d.shortName().trim(), blankToNull(d.description())),
                partnerships::find);
    }

    @Transactional
    public void update(long id, int version, PartnershipDetails d) {
        changes.update(
                id,
                () -> partnerships.find(id),
                before -> partnerships.update(
                        id, version, d.name().trim(), d.shortName().trim(), blankToNull(d.description())));
    }

    @Transactional
    public void archive(long id, int version, boolean archive) {
        changes.archive(id, archive, () -> partnerships.find(id), () -> partnerships.setArchived(id, version, archive));
    }
}
