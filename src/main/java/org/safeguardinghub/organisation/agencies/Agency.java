package org.safeguardinghub.organisation.agencies;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.organisation.Sector;

/** An agency as stored, with the partnerships it takes part in. */
public record Agency(
        long id,
        String name,
        @Nullable String shortName,
        AgencyType type,
        Sector sector,
        List<Long> partnershipIds,
        @Nullable Instant archivedAt,
        int version) {

    public boolean archived() {
        return archivedAt != null;
    }

    /** The fields the audit trail compares before and after a change. */
    Map<String, Object> auditValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("shortName", shortName);
        m.put("type", type);
        m.put("sector", sector);
        m.put("partnerships", partnershipIds.stream().sorted().toList());
        return m;
    }
}
