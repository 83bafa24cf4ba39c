package org.safeguardinghub.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.Modules;
import org.safeguardinghub.platform.modules.NavEntry;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds what every page's layout needs: the navigation the user may see, and the demo banner. The menu is composed
 * from the modules' own entries ({@link ModuleAccess#navigation()}), grouped into sections: the service navigation
 * shows the sections, and a side navigation shows the entries of the section the page is in (on the home page,
 * every section with its entries). Only entries the person's permissions allow are shown.
 */
@ControllerAdvice
class PageChrome {

    /** A navigation entry as rendered: {@code current} when it is this very page, {@code active} when inside it. */
    public record Link(String label, String href, boolean active, boolean current) {}

    /** A titled group of the side navigation (the title is null when the group is the page's own section). */
    public record Group(@Nullable String title, List<Link> links) {}

    private static final Comparator<NavEntry> IN_ORDER =
            Comparator.comparingInt(NavEntry::position).thenComparing(NavEntry::label);

    private final boolean demo;
    private final List<NavEntry> menu;

    PageChrome(@Value("${hub.demo}") boolean demo) {
        this.demo = demo;
        this.menu = Modules.access().stream()
                .flatMap(m -> m.navigation().stream())
                .sorted(Comparator.comparingInt((NavEntry e) -> e.section().position())
                        .thenComparing(e -> e.section().label())
                        .thenComparing(IN_ORDER))
                .toList();
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    /** The sections the person may open, each linking to its first entry they may see. */
    @ModelAttribute("navigation")
    List<Link> navigation(HttpServletRequest request) {
        Map<NavSection, List<NavEntry>> sections = visible();
        Optional<NavSection> current = currentSection(sections, request.getRequestURI());
        List<Link> links = new ArrayList<>();
        sections.forEach((section, entries) -> {
            String href = entries.get(0).href();
            boolean active = current.filter(section::equals).isPresent();
            links.add(new Link(section.label(), href, active, active && href.equals(request.getRequestURI())));
        });
        return links;
    }

    /**
     * The side navigation: the entries of the page's section when it has more than one; on the home page, every
     * section with its entries, so everything the person may open is one step away.
     */
    @ModelAttribute("sideNavigation")
    List<Group> sideNavigation(HttpServletRequest request) {
        String path = request.getRequestURI();
        Map<NavSection, List<NavEntry>> sections = visible();
        Optional<NavSection> current = currentSection(sections, path);
        if (current.isEmpty()) {
            return List.of();
        }
        if (current.get().equals(NavSection.HOME)) {
            return sections.entrySet().stream()
                    .map(e -> new Group(e.getKey().label(), links(e.getValue(), path)))
                    .toList();
        }
        List<NavEntry> entries = sections.get(current.get());
        return entries.size() > 1 ? List.of(new Group(null, links(entries, path))) : List.of();
    }

    private static List<Link> links(List<NavEntry> entries, String path) {
        NavEntry best = bestMatch(entries, path);
        return entries.stream()
                .map(e -> new Link(e.label(), e.href(), e == best, e.href().equals(path)))
                .toList();
    }

    /** The entries the current person may see, by section, in order. */
    private Map<NavSection, List<NavEntry>> visible() {
        Actor actor = Actors.current().orElse(null);
        Map<NavSection, List<NavEntry>> sections = new LinkedHashMap<>();
        if (actor == null) {
            return sections;
        }
        for (NavEntry entry : menu) {
            if (entry.anyOf().stream().anyMatch(actor::can)) {
                sections.computeIfAbsent(entry.section(), s -> new ArrayList<>())
                        .add(entry);
            }
        }
        return sections;
    }

    /** The section of the visible entry whose link is the longest prefix of the path. */
    private static Optional<NavSection> currentSection(Map<NavSection, List<NavEntry>> sections, String path) {
        NavEntry best =
                bestMatch(sections.values().stream().flatMap(List::stream).toList(), path);
        return Optional.ofNullable(best).map(NavEntry::section);
    }

    private static @Nullable NavEntry bestMatch(List<NavEntry> entries, String path) {
        NavEntry best = null;
        for (NavEntry entry : entries) {
            if (ModuleAccess.covers(entry.href(), path)
                    && (best == null || entry.href().length() > best.href().length())) {
                best = entry;
            }
        }
        return best;
    }
}
