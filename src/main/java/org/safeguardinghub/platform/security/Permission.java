package org.safeguardinghub.platform.security;

import java.io.Serializable;

/**
 * A permission, as resource and action. Each module declares its own as constants in its access declaration (see
 * {@link org.safeguardinghub.platform.modules.ModuleAccess}), together with the audiences that hold them; routes and
 * facade methods check them with {@code hasAuthority('resource:action')}.
 */
public record Permission(String resource, String action) implements Serializable {

    /** The authority string Spring Security sees, e.g. {@code organisation:manage}. */
    public String authority() {
        return resource + ":" + action;
    }

    @Override
    public String toString() {
        return authority();
    }
}
