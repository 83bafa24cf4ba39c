package org.safeguardinghub.organisation.groups;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A board, group or sub-group of a partnership (Executive Board, Scrutiny and Challenge Group, a task and finish
 * group under it…), with its purpose, terms of reference and how often it meets. Read with its current chairs and
 * the number of current members so lists need no further queries.
 */
public record Group(
        long id,
        long partnershipId,
        @Nullable Long parentGroupId,
        @Nullable String parentName,
        String name,
        @Nullable String purpose,
        @Nullable String termsOfReference,
        @Nullable String meetingFrequency,
        @Nullable Instant archivedAt,
        int version,
        @Nullable String chairs,
        long currentMembers) {

    public java.util.List<String> purposeParagraphs() {
        return org.safeguardinghub.organisation.support.Paragraphs.of(purpose);
    }

    public java.util.List<String> termsOfReferenceParagraphs() {
        return org.safeguardinghub.organisation.support.Paragraphs.of(termsOfReference);
    }

    public boolean archived() {
        return archivedAt != null;
    }

    Map<String, Object> auditValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("parentGroup", parentName);
        m.put("purpose", purpose);
        m.put("termsOfReference", termsOfReference);
        m.put("meetingFrequency", meetingFrequency);
        return m;
    }
}
