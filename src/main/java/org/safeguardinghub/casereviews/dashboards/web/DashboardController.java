package org.safeguardinghub.casereviews.dashboards.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.casereviews.dashboards.DashboardPages;
import org.safeguardinghub.casereviews.dashboards.DashboardRequest;
import org.safeguardinghub.casereviews.dashboards.Figure;
import org.safeguardinghub.platform.export.ExportFormat;
import org.safeguardinghub.platform.export.ExportResponse;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The two learning dashboards (issue 3, "Dashboards"): referrals and notifications, and learning themes. Open to
 * everyone with {@code reports:view} (the route rule); the published view with small-number suppression is the
 * default and the only one for people without case detail ({@code cases:view}), such as the independent
 * scrutineer. Every chart has its table, and every table downloads as CSV or Excel; downloads are audited.
 */
@Controller
class DashboardController {

    private final DashboardPages pages;
    private final AuditTrail audit;

    DashboardController(DashboardPages pages, AuditTrail audit) {
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping("/dashboards")
    String index(Model model) {
        model.addAttribute("canSeeInternal", Actors.require().can(CaseReviewsAccess.CASES_VIEW));
        return "casereviews/dashboards/index";
    }

    @GetMapping("/dashboards/referrals")
    String referrals(@ModelAttribute("filter") DashboardRequest request, Model model) {
        Actor actor = Actors.require();
        DashboardPages.ReferralPage page = pages.referralPage(request, actor);
        filters(model, request, actor);
        model.addAttribute("page", page);
        model.addAttribute("periodOptions", pages.periodOptions(page.internal()));
        model.addAttribute("agencyOptions", pages.agencyOptions(actor.partnershipId()));
        model.addAttribute("ethnicityOptions", pages.ethnicities());
        model.addAttribute("figures", page.figures());
        model.addAttribute("internal", page.internal());
        model.addAttribute("exportBase", "/dashboards/referrals/export?" + exportQuery(request, page.internal(), true));
        return "casereviews/dashboards/referrals";
    }

    @GetMapping("/dashboards/referrals/export")
    void exportReferrals(
            @ModelAttribute("filter") DashboardRequest request,
            @RequestParam String figure,
            @RequestParam String format,
            HttpServletResponse response) {
        Actor actor = Actors.require();
        DashboardPages.ReferralPage page = pages.referralPage(request, actor);
        send(response, "Referral dashboard", page.figures(), figure, format, page.internal(), page.periodLabel());
    }

    @GetMapping("/dashboards/themes")
    String themes(@ModelAttribute("filter") DashboardRequest request, Model model, HttpServletResponse response) {
        Actor actor = Actors.require();
        DashboardPages.ThemePage page = pages.themePage(request, actor);
        if (page.sinceError() != null) {
            Forms.invalid(response);
        }
        filters(model, request, actor);
        model.addAttribute("page", page);
        model.addAttribute("periodOptions", pages.periodOptions(page.internal()));
        model.addAttribute("figures", page.figures());
        model.addAttribute("internal", page.internal());
        model.addAttribute("exportBase", "/dashboards/themes/export?" + exportQuery(request, page.internal(), false));
        return "casereviews/dashboards/themes";
    }

    @GetMapping("/dashboards/themes/export")
    void exportThemes(
            @ModelAttribute("filter") DashboardRequest request,
            @RequestParam String figure,
            @RequestParam String format,
            HttpServletResponse response) {
        Actor actor = Actors.require();
        DashboardPages.ThemePage page = pages.themePage(request, actor);
        send(
                response,
                "Learning themes dashboard",
                page.figures(),
                figure,
                format,
                page.internal(),
                page.internal() ? "since " + page.sinceLabel() : page.periodLabel());
    }

    private void filters(Model model, DashboardRequest request, Actor actor) {
        model.addAttribute("canSeeInternal", actor.can(CaseReviewsAccess.CASES_VIEW));
        model.addAttribute("suppressedText", pages.suppressedText());
        model.addAttribute("ageBandOptions", pages.ageBands());
        model.addAttribute("genderOptions", pages.genders());
        model.addAttribute("districtOptions", pages.districtOptions(actor.partnershipId()));
    }

    /**
     * The current filters, with the view the page actually shows (never "internal" for those not allowed it, and one
     * filter at a time in the published view).
     */
    private static String exportQuery(DashboardRequest asked, boolean internal, boolean referrals) {
        DashboardRequest request =
                internal ? asked : referrals ? DashboardPages.noFilter(asked) : DashboardPages.oneFilter(asked);
        DashboardRequest shown = new DashboardRequest(
                request.period(),
                request.show(),
                request.ageBand(),
                request.gender(),
                request.ethnicity(),
                request.district(),
                request.agency(),
                internal ? "internal" : null,
                request.sinceDay(),
                request.sinceMonth(),
                request.sinceYear());
        String q = shown.query();
        return q.isEmpty() ? "" : q + "&";
    }

    private void send(
            HttpServletResponse response,
            String dashboard,
            List<Figure> figures,
            String figureId,
            String format,
            boolean internal,
            String scope) {
        ExportFormat exportFormat = ExportFormat.fromExtension(format)
                .filter(f -> f == ExportFormat.CSV || f == ExportFormat.XLSX)
                .orElseThrow(() -> new NotFoundException("export"));
        Figure figure = figures.stream()
                .filter(f -> f.id().equals(figureId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("export"));
        audit.event(
                AuditAction.EXPORT,
                "dashboard",
                null,
                dashboard + ": " + figure.title() + " (" + scope + ", " + (internal ? "internal" : "published")
                        + " view, " + exportFormat.label() + ")");
        ExportResponse.send(response, exportFormat, dashboard + " " + figure.id(), figure.table());
    }
}
