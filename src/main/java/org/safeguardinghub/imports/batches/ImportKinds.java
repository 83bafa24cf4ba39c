package org.safeguardinghub.imports.batches;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.safeguardinghub.imports.ImportKind;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Every {@link ImportKind} bean in the application, by id, and which of them the current user may use. */
@Component
public class ImportKinds {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final Map<String, ImportKind> byId = new LinkedHashMap<>();

    ImportKinds(List<ImportKind> kinds) {
        kinds.stream().sorted(Comparator.comparing(ImportKind::title)).forEach(k -> {
            if (!ID.matcher(k.id()).matches()) {
                throw new IllegalStateException(
                        "Import kind id '" + k.id() + "' must be lower case letters, digits" + " and hyphens");
            }
            if (byId.putIfAbsent(k.id(), k) != null) {
                throw new IllegalStateException("Two import kinds share the id '" + k.id() + "'");
            }
        });
    }

    /** The kind with this id if the current user holds its authority; empty otherwise (as if it did not exist). */
    public Optional<ImportKind> usable(String id) {
        ImportKind kind = byId.get(id);
        return kind != null && holds(kind.requiredAuthority()) ? Optional.of(kind) : Optional.empty();
    }

    /** The kinds the current user may use, by title. */
    public List<ImportKind> usable() {
        return byId.values().stream().filter(k -> holds(k.requiredAuthority())).toList();
    }

    public Set<String> usableIds() {
        return usable().stream().map(ImportKind::id).collect(Collectors.toSet());
    }

    /** The title of a kind by id, for lists; the id itself if the kind is no longer deployed. */
    public String title(String id) {
        ImportKind kind = byId.get(id);
        return kind == null ? id : kind.title();
    }

    static boolean holds(String authority) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        for (GrantedAuthority a : auth.getAuthorities()) {
            if (authority.equals(a.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
