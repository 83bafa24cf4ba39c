package org.safeguardinghub.platform.security;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting: the signed-in person as every module needs to see them, without depending on how they signed in.
 * The identity module's principals implement it.
 */
public interface Actor {

    long userId();

    String displayName();

    /** The agency the person works for; null only for system actors. */
    @Nullable
    Long agencyId();

    /** True when the person's role in the current partnership reaches across agencies (business team, admin). */
    boolean seesAllAgencies();

    /** The partnership the person is currently working in. */
    long partnershipId();

    /** Short name of that partnership, for the page header. */
    String partnershipName();

    boolean can(Permission permission);

    /** Names of the roles held in the current partnership (tasks can be addressed to a role). */
    java.util.Set<String> roleNames();

    /** Whether the person holds, in the current partnership, the role that is this audience. */
    default boolean isIn(Audience audience) {
        return roleNames().contains(audience.roleName());
    }
}
