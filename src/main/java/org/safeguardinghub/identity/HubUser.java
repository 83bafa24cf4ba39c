package org.safeguardinghub.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Permission;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, whichever way they signed in. Holds their roles in the partnership they are working in;
 * authorities are the permissions those roles grant (plus {@code ROLE_*} names for readability in tests).
 */
public final class HubUser implements UserDetails, Actor, CredentialsContainer, Serializable {

    private final long userId;
    private final String email;
    private final String displayName;
    private final long agencyId;
    private final long partnershipId;
    private final String partnershipName;
    private final Set<Role> roles;
    private @Nullable String passwordHash;
    private final boolean mustChangePassword;
    private final boolean enabled;
    private final boolean locked;

    public HubUser(
            long userId,
            String email,
            String displayName,
            long agencyId,
            long partnershipId,
            String partnershipName,
            Set<Role> roles,
            @Nullable String passwordHash,
            boolean mustChangePassword,
            boolean enabled,
            boolean locked) {
        this.userId = userId;
        this.email = email;
        this.displayName = displayName;
        this.agencyId = agencyId;
        this.partnershipId = partnershipId;
        this.partnershipName = partnershipName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.enabled = enabled;
        this.locked = locked;
    }

    /** The same person without the password hash, as kept in the session. */
    public HubUser withoutPassword() {
        return withoutPassword(mustChangePassword);
    }

    /** The same person once they have changed their password: no hash kept, and no change asked for any more. */
    public HubUser passwordChanged() {
        return withoutPassword(false);
    }

    private HubUser withoutPassword(boolean mustChange) {
        return new HubUser(
                userId,
                email,
                displayName,
                agencyId,
                partnershipId,
                partnershipName,
                roles,
                null,
                mustChange,
                enabled,
                locked);
    }

    @Override
    public long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Long agencyId() {
        return agencyId;
    }

    @Override
    public long partnershipId() {
        return partnershipId;
    }

    @Override
    public String partnershipName() {
        return partnershipName;
    }

    public Set<Role> roles() {
        return roles;
    }

    @Override
    public Set<String> roleNames() {
        return roles.stream().map(Enum::name).collect(Collectors.toSet());
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public boolean seesAllAgencies() {
        return roles.stream().anyMatch(Role::acrossAgencies);
    }

    @Override
    public boolean can(Permission permission) {
        return roles.stream().anyMatch(r -> r.permissions().contains(permission));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        Set<GrantedAuthority> authorities = roles.stream()
                .flatMap(r -> r.permissions().stream())
                .map(p -> new SimpleGrantedAuthority(p.authority()))
                .collect(Collectors.toSet());
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Spring Security calls this after sign-in, so the hash never reaches the session store. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "HubUser[" + userId + "]"; // never names or emails in logs
    }
}
