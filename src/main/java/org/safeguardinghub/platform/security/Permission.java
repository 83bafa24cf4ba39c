package org.safeguardinghub.platform.security;

/**
 * Every permission in the Hub, as resource and action, in one place. Roles grant sets of these (see the identity
 * module's {@code Role}); routes and facade methods check them with {@code hasAuthority('resource:action')}.
 */
public enum Permission {
    HOME_VIEW("home", "view"),
    DIRECTORY_VIEW("directory", "view"),
    ORGANISATION_MANAGE("organisation", "manage"),
    PARTNERSHIPS_MANAGE("partnerships", "manage"),
    USERS_VIEW("users", "view"),
    USERS_MANAGE("users", "manage"),
    AUDIT_VIEW("audit", "view"),
    IMPORTS_RUN("imports", "run"),
    REPORTS_VIEW("reports", "view");

    private final String resource;
    private final String action;

    Permission(String resource, String action) {
        this.resource = resource;
        this.action = action;
    }

    /** The authority string Spring Security sees, e.g. {@code organisation:manage}. */
    public String authority() {
        return resource + ":" + action;
    }
}
