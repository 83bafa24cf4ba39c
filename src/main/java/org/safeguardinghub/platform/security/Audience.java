package org.safeguardinghub.platform.security;

/**
 * The kinds of people a module addresses: whom it grants a permission to, and whom a task is for. The identity
 * module maps each of its roles to one audience (one for one, by name; a test checks it), so modules never spell a
 * role's name. {@link #roleName()} is the name stored with a task or a user's role.
 */
public enum Audience {
    /** Holds every permission of every module; modules do not list it in their grants. */
    PARTNERSHIP_ADMIN,
    BUSINESS_TEAM,
    AGENCY_LEAD,
    PANEL_MEMBER,
    PRACTITIONER,
    SCRUTINEER;

    /** The name of the identity role this audience is, as stored in {@code user_role.role} and task rows. */
    public String roleName() {
        return name();
    }
}
