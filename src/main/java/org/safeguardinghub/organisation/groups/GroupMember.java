package org.safeguardinghub.organisation.groups;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A person's place in a group. Members are never deleted: someone who leaves keeps their row with the date they
 * left, so the group's membership on any past date can be told.
 */
public record GroupMember(
        long id,
        long groupId,
        String personName,
        @Nullable String jobTitle,
        @Nullable Long agencyId,
        @Nullable String agencyName,
        MemberRole role,
        @Nullable LocalDate joinedOn,
        @Nullable LocalDate leftOn,
        int version) {

    public boolean current() {
        return leftOn == null;
    }

    Map<String, Object> auditValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personName", personName);
        m.put("jobTitle", jobTitle);
        m.put("agency", agencyName);
        m.put("role", role);
        m.put("joinedOn", joinedOn);
        m.put("leftOn", leftOn);
        return m;
    }
}
