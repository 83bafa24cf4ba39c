/**
 * Identity and access: people, their roles in each partnership, sign-in (form and optional OIDC), lockout,
 * invitations and the security configuration. Permissions per role are defined once, in {@link
 * org.safeguardinghub.identity.Role}.
 */
@ApplicationModule(
        displayName = "Identity and access",
        allowedDependencies = {"platform", "audit", "organisation"})
@NullMarked
package org.safeguardinghub.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
