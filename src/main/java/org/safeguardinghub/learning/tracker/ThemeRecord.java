package org.safeguardinghub.learning.tracker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A learning theme as its administration pages see it, with its version for optimistic locking. */
public record ThemeRecord(long id, String name, @Nullable String description, boolean active, int version, long uses) {

    Map<String, @Nullable Object> auditValues() {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("active", active);
        return m;
    }
}
