package org.safeguardinghub.identity.users;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.identity.Role;

/** A person's account as the administration pages see it. */
public record UserAccount(
        long id,
        String email,
        String displayName,
        @Nullable String jobTitle,
        long agencyId,
        String agencyName,
        String status,
        Set<Role> roles,
        @Nullable Instant lockedUntil,
        @Nullable Instant lastSignInAt,
        int version) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }

    public String statusLabel() {
        if (locked()) {
            return "Locked";
        }
        return switch (status) {
            case "INVITED" -> "Invited";
            case "DEACTIVATED" -> "Deactivated";
            default -> "Active";
        };
    }

    public String rolesLabel() {
        return String.join(", ", roles.stream().map(Role::label).toList());
    }

    Map<String, Object> auditValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", email);
        m.put("displayName", displayName);
        m.put("jobTitle", jobTitle);
        m.put("agency", agencyId);
        m.put("status", status);
        m.put("roles", roles.stream().map(Enum::name).sorted().toList());
        return m;
    }
}
