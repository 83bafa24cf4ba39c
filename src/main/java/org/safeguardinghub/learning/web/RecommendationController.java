package org.safeguardinghub.learning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.learning.LearningAccess;
import org.safeguardinghub.learning.LearningTheme;
import org.safeguardinghub.learning.LearningThemes;
import org.safeguardinghub.learning.RecommendationSource;
import org.safeguardinghub.learning.tracker.ActionRecords;
import org.safeguardinghub.learning.tracker.RecommendationDetail;
import org.safeguardinghub.learning.tracker.RecommendationRecords;
import org.safeguardinghub.learning.tracker.Scope;
import org.safeguardinghub.learning.tracker.Tracker;
import org.safeguardinghub.learning.tracker.Tracker.ActionDetails;
import org.safeguardinghub.learning.tracker.Tracker.RecommendationDetails;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recommendations: add one from a source, see it with its actions, change it, and add actions under it. */
@Controller
class RecommendationController {

    private static final String FORM = "form";

    private final Tracker tracker;
    private final RecommendationRecords recommendations;
    private final ActionRecords actions;
    private final LearningThemes themes;
    private final Organisation organisation;

    RecommendationController(
            Tracker tracker,
            RecommendationRecords recommendations,
            ActionRecords actions,
            LearningThemes themes,
            Organisation organisation) {
        this.tracker = tracker;
        this.recommendations = recommendations;
        this.actions = actions;
        this.themes = themes;
        this.organisation = organisation;
    }

    @GetMapping("/learning/recommendations/new")
    String createForm(
            @RequestParam(required = false) String source, @RequestParam(required = false) Long sourceId, Model model) {
        RecommendationForm form = new RecommendationForm();
        RecommendationSource type = parse(source);
        if (type != null) {
            form.setSource(type.name());
            if (sourceId != null) {
                form.setSourceId(sourceId);
                form.setSourceTitle(recommendations
                        .sourceTitle(Pages.actor().partnershipId(), type, sourceId)
                        .orElseThrow(() -> new NotFoundException("Source")));
            }
        }
        model.addAttribute(FORM, form);
        return formView(model, null);
    }

    @PostMapping("/learning/recommendations/new")
    String create(
            @Valid @ModelAttribute(FORM) RecommendationForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        RecommendationDetails details = read(form, errors, null);
        if (errors.hasErrors() || details == null) {
            Forms.invalid(response);
            return formView(model, null);
        }
        long id = tracker.createRecommendation(details);
        RecommendationDetail created = tracker.recommendation(Pages.scope(), id);
        flash.addFlashAttribute("flash", "Recommendation " + created.reference() + " added");
        return "redirect:/learning/recommendations/" + id;
    }

    @GetMapping("/learning/recommendations/{id}")
    String show(@PathVariable long id, Model model) {
        Scope scope = Pages.scope();
        RecommendationDetail recommendation = tracker.recommendation(scope, id);
        model.addAttribute("recommendation", recommendation);
        model.addAttribute("actions", actions.ofRecommendation(scope, id, tracker.today()));
        model.addAttribute("canManage", Pages.can(LearningAccess.LEARNING_MANAGE));
        return "learning/recommendation";
    }

    @GetMapping("/learning/recommendations/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        RecommendationDetail recommendation = tracker.recommendation(Pages.scope(), id);
        model.addAttribute(FORM, RecommendationForm.of(recommendation));
        return formView(model, recommendation);
    }

    @PostMapping("/learning/recommendations/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) RecommendationForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        RecommendationDetail recommendation = tracker.recommendation(Pages.scope(), id);
        RecommendationDetails details = read(form, errors, recommendation);
        if (errors.hasErrors() || details == null) {
            Forms.invalid(response);
            return formView(model, recommendation);
        }
        try {
            tracker.reviseRecommendation(id, form.getVersion(), details);
        } catch (ConcurrentEditException e) {
            RecommendationDetail current = tracker.recommendation(Pages.scope(), id);
            Forms.conflict(model, FORM, RecommendationForm.of(current), e.getMessage(), response);
            return formView(model, current);
        }
        flash.addFlashAttribute("flash", "Recommendation " + recommendation.reference() + " updated");
        return "redirect:/learning/recommendations/" + id;
    }

    @GetMapping("/learning/recommendations/{id}/actions/new")
    String actionForm(@PathVariable long id, Model model) {
        RecommendationDetail recommendation = tracker.recommendation(Pages.scope(), id);
        model.addAttribute(FORM, new ActionForm());
        return actionFormView(model, recommendation);
    }

