package org.safeguardinghub.performance.scorecard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.performance.PerformanceAccess;
import org.safeguardinghub.performance.scorecard.ChangeGroup;
import org.safeguardinghub.performance.scorecard.CommentaryForm;
import org.safeguardinghub.performance.scorecard.ContextInNumbers;
import org.safeguardinghub.performance.scorecard.ContextInNumbers.ContextRow;
import org.safeguardinghub.performance.scorecard.PerformanceData;
import org.safeguardinghub.performance.scorecard.PerformancePages;
import org.safeguardinghub.performance.scorecard.PerformancePages.IndicatorPage;
import org.safeguardinghub.performance.scorecard.PerformancePages.SeriesRow;
import org.safeguardinghub.performance.scorecard.ScorecardPage;
import org.safeguardinghub.performance.scorecard.ScorecardPage.Scorecard;
import org.safeguardinghub.performance.scorecard.ScorecardPage.ScorecardRow;
import org.safeguardinghub.performance.scorecard.ScorecardRequest;
import org.safeguardinghub.platform.export.ExportFormat;
import org.safeguardinghub.platform.export.ExportResponse;
import org.safeguardinghub.platform.export.Table;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The performance pages (issue 4, "Scorecard and dashboards"): the scorecard (the "Performance" landing page), one
 * page per indicator, "Context in numbers" and the priorities dashboard, with CSV and Excel downloads. Reading
 * needs {@code reports:view} (business team, panel members, the scrutineer, administrators; not agency leads);
 * adding commentary needs {@code returns:review} (both by the route rules). People without case detail (the
 * scrutineer) always get the published view with small counts hidden; anyone may ask for it with
 * {@code ?view=published}. Downloads are audited.
 */
@Controller
class ScorecardController {

    private final PerformancePages pages;
    private final ScorecardPage scorecards;
    private final ContextInNumbers contexts;
    private final PerformanceData data;
    private final AuditTrail audit;

    ScorecardController(
            PerformancePages pages,
            ScorecardPage scorecards,
            ContextInNumbers contexts,
            PerformanceData data,
            AuditTrail audit) {
        this.pages = pages;
        this.scorecards = scorecards;
        this.contexts = contexts;
        this.data = data;
        this.audit = audit;
    }

    static boolean published(Actor actor, @Nullable String view) {
        return !actor.can(CaseReviewsAccess.CASES_VIEW) || "published".equals(view);
    }

    @GetMapping("/performance")
    String scorecard(@ModelAttribute("filter") ScorecardRequest request, Model model) {
        Actor actor = Actors.require();
        Scorecard card = scorecards.scorecard(actor.partnershipId(), request, published(actor, request.view()));
        model.addAttribute("card", card);
        common(model, actor, card.published(), "scorecard");
        return "performance/scorecard/scorecard";
    }

    @GetMapping({"/performance/scorecard.csv", "/performance/scorecard.xlsx"})
    void exportScorecard(
            @ModelAttribute("filter") ScorecardRequest request,
            jakarta.servlet.http.HttpServletRequest http,
            HttpServletResponse response) {
        Actor actor = Actors.require();
        Scorecard card = scorecards.scorecard(actor.partnershipId(), request, published(actor, request.view()));
        List<List<String>> rows = new ArrayList<>();
        for (ScorecardRow r : card.rows()) {
            var s = r.summary();
            rows.add(List.of(
                    s.definition().code(),
                    s.definition().name(),
                    r.notByDistrict() ? "Not available by district" : s.periodLabel(),
                    r.notByDistrict() ? "" : s.valueText(),
                    s.previousLabel(),
                    s.previousText(),
                    s.changeText(),
                    r.target(),
                    s.rag().label(),
                    r.england(),
                    r.region(),
                    r.neighbours(),
                    r.commentary() == null
                            ? (r.commentaryRequired() ? "Commentary required" : "")
                            : r.commentary().body(),
                    r.signal() == null ? "" : r.signal().explanation(),
                    s.methodologyNote() == null ? "" : s.methodologyNote()));
        }
        Table table = Table.of(
                "Scorecard",
                List.of(
                        "Code",
                        "Indicator",
                        "Period",
                        "Value",
                        "Previous period",
                        "Previous value",
                        "Change",
                        "Target",
                        "Rating",
                        "England",
                        "Region",
                        "Statistical neighbours",
                        "Commentary",
                        "Early warning",
                        "Methodology"),
                rows);
        send(response, format(http.getRequestURI()), "Scorecard", "scorecard (" + card.description() + ")", table);
    }

    @GetMapping("/performance/indicators/{code}")
    String indicator(@PathVariable String code, @RequestParam(required = false) @Nullable String view, Model model) {
        Actor actor = Actors.require();
        IndicatorPage page = pages.indicatorPage(actor.partnershipId(), code, published(actor, view))
                .orElseThrow(() -> new NotFoundException("indicator"));
        model.addAttribute("commentaryForm", CommentaryForm.empty());
        return indicatorView(model, actor, page);
    }

    private String indicatorView(Model model, Actor actor, IndicatorPage page) {
        model.addAttribute("page", page);
        model.addAttribute("canComment", actor.can(PerformanceAccess.RETURNS_REVIEW));
        model.addAttribute(
                "exportBase",
                "/performance/indicators/" + page.definition().code() + "/export?"
                        + (page.published() ? "view=published&" : ""));
        common(model, actor, page.published(), "indicator");
        return "performance/scorecard/indicator";
    }

