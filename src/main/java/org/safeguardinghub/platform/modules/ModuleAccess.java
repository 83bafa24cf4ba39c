package org.safeguardinghub.platform.modules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.security.Permission;
import org.springframework.http.HttpMethod;

/**
 * What a module says about itself to the rest of the Hub, in one small class in the module's base package named
 * {@code <Module>Access} (for example {@code casereviews.CaseReviewsAccess}): the URL prefixes it owns, its
 * permissions (as {@code public static final Permission} constants of that class) and the audiences that hold them,
 * its route rules, and its navigation entries. The class has a public no-argument constructor that declares all of
 * this; {@link Modules} finds every such class once, and the identity module's security configuration, its roles
 * and the page layout compose them.
 *
 * <p>Route rules are checked in the order declared, first match wins, within the module. Prefixes of different
 * modules never overlap (an architecture test checks it, and that every rule and menu entry stays under the module's
 * own prefixes), so the order in which modules are composed cannot change an answer. Anything no module lists is
 * refused.
 */
public abstract class ModuleAccess {

    private final List<String> prefixes = new ArrayList<>();
    private final Map<Permission, Set<Audience>> grants = new LinkedHashMap<>();
    private final List<RouteRule> routes = new ArrayList<>();
    private final List<NavEntry> navigation = new ArrayList<>();

    /** The module's name: the segment of its base package below {@code org.safeguardinghub}. */
    public final String module() {
        String pkg = getClass().getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** URL prefixes this module owns (a prefix owns itself and everything below it; {@code "/"} owns only itself). */
    public final List<String> prefixes() {
        return Collections.unmodifiableList(prefixes);
    }

    /** The module's permissions, each with the audiences that hold it (the partnership administrator holds all). */
    public final Map<Permission, Set<Audience>> grants() {
        return Collections.unmodifiableMap(grants);
    }

    public final List<RouteRule> routes() {
        return Collections.unmodifiableList(routes);
    }

    public final List<NavEntry> navigation() {
        return Collections.unmodifiableList(navigation);
    }

    /**
     * Whether {@code path} (or a route pattern) lies under {@code prefix}: the prefix itself or anything below it;
     * the root {@code "/"} covers only itself.
     */
    public static boolean covers(String prefix, String path) {
        if (prefix.length() == 1) {
            return path.equals(prefix);
        }
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Whether {@code path} lies under one of this module's prefixes. */
    public final boolean isOwnerOf(String path) {
        return prefixes.stream().anyMatch(prefix -> covers(prefix, path));
    }

    protected final void owns(String... paths) {
        prefixes.addAll(List.of(paths));
    }

    /** Declares a permission of this module and the audiences that hold it. */
    protected final void grant(Permission permission, Audience... holders) {
        Set<Audience> set = EnumSet.noneOf(Audience.class);
        set.addAll(List.of(holders));
        grants.put(permission, set);
    }

    /** A rule for every method on these paths. */
    protected final Rule any(String... patterns) {
        return new Rule(null, patterns);
    }

    protected final Rule get(String... patterns) {
        return new Rule(HttpMethod.GET, patterns);
    }

    protected final Rule post(String... patterns) {
        return new Rule(HttpMethod.POST, patterns);
    }

    /** A navigation entry in {@code section}, at {@code position} within it, shown to holders of any of {@code anyOf}. */
    protected final void menu(NavSection section, int position, String label, String href, Permission... anyOf) {
        navigation.add(new NavEntry(section, position, label, href, Set.of(anyOf)));
    }

    /** A route rule being declared: finish it with who may pass. */
    public final class Rule {
        private final @Nullable HttpMethod method;
        private final List<String> patterns;

        private Rule(@Nullable HttpMethod method, String... patterns) {
            this.method = method;
            this.patterns = List.of(patterns);
        }

        /** Anyone, signed in or not (public forms). */
        public void open() {
            routes.add(new RouteRule(method, patterns, RouteRule.Who.ANYONE, Set.of()));
        }

        /** Anyone signed in, whatever their roles. */
        public void signedIn() {
            routes.add(new RouteRule(method, patterns, RouteRule.Who.SIGNED_IN, Set.of()));
        }

        /** Those holding at least one of these permissions. */
        public void require(Permission... anyOf) {
            routes.add(new RouteRule(method, patterns, RouteRule.Who.PERMITTED, Set.of(anyOf)));
        }
    }
}
