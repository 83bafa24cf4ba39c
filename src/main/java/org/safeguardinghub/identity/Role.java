package org.safeguardinghub.identity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.Modules;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.security.Permission;

/**
 * The roles a person can hold in a partnership. Each role is one {@link Audience} (same name); what it may do is
 * composed from the modules' grants (each module's {@code <Module>Access} says which audiences hold its
 * permissions), and the partnership administrator holds every permission of every module.
 */
public enum Role {
    PARTNERSHIP_ADMIN("Partnership administrator", true),
    BUSINESS_TEAM("Business team", true),
    AGENCY_LEAD("Agency safeguarding lead", false),
    /**
     * Members of the partnership's review groups and panels (rapid review, practice review, learning and
     * improvement): they read case detail across agencies and sign off actions, but do not run the process.
     */
    PANEL_MEMBER("Panel or group member", true),
    /** Practitioners may be invited by their agency lead to help complete the agency's Section 11 return. */
    PRACTITIONER("Practitioner", false),
    /** Reads dashboards (published, suppressed counts) and the learning tracker; never case detail. */
    SCRUTINEER("Independent scrutineer (read only)", true);

    private final String label;
    private final boolean acrossAgencies;

    Role(String label, boolean acrossAgencies) {
        this.label = label;
        this.acrossAgencies = acrossAgencies;
    }

    public String label() {
        return label;
    }

    /** Whether the role sees every agency's records in its partnership, or only its own agency's. */
    public boolean acrossAgencies() {
        return acrossAgencies;
    }

    /** The audience modules address this role as. */
    public Audience audience() {
        return Audience.valueOf(name());
    }

    /** The role that is this audience. */
    public static Role of(Audience audience) {
        return valueOf(audience.roleName());
    }

    public Set<Permission> permissions() {
        return Grants.BY_ROLE.get(this);
    }

    /** The modules' grants, composed once. */
    private static final class Grants {
        static final Map<Role, Set<Permission>> BY_ROLE = compose();

        private static Map<Role, Set<Permission>> compose() {
            Map<Role, Set<Permission>> byRole = new EnumMap<>(Role.class);
            for (Role role : values()) {
                Set<Permission> permissions = new LinkedHashSet<>();
                for (ModuleAccess module : Modules.access()) {
                    module.grants().forEach((permission, holders) -> {
                        if (role == PARTNERSHIP_ADMIN || holders.contains(role.audience())) {
                            permissions.add(permission);
                        }
                    });
                }
                byRole.put(role, Set.copyOf(permissions));
            }
            return Collections.unmodifiableMap(byRole);
        }
    }
}
