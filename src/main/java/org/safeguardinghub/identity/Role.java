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
            EnumSet.of(
                    HOME_VIEW,
                    DIRECTORY_VIEW,
                    ORGANISATION_MANAGE,
                    USERS_VIEW,
                    IMPORTS_RUN,
                    REPORTS_VIEW,
                    REFERRALS_CREATE,
                    CASES_VIEW,
                    CASES_MANAGE,
                    LEARNING_VIEW,
                    LEARNING_MANAGE,
                    ACTIONS_UPDATE,
                    ACTIONS_SIGN_OFF,
                    RETURNS_SUBMIT,
                    RETURNS_REVIEW,
                    CATALOGUE_MANAGE,
                    SECTION11_MANAGE)),
    AGENCY_LEAD(
            "Agency safeguarding lead",
            false,
            EnumSet.of(
                    HOME_VIEW,
                    DIRECTORY_VIEW,
                    USERS_VIEW,
                    REFERRALS_CREATE,
                    CONTRIBUTIONS_ANSWER,
                    LEARNING_VIEW,
                    ACTIONS_UPDATE,
                    RETURNS_SUBMIT,
                    SECTION11_RESPOND)),
    /**
     * Members of the partnership's review groups and panels (rapid review, practice review, learning and
     * improvement): they read case detail across agencies and sign off actions, but do not run the process.
     */
    PANEL_MEMBER(
            "Panel or group member",
            true,
            EnumSet.of(
                    HOME_VIEW,
                    DIRECTORY_VIEW,
                    REPORTS_VIEW,
                    REFERRALS_CREATE,
                    CASES_VIEW,
                    LEARNING_VIEW,
                    ACTIONS_SIGN_OFF,
                    SECTION11_MODERATE)),
    /** Practitioners may be invited by their agency lead to help complete the agency's Section 11 return. */
    PRACTITIONER("Practitioner", false, EnumSet.of(HOME_VIEW, DIRECTORY_VIEW, REFERRALS_CREATE, SECTION11_RESPOND)),
    /** Reads dashboards (published, suppressed counts) and the learning tracker; never case detail. */
    SCRUTINEER(
            "Independent scrutineer (read only)",
            true,
            EnumSet.of(HOME_VIEW, DIRECTORY_VIEW, REPORTS_VIEW, LEARNING_VIEW));

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