    @GetMapping("/performance/indicators/{code}/export")
    void exportIndicator(
            @PathVariable String code,
            @RequestParam String format,
            @RequestParam(required = false) @Nullable String view,
            HttpServletResponse response) {
        Actor actor = Actors.require();
        IndicatorPage page = pages.indicatorPage(actor.partnershipId(), code, published(actor, view))
                .orElseThrow(() -> new NotFoundException("indicator"));
        List<List<String>> rows = new ArrayList<>();
        for (SeriesRow r : page.rows()) {
            rows.add(List.of(
                    r.period(),
                    r.periodEnd().toString(),
                    r.value(),
                    r.numerator(),
                    r.denominator(),
                    r.firstPublished(),
                    r.rag().label(),
                    r.fictional() ? "Yes (fictional demo data)" : "No",
                    String.valueOf(r.versionNo())));
        }
        Table table = Table.of(
                page.definition().name(),
                List.of(
                        "Period",
                        "Period end",
                        "Value",
                        "Numerator",
                        "Denominator",
                        "As first published",
                        "Rating",
                        "Fictional",
                        "Definition version"),
                rows);
        ExportFormat exportFormat = ExportFormat.fromExtension(format)
                .filter(f -> f == ExportFormat.CSV || f == ExportFormat.XLSX)
                .orElseThrow(() -> new NotFoundException("export"));
        send(
                response,
                exportFormat,
                "Indicator " + code,
                "indicator " + code + (page.published() ? " (published view)" : " (internal view)"),
                table);
    }

    @PostMapping("/performance/indicators/{code}/commentary")
    String addCommentary(
            @PathVariable String code,
            @ModelAttribute("commentaryForm") CommentaryForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        IndicatorPage page = pages.indicatorPage(actor.partnershipId(), code, published(actor, null))
                .orElseThrow(() -> new NotFoundException("indicator"));
        LocalDate periodEnd = null;
        if (form.periodEnd() == null || form.periodEnd().isBlank()) {
            errors.rejectValue("periodEnd", "required", "Choose the period the commentary is about");
        } else if (page.commentaryPeriods().stream().noneMatch(o -> o.value().equals(form.periodEnd()))) {
            errors.rejectValue("periodEnd", "invalid", "Choose one of the periods this indicator has figures for");
        } else {
            periodEnd = LocalDate.parse(form.periodEnd());
        }
        String body = form.body() == null ? "" : form.body().trim();
        if (body.isEmpty()) {
            errors.rejectValue("body", "required", "Enter the commentary");
        } else if (body.length() > CommentaryForm.MAX_LENGTH) {
            errors.rejectValue(
                    "body", "length", "Commentary must be " + CommentaryForm.MAX_LENGTH + " characters or fewer");
        }
        if (errors.hasErrors() || periodEnd == null) {
            Forms.invalid(response);
            return indicatorView(model, actor, page);
        }
        data.addCommentary(
                actor.partnershipId(),
                page.definition().indicatorId(),
                actor.agencyId(),
                periodEnd,
                body,
                actor.displayName());
        flash.addFlashAttribute("flash", "Commentary added");
        return "redirect:/performance/indicators/" + page.definition().code() + "#commentary";
    }

    @GetMapping("/performance/context")
    String context(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String view,
            Model model) {
        Actor actor = Actors.require();
        ContextInNumbers.Context context = contexts.context(actor.partnershipId(), year, published(actor, view));
        model.addAttribute("context", context);
        model.addAttribute("inLineBelow", ChangeGroup.IN_LINE_BELOW_PERCENT.toPlainString());
        model.addAttribute(
                "exportQuery",
                (context.yearEnd() == null ? "" : "year=" + context.yearEnd())
                        + (context.published() ? (context.yearEnd() == null ? "" : "&") + "view=published" : ""));
        common(model, actor, context.published(), "context");
        return "performance/scorecard/context";
    }

    @GetMapping({"/performance/context.csv", "/performance/context.xlsx"})
    void exportContext(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String view,
            jakarta.servlet.http.HttpServletRequest http,
            HttpServletResponse response) {
        Actor actor = Actors.require();
        ContextInNumbers.Context context = contexts.context(actor.partnershipId(), year, published(actor, view));
        List<List<String>> rows = new ArrayList<>();
        for (ContextRow r : context.rows()) {
            rows.add(List.of(r.definition().name(), r.value(), r.lastYear(), r.change(), r.groupLabel()));
        }
        Table table = Table.of(
                "Context in numbers", List.of("Indicator", "This year", "Last year", "Change", "Grouping"), rows);
        send(
                response,
                format(http.getRequestURI()),
                "Context in numbers",
                "context in numbers (" + context.yearLabel() + ")",
                table);
    }

    @GetMapping("/performance/priorities")
    String priorities(@RequestParam(required = false) @Nullable String view, Model model) {
        Actor actor = Actors.require();
        boolean published = published(actor, view);
        model.addAttribute("groups", pages.priorities(actor.partnershipId(), published));
        common(model, actor, published, "priorities");
        return "performance/scorecard/priorities";
    }

    private void common(Model model, Actor actor, boolean published, String section) {
        model.addAttribute("published", published);
        model.addAttribute("canSeeInternal", actor.can(CaseReviewsAccess.CASES_VIEW));
        model.addAttribute("suppressedText", pages.suppressedText());
        model.addAttribute("section", section);
    }

    private static ExportFormat format(String uri) {
        return uri.endsWith(".xlsx") ? ExportFormat.XLSX : ExportFormat.CSV;
    }

    private void send(HttpServletResponse response, ExportFormat format, String baseName, String detail, Table table) {
        audit.event(AuditAction.EXPORT, "performance", null, detail + ", " + format.label());
        ExportResponse.send(response, format, baseName, table);
    }
}
