package org.safeguardinghub.identity;

import static org.safeguardinghub.platform.security.Permission.*;

import java.util.EnumSet;
import java.util.Set;
import org.safeguardinghub.platform.security.Permission;

/**
 * The roles a person can hold in a partnership, and the one place that says what each may do. Later modules add
 * their permissions here.
 */
public enum Role {
    PARTNERSHIP_ADMIN("Partnership administrator", true, EnumSet.allOf(Permission.class)),
    BUSINESS_TEAM(
            "Business team",
            true,
            EnumSet.of(HOME_VIEW, DIRECTORY_VIEW, ORGANISATION_MANAGE, USERS_VIEW, IMPORTS_RUN, REPORTS_VIEW)),
    AGENCY_LEAD("Agency safeguarding lead", false, EnumSet.of(HOME_VIEW, DIRECTORY_VIEW, USERS_VIEW)),
    PANEL_MEMBER("Panel or group member", false, EnumSet.of(HOME_VIEW, DIRECTORY_VIEW)),
    PRACTITIONER("Practitioner", false, EnumSet.of(HOME_VIEW, DIRECTORY_VIEW)),
    SCRUTINEER("Independent scrutineer (read only)", true, EnumSet.of(HOME_VIEW, DIRECTORY_VIEW, REPORTS_VIEW));

    private final String label;
    private final boolean acrossAgencies;
    private final Set<Permission> permissions;

    Role(String label, boolean acrossAgencies, Set<Permission> permissions) {
        this.label = label;
        this.acrossAgencies = acrossAgencies;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    /** Whether the role sees every agency's records in its partnership, or only its own agency's. */
    public boolean acrossAgencies() {
        return acrossAgencies;
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
