package org.safeguardinghub.learning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.learning.LearningAccess;
import org.safeguardinghub.learning.LearningThemes;
import org.safeguardinghub.learning.tracker.ActionFilter;
import org.safeguardinghub.learning.tracker.ActionRecords;
import org.safeguardinghub.learning.tracker.ActionRow;
import org.safeguardinghub.learning.tracker.ActionStatus;
import org.safeguardinghub.learning.tracker.RecommendationRecords;
import org.safeguardinghub.learning.tracker.Scope;
import org.safeguardinghub.learning.tracker.Tracker;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.export.ExportFormat;
import org.safeguardinghub.platform.export.ExportResponse;
import org.safeguardinghub.platform.export.Table;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The learning and improvement tracker: the headline figures, the actions with filters (and their export), and the
 * recommendations. Agency-scoped readers see only their agency's actions, in the figures, the lists and the export.
 */
@Controller
class TrackerController {

    private final ActionRecords actions;
    private final RecommendationRecords recommendations;
    private final LearningThemes themes;
    private final Organisation organisation;
    private final Tracker tracker;
    private final AuditTrail audit;

    TrackerController(
            ActionRecords actions,
            RecommendationRecords recommendations,
            LearningThemes themes,
            Organisation organisation,
            Tracker tracker,
            AuditTrail audit) {
        this.actions = actions;
        this.recommendations = recommendations;
        this.themes = themes;
        this.organisation = organisation;
        this.tracker = tracker;
        this.audit = audit;
    }

    @GetMapping("/learning")
    String tracker(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) Long agency,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long theme,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Scope scope = Pages.scope();
        ActionFilter filter = filter(scope, source, agency, status, theme, overdue, q);
        model.addAttribute("summary", actions.summary(scope, tracker.today()));
        model.addAttribute("actions", actions.search(scope, filter, tracker.today(), page, PageResult.DEFAULT_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("sourceOptions", actions.sourceTitles(scope));
        model.addAttribute("allAgencies", scope.allAgencies());
        model.addAttribute(
                "agencyOptions",
                scope.allAgencies()
                        ? organisation.agenciesOf(scope.partnershipId()).stream()
                                .map(a -> Option.of(a.id(), a.name()))
                                .toList()
                        : List.of());
        model.addAttribute("statusOptions", ActionStatus.options(List.of(ActionStatus.values())));
        model.addAttribute(
                "themeOptions",
                themes.all().stream()
                        .map(t -> Option.of(t.id(), t.active() ? t.name() : t.name() + " (retired)"))
                        .toList());
        String query = query(filter);
        model.addAttribute("query", query);
        model.addAttribute("base", "/learning?" + query);
        model.addAttribute("canManage", Pages.can(LearningAccess.LEARNING_MANAGE));
        return "learning/tracker";
    }

    @GetMapping("/learning/recommendations")
    String recommendations(
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        Scope scope = Pages.scope();
        String text = Forms.text(q);
        model.addAttribute("summary", actions.summary(scope, tracker.today()));
        model.addAttribute("recommendations", recommendations.search(scope, text, page, PageResult.DEFAULT_SIZE));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("base", "/learning/recommendations?" + Forms.query("q", text));
        model.addAttribute("canManage", Pages.can(LearningAccess.LEARNING_MANAGE));
        return "learning/recommendations";
    }

    /** The filtered actions as CSV or Excel; the export itself is audited. */
    @GetMapping("/learning/export/{format}")
    @Transactional
    void export(
            @PathVariable String format,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) Long agency,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long theme,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String q,
            HttpServletResponse response) {
        ExportFormat type = ExportFormat.fromExtension(format)
                .filter(f -> f != ExportFormat.PDF)
                .orElseThrow(() -> new NotFoundException("Export format"));
        Scope scope = Pages.scope();
        ActionFilter filter = filter(scope, source, agency, status, theme, overdue, q);
        List<ActionRow> rows = actions.all(scope, filter, tracker.today());
        audit.event(
                AuditAction.EXPORT,
                "learning-action",
                null,
                "Learning actions exported as " + type.label() + ": " + rows.size() + " rows"
                        + (query(filter).isEmpty() ? "" : " (filters " + query(filter) + ")"));
        List<List<String>> cells = new ArrayList<>();
        for (ActionRow r : rows) {
            cells.add(List.of(
                    r.reference(),
                    r.text(),
                    r.recommendationReference(),
                    r.sourceTitle(),
                    r.agencyName(),
                    r.ownerPerson() == null ? "" : r.ownerPerson(),
                    r.dueOn() == null ? "" : r.dueOn().toString(),
                    r.status().label(),
                    r.overdue() ? "Yes" : "No",
                    r.completedOn() == null ? "" : r.completedOn().toString(),
                    r.signedOffOn() == null ? "" : r.signedOffOn().toString()));
        }
        ExportResponse.send(
                response,
                type,
                "learning-actions",
                Table.of(
                        "Learning actions",
                        List.of(
                                "Reference",
                                "Action",
                                "Recommendation",
                                "Source",
                                "Owner agency",
                                "Owner",
                                "Due",
                                "Status",
                                "Overdue",
                                "Completed",
                                "Signed off"),
                        cells));
    }

    private ActionFilter filter(
            Scope scope,
            @Nullable String source,
            @Nullable Long agency,
            @Nullable String status,
            @Nullable Long theme,
            boolean overdue,
            @Nullable String q) {
        return new ActionFilter(
                Forms.text(source),
                scope.allAgencies() ? agency : null,
                ActionStatus.parse(status),
                theme,
                overdue,
                Forms.text(q));
    }

    static String query(ActionFilter f) {
        return Forms.query(
                "source", f.source(),
                "agency", f.agencyId(),
                "status", f.status() == null ? null : f.status().name(),
                "theme", f.themeId(),
                "overdue", f.overdueOnly() ? "true" : null,
                "q", f.text());
    }
}
