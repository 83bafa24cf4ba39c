package org.safeguardinghub.organisation.districts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An area of a partnership that groups districts (for example North Kent), with how many current districts it has. */
public record Area(
        long id, long partnershipId, String name, @Nullable Instant archivedAt, int version, long districts) {

    public boolean archived() {
        return archivedAt != null;
    }

    Map<String, Object> auditValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        return m;
    }
}