    @PostMapping("/learning/recommendations/{id}/actions/new")
    String addAction(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) ActionForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        RecommendationDetail recommendation = tracker.recommendation(Pages.scope(), id);
        ActionDetails details =
                readAction(form, errors, organisation, Pages.actor().partnershipId());
        if (errors.hasErrors() || details == null) {
            Forms.invalid(response);
            return actionFormView(model, recommendation);
        }
        long actionId = tracker.addAction(id, details);
        flash.addFlashAttribute(
                "flash", "Action " + tracker.action(Pages.scope(), actionId).reference() + " added");
        return "redirect:/learning/actions/" + actionId;
    }

    /** Checks an action form against the partnership's agencies; null when it has errors. */
    static @Nullable ActionDetails readAction(
            ActionForm form, BindingResult errors, Organisation organisation, long partnershipId) {
        LocalDate due = form.getDueOn().read(errors, "dueOn", "Due date", true);
        Long agency = form.getOwnerAgencyId();
        if (agency != null && organisation.agenciesOf(partnershipId).stream().noneMatch(a -> a.id() == agency)) {
            errors.rejectValue("ownerAgencyId", "invalid", "Select an agency from the list");
        }
        if (errors.hasErrors() || agency == null) {
            return null;
        }
        return new ActionDetails(form.getText(), agency, form.getOwnerPerson(), due);
    }

    static List<Option> agencyOptions(Organisation organisation, long partnershipId) {
        return organisation.agenciesOf(partnershipId).stream()
                .map(a -> Option.of(a.id(), a.name()))
                .toList();
    }

    private @Nullable RecommendationDetails read(
            RecommendationForm form, BindingResult errors, @Nullable RecommendationDetail existing) {
        long partnership = Pages.actor().partnershipId();
        RecommendationSource source;
        Long sourceId;
        String title = form.getSourceTitle().trim();
        if (existing != null) {
            source = existing.source();
            sourceId = existing.sourceId();
            if (sourceId != null) {
                title = existing.sourceTitle();
            }
        } else {
            source = parse(form.getSource());
            sourceId = form.getSourceId();
            if (source == null) {
                errors.rejectValue("source", "required", "Select where the recommendation came from");
            } else if (sourceId != null) {
                var found = recommendations.sourceTitle(partnership, source, sourceId);
                if (found.isEmpty()) {
                    errors.rejectValue("source", "invalid", "The review this recommendation came from was not found");
                } else {
                    title = found.get();
                }
            }
        }
        if (sourceId == null && title.isEmpty()) {
            errors.rejectValue("sourceTitle", "required", "Enter the title of the review or source");
        }
        List<Long> known = themes.all().stream().map(LearningTheme::id).toList();
        if (!known.containsAll(form.getThemeIds())) {
            errors.rejectValue("themeIds", "invalid", "Select themes from the list");
        }
        Long group = form.getOwningGroupId();
        if (group != null && organisation.groupsOf(partnership).stream().noneMatch(g -> g.id() == group)) {
            errors.rejectValue("owningGroupId", "invalid", "Select a group from the list");
        }
        LocalDate agreed = form.getAgreedOn().read(errors, "agreedOn", "Date agreed", false);
        LocalDate considered =
                form.getConsideredOn().read(errors, "consideredOn", "Date considered by the group", false);
        LocalDate today = tracker.today();
        if (agreed != null && agreed.isAfter(today)) {
            errors.rejectValue("agreedOn", "future", "Date agreed must be today or in the past");
        }
        if (errors.hasErrors() || source == null) {
            return null;
        }
        return new RecommendationDetails(
                source, sourceId, title, form.getText(), form.getThemeIds(), group, agreed, considered);
    }

    private String formView(Model model, @Nullable RecommendationDetail recommendation) {
        long partnership = Pages.actor().partnershipId();
        model.addAttribute("recommendation", recommendation);
        model.addAttribute(
                "title", recommendation == null ? "Add a recommendation" : "Change " + recommendation.reference());
        model.addAttribute(
                "sourceOptions",
                Arrays.stream(RecommendationSource.values())
                        .map(s -> Option.of(s.name(), s.label()))
                        .toList());
        RecommendationForm form = (RecommendationForm) model.getAttribute(FORM);
        RecommendationSource source = form == null ? null : parse(form.getSource());
        model.addAttribute("sourceLabel", source == null ? "" : source.label());
        model.addAttribute(
                "fixedSource",
                recommendation != null || (form != null && form.getSourceId() != null && source != null));
        List<Long> chosen = form == null ? List.of() : form.getThemeIds();
        model.addAttribute(
                "themeOptions",
                themes.all().stream()
                        .filter(t -> t.active() || chosen.contains(t.id()))
                        .map(t -> Option.of(t.id(), t.active() ? t.name() : t.name() + " (retired)"))
                        .toList());
        model.addAttribute(
                "groupOptions",
                organisation.groupsOf(partnership).stream()
                        .map(g -> Option.of(g.id(), g.name()))
                        .toList());
        return "learning/recommendation-form";
    }

    private String actionFormView(Model model, RecommendationDetail recommendation) {
        model.addAttribute("recommendation", recommendation);
        model.addAttribute("action", null);
        model.addAttribute("title", "Add an action to " + recommendation.reference());
        model.addAttribute(
                "agencyOptions", agencyOptions(organisation, Pages.actor().partnershipId()));
        return "learning/action-form";
    }

    private static @Nullable RecommendationSource parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RecommendationSource.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
