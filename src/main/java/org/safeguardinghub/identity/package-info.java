/**
 * Identity and access: people, their roles in each partnership, sign-in (form and optional OIDC), lockout,
 * invitations and the security configuration. The roles are defined in {@link org.safeguardinghub.identity.Role};
 * what each may do is composed from the modules' own declarations (each module's {@code <Module>Access}), as are the
 * route rules the security configuration applies.
 */
@ApplicationModule(
        displayName = "Identity and access",
        allowedDependencies = {"platform", "audit", "organisation"})
@NullMarked
package org.safeguardinghub.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
