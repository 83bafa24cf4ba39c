package org.safeguardinghub.identity.signin;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.identity.HubUser;
import org.safeguardinghub.identity.Role;
import org.safeguardinghub.identity.users.UserRecords;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the signed-in {@link HubUser} for a person, in their first (or a chosen) partnership. */
@Service
public class Principals implements UserDetailsService {

    private final UserRecords users;

    Principals(UserRecords users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public HubUser loadUserByUsername(String email) {
        return forEmail(email, null).orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Transactional(readOnly = true)
    public Optional<HubUser> forEmail(String email, @Nullable Long partnershipId) {
        return users.credentials(email).map(c -> {
            List<UserRecords.PartnershipRole> all = users.rolesOf(c.id());
            long chosen = partnershipId != null && all.stream().anyMatch(r -> r.partnershipId() == partnershipId)
                    ? partnershipId
                    : all.stream()
                            .mapToLong(UserRecords.PartnershipRole::partnershipId)
                            .min()
                            .orElse(0);
            Set<Role> roles = all.stream()
                    .filter(r -> r.partnershipId() == chosen)
                    .map(UserRecords.PartnershipRole::role)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            String partnershipName = all.stream()
                    .filter(r -> r.partnershipId() == chosen)
                    .map(UserRecords.PartnershipRole::partnershipName)
                    .findFirst()
                    .orElse("");
            return new HubUser(
                    c.id(),
                    c.email(),
                    c.displayName(),
                    c.agencyId(),
                    chosen,
                    partnershipName,
                    roles,
                    c.passwordHash(),
                    c.mustChangePassword(),
                    "ACTIVE".equals(c.status()) && c.passwordHash() != null,
                    c.locked(Instant.now()));
        });
    }

    /** Partnerships the person holds a role in, for the partnership switcher. */
    @Transactional(readOnly = true)
    public List<UserRecords.PartnershipRole> partnershipsOf(long userId) {
        return users.rolesOf(userId);
    }
}
