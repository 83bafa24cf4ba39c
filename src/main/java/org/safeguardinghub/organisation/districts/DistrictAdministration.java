package org.safeguardinghub.organisation.districts;

import static org.safeguardinghub.organisation.support.Like.blankToNull;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and archiving the areas and districts of a partnership. Every method works inside one
 * partnership: an id from another partnership is not found. Each change is audited in the same transaction.
 */
@Service
@PreAuthorize("hasAuthority('organisation:manage')")
public class DistrictAdministration {

    private final AreaRecords areas;
    private final DistrictRecords districts;
    private final AuditTrail audit;

    DistrictAdministration(AreaRecords areas, DistrictRecords districts, AuditTrail audit) {
        this.areas = areas;
        this.districts = districts;
        this.audit = audit;
    }

    /** Details of a district as typed into a form, already validated. */
    public record DistrictDetails(
            String name,
            @Nullable Long areaId,
            @Nullable String formerNames,
            @Nullable String onsCode) {}

    @Transactional
    public long createArea(long partnershipId, String name) {
        long id = areas.insert(partnershipId, name.trim());
        audit.created(
                "area", id, areas.inPartnership(partnershipId, id).orElseThrow().auditValues());
        return id;
    }

    @Transactional
    public void renameArea(long partnershipId, long id, int version, String name) {
        Area before = areas.inPartnership(partnershipId, id).orElseThrow(() -> new NotFoundException("Area"));
        if (!areas.update(partnershipId, id, version, name.trim())) {
            throw new ConcurrentEditException("This area");
        }
        Area after = areas.inPartnership(partnershipId, id).orElseThrow();
        audit.changed(AuditAction.UPDATE, "area", id, before.auditValues(), after.auditValues());
    }

    @Transactional
    public void archiveArea(long partnershipId, long id, int version, boolean archive) {
        areas.inPartnership(partnershipId, id).orElseThrow(() -> new NotFoundException("Area"));
        if (!areas.setArchived(partnershipId, id, version, archive)) {
            throw new ConcurrentEditException("This area");
        }
        audit.event(archive ? AuditAction.ARCHIVE : AuditAction.RESTORE, "area", id, archive ? "Archived" : "Restored");
    }

    @Transactional
    public long createDistrict(long partnershipId, DistrictDetails d) {
        checkArea(partnershipId, d.areaId());
        long id = districts.insert(
                partnershipId, d.areaId(), d.name().trim(), blankToNull(d.formerNames()), onsCode(d.onsCode()));
        audit.created(
                "district",
                id,
                districts.inPartnership(partnershipId, id).orElseThrow().auditValues());
        return id;
    }

    @Transactional
    public void updateDistrict(long partnershipId, long id, int version, DistrictDetails d) {
        District before =
                districts.inPartnership(partnershipId, id).orElseThrow(() -> new NotFoundException("District"));
        checkArea(partnershipId, d.areaId());
        if (!districts.update(
                partnershipId,
                id,
                version,
                d.areaId(),
                d.name().trim(),
                blankToNull(d.formerNames()),
                onsCode(d.onsCode()))) {
            throw new ConcurrentEditException("This district");
        }
        District after = districts.inPartnership(partnershipId, id).orElseThrow();
        audit.changed(AuditAction.UPDATE, "district", id, before.auditValues(), after.auditValues());
    }

    @Transactional
    public void archiveDistrict(long partnershipId, long id, int version, boolean archive) {
        districts.inPartnership(partnershipId, id).orElseThrow(() -> new NotFoundException("District"));
        if (!districts.setArchived(partnershipId, id, version, archive)) {
            throw new ConcurrentEditException("This district");
        }
        audit.event(
                archive ? AuditAction.ARCHIVE : AuditAction.RESTORE, "district", id, archive ? "Archived" : "Restored");
    }

    private void checkArea(long partnershipId, @Nullable Long areaId) {
        if (areaId != null) {
            areas.inPartnership(partnershipId, areaId).orElseThrow(() -> new NotFoundException("Area"));
        }
    }

    private static @Nullable String onsCode(@Nullable String code) {
        String c = blankToNull(code);
        return c == null ? null : c.toUpperCase(Locale.ROOT);
    }
}
