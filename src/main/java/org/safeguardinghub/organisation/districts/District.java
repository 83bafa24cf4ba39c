package org.safeguardinghub.organisation.districts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A district (district, borough or unitary council area) of a partnership, optionally in an area. Former names keep
 * older records findable (Folkestone and Hythe was Shepway); the ONS code links to published statistics.
 */
public record District(
        long id,
        long partnershipId,
        @Nullable Long areaId,
        @Nullable String areaName,
        String name,
        @Nullable String formerNames,
        @Nullable String onsCode,
        @Nullable Instant archivedAt,
        int version) {

    public boolean archived() {
        return archivedAt != null;
    }

    Map<String, Object> auditValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("area", areaName);
        m.put("formerNames", formerNames);
        m.put("onsCode", onsCode);
        return m;
    }
}
