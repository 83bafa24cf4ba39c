package org.safeguardinghub.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.security.Permission;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds what every page's layout needs: the navigation the user may see, and the demo banner. */
@ControllerAdvice
class PageChrome {

    /** A navigation entry shown to those holding {@code permission}. */
    record NavItem(String label, String href, Set<Permission> anyOf) {
        NavItem(String label, String href, Permission permission) {
            this(label, href, Set.of(permission));
        }
    }

    /** A navigation entry as rendered. */
    public record Link(String label, String href, boolean active) {}

    private static final List<NavItem> MENU = List.of(
            new NavItem("Home", "/", Permission.HOME_VIEW),
            new NavItem("Cases", "/cases", Permission.CASES_VIEW),
            new NavItem("Reviews", "/reviews", Permission.CASES_VIEW),
            new NavItem("Agency requests", "/contributions", Permission.CONTRIBUTIONS_ANSWER),
            new NavItem("Learning", "/learning", Permission.LEARNING_VIEW),
            new NavItem("Dashboards", "/dashboards", Permission.REPORTS_VIEW),
            new NavItem("Performance", "/performance", Permission.REPORTS_VIEW),
            new NavItem("Data returns", "/returns", Permission.RETURNS_SUBMIT),
            new NavItem(
                    "Section 11",
                    "/section11",
                    Set.of(
                            Permission.SECTION11_RESPOND,
                            Permission.SECTION11_MODERATE,
                            Permission.SECTION11_MANAGE,
                            Permission.REPORTS_VIEW)),
            new NavItem("Referrals", "/referrals", Permission.REFERRALS_CREATE),
            new NavItem("Agencies", "/agencies", Permission.DIRECTORY_VIEW),
            new NavItem("Groups", "/groups", Permission.DIRECTORY_VIEW),
            new NavItem("Districts", "/districts", Permission.DIRECTORY_VIEW),
            new NavItem("Partnerships", "/partnerships", Permission.ORGANISATION_MANAGE),
            new NavItem("People", "/people", Permission.USERS_VIEW),
            new NavItem("Imports", "/imports", Permission.IMPORTS_RUN),
            new NavItem("Bank holidays", "/bank-holidays", Permission.CALENDAR_MANAGE),
            new NavItem("Audit trail", "/audit", Permission.AUDIT_VIEW));

    private final boolean demo;

    PageChrome(@Value("${hub.demo}") boolean demo) {
        this.demo = demo;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    @ModelAttribute("navigation")
    List<Link> navigation(HttpServletRequest request) {
        Actor actor = Actors.current().orElse(null);
        if (actor == null) {
            return List.of();
        }
        String path = request.getRequestURI();
        return MENU.stream()
                .filter(i -> i.anyOf().stream().anyMatch(actor::can))
                .map(i -> new Link(
                        i.label(), i.href(), i.href().equals("/") ? path.equals("/") : path.startsWith(i.href())))
                .toList();
    }
}
