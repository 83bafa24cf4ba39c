package org.safeguardinghub.organisation.partnerships;

import static org.safeguardinghub.organisation.support.Like.blankToNull;

import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and archiving partnerships: each change audited in the same transaction. */
@Service
@PreAuthorize("hasAuthority('partnerships:manage')")
public class PartnershipAdministration {

    private final PartnershipRecords partnerships;
    private final AuditTrail audit;

    PartnershipAdministration(PartnershipRecords partnerships, AuditTrail audit) {
        this.partnerships = partnerships;
        this.audit = audit;
    }

    /** Details of a partnership as typed into a form, already validated. */
    public record PartnershipDetails(
            String name, String shortName, @Nullable String description) {}

    @Transactional
    public long create(PartnershipDetails d) {
        long id = partnerships.insert(d.name().trim(), d.shortName().trim(), blankToNull(d.description()));
        audit.created("partnership", id, partnerships.find(id).orElseThrow().auditValues());
        return id;
    }

    @Transactional
    public void update(long id, int version, PartnershipDetails d) {
        Partnership before = partnerships.find(id).orElseThrow(() -> new NotFoundException("Partnership"));
        if (!partnerships.update(id, version, d.name().trim(), d.shortName().trim(), blankToNull(d.description()))) {
            throw new ConcurrentEditException("This partnership");
        }
        Partnership after = partnerships.find(id).orElseThrow();
        audit.changed(AuditAction.UPDATE, "partnership", id, before.auditValues(), after.auditValues());
    }

    @Transactional
    public void archive(long id, int version, boolean archive) {
        partnerships.find(id).orElseThrow(() -> new NotFoundException("Partnership"));
        if (!partnerships.setArchived(id, version, archive)) {
            throw new ConcurrentEditException("This partnership");
        }
        audit.event(
                archive ? AuditAction.ARCHIVE : AuditAction.RESTORE,
                "partnership",
                id,
                archive ? "Archived" : "Restored");
    }
}
