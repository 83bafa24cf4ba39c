package org.safeguardinghub.organisation.agencies;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.organisation.AgencyCreated;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.organisation.Sector;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and archiving agencies: each change audited in the same transaction. */
@Service
@PreAuthorize("hasAuthority('organisation:manage')")
public class AgencyAdministration {

    private final AgencyRecords agencies;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    AgencyAdministration(AgencyRecords agencies, AuditTrail audit, ApplicationEventPublisher events) {
        this.agencies = agencies;
        this.audit = audit;
        this.events = events;
    }

    /** Details of an agency as typed into a form, already validated. */
    public record AgencyDetails(
            String name, @Nullable String shortName, AgencyType type, Sector sector, List<Long> partnershipIds) {}

    @Transactional
    public long create(AgencyDetails d) {
        long id =
                agencies.insert(d.name().trim(), blankToNull(d.shortName()), d.type(), d.sector(), d.partnershipIds());
        Agency created = agencies.byId(id).orElseThrow();
        audit.created("agency", id, created.auditValues());
        events.publishEvent(new AgencyCreated(id, created.name(), d.partnershipIds()));
        return id;
    }

    @Transactional
    public void update(long id, int version, AgencyDetails d) {
        Agency before = agencies.byId(id).orElseThrow(() -> new NotFoundException("Agency"));
        if (!agencies.update(
                id, version, d.name().trim(), blankToNull(d.shortName()), d.type(), d.sector(), d.partnershipIds())) {
            throw new ConcurrentEditException("This agency");
        }
        Agency after = agencies.byId(id).orElseThrow();
        audit.changed(AuditAction.UPDATE, "agency", id, before.auditValues(), after.auditValues());
    }

    @Transactional
    public void archive(long id, int version, boolean archive) {
        agencies.byId(id).orElseThrow(() -> new NotFoundException("Agency"));
        if (!agencies.setArchived(id, version, archive)) {
            throw new ConcurrentEditException("This agency");
        }
        audit.event(
                archive ? AuditAction.ARCHIVE : AuditAction.RESTORE, "agency", id, archive ? "Archived" : "Restored");
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
