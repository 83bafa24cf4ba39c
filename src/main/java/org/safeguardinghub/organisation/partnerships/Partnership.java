package org.safeguardinghub.organisation.partnerships;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A safeguarding children partnership hosted by this deployment, with counts of what it holds for the list and
 * detail pages.
 */
public record Partnership(
        long id,
        String name,
        String shortName,
        @Nullable String description,
        @Nullable Instant archivedAt,
        int version,
        long agencies,
        long districts,
        long groups) {

    public java.util.List<String> descriptionParagraphs() {
        return org.safeguardinghub.organisation.support.Paragraphs.of(description);
    }

    public boolean archived() {
        return archivedAt != null;
    }

    /** The fields the audit trail compares before and after a change. */
    Map<String, Object> auditValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("shortName", shortName);
        m.put("description", description);
        return m;
    }
}
