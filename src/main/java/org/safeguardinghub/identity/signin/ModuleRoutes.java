package org.safeguardinghub.identity.signin;

import java.util.List;
import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.RouteRule;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Turns the modules' declared route rules into Spring Security's, module by module, each module's rules in its own
 * order. Module prefixes never overlap (an architecture test checks it), so which module comes first cannot change
 * an answer.
 */
final class ModuleRoutes {

    private ModuleRoutes() {}

    static void apply(
            AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry,
            List<ModuleAccess> modules) {
        for (ModuleAccess module : modules) {
            for (RouteRule rule : module.routes()) {
                String[] patterns = rule.patterns().toArray(String[]::new);
                var matched = rule.method() == null
                        ? registry.requestMatchers(patterns)
                        : registry.requestMatchers(rule.method(), patterns);
                switch (rule.who()) {
                    case ANYONE -> matched.permitAll();
                    case SIGNED_IN -> matched.authenticated();
                    case PERMITTED -> matched.hasAnyAuthority(rule.authorities());
                }
            }
        }
    }
}
