package org.safeguardinghub.identity;

import java.util.Map;
import java.util.Set;
import org.safeguardinghub.identity.users.UserRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates ready-to-use accounts without an invitation, for set-up code only (demo data). People invited through
 * the administration pages go through {@code UserAdministration} instead.
 */
@Service
public class AccountProvisioning {

    private final UserRecords users;

    AccountProvisioning(UserRecords users) {
        this.users = users;
    }

    /** Creates an active account with an already-encoded password and the given roles per partnership id. */
    @Transactional
    public long createActive(
            String email,
            String displayName,
            String jobTitle,
            long agencyId,
            String encodedPassword,
            Map<Long, Set<Role>> rolesByPartnership) {
        long id = users.insert(email, displayName, jobTitle, agencyId, encodedPassword, false, "ACTIVE", null, null);
        rolesByPartnership.forEach((partnership, roles) -> {
            if (!roles.isEmpty()) {
                users.grant(id, partnership, roles);
            }
        });
        return id;
    }
}
