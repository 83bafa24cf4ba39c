package org.safeguardinghub.organisation.districts;

import static org.safeguardinghub.organisation.support.Like.blankToNull;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.organisation.support.AuditedChanges;
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
    private final AuditedChanges<Area> areaChanges;
    private final AuditedChanges<District> districtChanges;

    DistrictAdministration(AreaRecords areas, DistrictRecords districts, AuditTrail audit) {
        this.areas = areas;
        this.districts = districts;
        this.areaChanges = new AuditedChanges<>(audit, "area", "Area", "This area", Area::auditValues);
        this.districtChanges =
                new AuditedChanges<>(audit, "district", "District", "This district", District::auditValues);
    }

    /** Details of a district as typed into a form, already validated. */
    public record DistrictDetails(
            String name,
            @Nullable Long areaId,
            @Nullable String formerNames,
            @Nullable String onsCode) {}

    @Transactional
    public long createArea(long partnershipId, String name) {
        return areaChanges.create(
                () -> areas.insert(partnershipId, name.trim()), id -> areas.inPartnership(partnershipId, id));
    }

    @Transactional
    public void renameArea(long partnershipId, long id, int version, String name) {
        areaChanges.update(
                id,
                () -> areas.inPartnership(partnershipId, id),
                before -> areas.update(partnershipId, id, version, name.trim()));
    }

    @Transactional
    public void archiveArea(long partnershipId, long id, int version, boolean archive) {
        areaChanges.archive(
                id,
                archive,
                () -> areas.inPartnership(partnershipId, id),
                () -> areas.setArchived(partnershipId, id, version, archive));
    }

    @Transactional
    public long createDistrict(long partnershipId, DistrictDetails d) {
        checkArea(partnershipId, d.areaId());
        return districtChanges.create(
                () -> districts.insert(
                        partnershipId, d.areaId(), d.name().trim(), blankToNull(d.formerNames()), onsCode(d.onsCode())),
                id -> districts.inPartnership(partnershipId, id));
    }

    @Transactional
    public void updateDistrict(long partnershipId, long id, int version, DistrictDetails d) {
        districtChanges.update(id, () -> districts.inPartnership(partnershipId, id), before -> {
            checkArea(partnershipId, d.areaId());
            return districts.update(
                    partnershipId,
                    id,
                    version,
                    d.areaId(),
                    d.name().trim(),
                    blankToNull(d.formerNames()),
                    onsCode(d.onsCode()));
        });
    }

    @Transactional
    public void archiveDistrict(long partnershipId, long id, int version, boolean archive) {
        districtChanges.archive(
                id,
                archive,
                () -> districts.inPartnership(partnershipId, id),
                () -> districts.setArchived(partnershipId, id, version, archive));
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
