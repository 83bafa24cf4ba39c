package org.safeguardinghub.platform.modules;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Permission;
import org.springframework.http.HttpMethod;

/** One route access rule: the method (null for any), the path patterns, and who may pass. */
public record RouteRule(@Nullable HttpMethod method, List<String> patterns, Who who, Set<Permission> anyOf) {

    public enum Who {
        ANYONE,
        SIGNED_IN,
        PERMITTED
    }

    public String[] authorities() {
        return anyOf.stream().map(Permission::authority).sorted().toArray(String[]::new);
    }
}
