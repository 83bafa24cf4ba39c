package org.safeguardinghub.organisation.agencies;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.organisation.AgencyCreated;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.organisation.Sector;
import org.safeguardinghub.organisation.support.AuditedChanges;
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
    private final AuditedChanges<Agency> changes;
    private final ApplicationEventPublisher events;

    AgencyAdministration(AgencyRecords agencies, AuditTrail audit, ApplicationEventPublisher events) {
        this.agencies = agencies;
        this.audit = audit;
        this.changes = new AuditedChanges<>(audit, "agency", "Agency", "This agency", Agency::auditValues);
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
        changes.update(
                id,
                () -> agencies.byId(id),
                before -> agencies.update(
                        id,
                        version,
                        d.name().trim(),
                        blankToNull(d.shortName()),
                        d.type(),
                        d.sector(),
                        d.partnershipIds()));
    }

    @Transactional
    public void archive(long id, int version, boolean archive) {
        changes.archive(id, archive, () -> agencies.byId(id), () -> agencies.setArchived(id, version, archive));
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
