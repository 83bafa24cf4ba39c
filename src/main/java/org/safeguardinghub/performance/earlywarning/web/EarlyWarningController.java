package org.safeguardinghub.performance.earlywarning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.safeguardinghub.performance.PerformanceAccess;
import org.safeguardinghub.performance.earlywarning.AcknowledgementForm;
import org.safeguardinghub.performance.earlywarning.ChangeForm;
import org.safeguardinghub.performance.earlywarning.EarlyWarningPage;
import org.safeguardinghub.performance.earlywarning.EpisodeRecords;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
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
 * The early-warning page (reports:view): current episodes and their charts. The business team (returns:review)
 * acknowledges an episode (cause known, action taken) and records a change that re-bases an indicator's limits;
 * anyone else gets 404 for those forms, and the route rules refuse their posts.
 */
@Controller
class EarlyWarningController {

    private final EarlyWarningPage pages;
    private final EpisodeRecords records;

    EarlyWarningController(EarlyWarningPage pages, EpisodeRecords records) {
        this.pages = pages;
        this.records = records;
    }

    @GetMapping("/performance/early-warning")
    String index(@RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = Actors.require();
        EarlyWarningPage.View view = pages.view(actor.partnershipId(), page);
        model.addAttribute("title", "Early warning");
        model.addAttribute("episodes", view.episodes());
        model.addAttribute("figures", view.figures());
        model.addAttribute("canReview", actor.can(PerformanceAccess.RETURNS_REVIEW));
        return "performance/earlywarning/index";
    }

    @GetMapping("/performance/early-warning/episodes/{id}/acknowledge")
    String acknowledgeForm(@PathVariable long id, Model model) {
        Actor actor = reviewer();
        EarlyWarningPage.EpisodeRow episode = episode(actor, id);
        return acknowledgeView(
                model, episode, new AcknowledgementForm(episode.version(), episode.cause(), episode.actionTaken()));
    }

    @PostMapping("/performance/early-warning/episodes/{id}/acknowledge")
    String acknowledge(
            @PathVariable long id,
            @ModelAttribute("form") AcknowledgementForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Actor actor = reviewer();
        EarlyWarningPage.EpisodeRow episode = episode(actor, id);
        String cause = required(form.cause(), "cause", "Enter the cause of the change", errors);
        String action = required(form.actionTaken(), "actionTaken", "Enter the action taken", errors);
        if (!errors.hasErrors()) {
            try {
                records.acknowledge(actor, id, form.version() == null ? -1 : form.version(), cause, action);
                flash.addFlashAttribute("flash", "Early warning acknowledged");
                return "redirect:/performance/early-warning#episode-" + id;
            } catch (ConcurrentEditException e) {
                errors.reject("conflict", e.getMessage());
                episode = episode(actor, id);
            }
        }
        Forms.invalid(response);
        return acknowledgeView(model, episode, form);
    }

    @GetMapping("/performance/early-warning/{code}/changes/new")
    String changeForm(@PathVariable String code, Model model) {
        Actor actor = reviewer();
        return changeView(model, charted(actor, code), new ChangeForm(null, null));
    }

    @PostMapping("/performance/early-warning/{code}/changes")
    String recordChange(
            @PathVariable String code,
            @ModelAttribute("form") ChangeForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Actor actor = reviewer();
        EarlyWarningPage.Charted charted = charted(actor, code);
        LocalDate periodEnd = null;
        if (form.periodEnd() == null || form.periodEnd().isBlank()) {
            errors.rejectValue("periodEnd", "required", "Choose the first period after the change");
        } else if (charted.periods().stream().noneMatch(o -> o.value().equals(form.periodEnd()))) {
            errors.rejectValue("periodEnd", "invalid", "Choose one of the periods on the chart");
        } else {
            periodEnd = LocalDate.parse(form.periodEnd());
        }
        String reason = form.reason() == null ? "" : form.reason().trim();
        if (reason.isEmpty()) {
            errors.rejectValue("reason", "required", "Enter what changed");
        } else if (reason.length() > ChangeForm.MAX_LENGTH) {
            errors.rejectValue(
                    "reason", "length", "What changed must be " + ChangeForm.MAX_LENGTH + " characters or fewer");
        }
        if (errors.hasErrors() || periodEnd == null) {
            Forms.invalid(response);
            return changeView(model, charted, form);
        }
        records.recordChange(actor, charted.indicatorId(), periodEnd, reason);
        flash.addFlashAttribute("flash", "Change recorded: the control limits are re-based from it");
        return "redirect:/performance/early-warning#" + code;
    }

    private static String required(String value, String field, String message, BindingResult errors) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            errors.rejectValue(field, "required", message);
        } else if (trimmed.length() > AcknowledgementForm.MAX_LENGTH) {
            errors.rejectValue(field, "length", "Enter " + AcknowledgementForm.MAX_LENGTH + " characters or fewer");
        }
        return trimmed;
    }

    private String acknowledgeView(Model model, EarlyWarningPage.EpisodeRow episode, AcknowledgementForm form) {
        model.addAttribute("title", "Acknowledge an early warning");
        model.addAttribute("episode", episode);
        model.addAttribute("form", form);
        return "performance/earlywarning/acknowledge";
    }

    private String changeView(Model model, EarlyWarningPage.Charted charted, ChangeForm form) {
        model.addAttribute("title", "Record a change");
        model.addAttribute("charted", charted);
        model.addAttribute("form", form);
        return "performance/earlywarning/change";
    }

    private EarlyWarningPage.EpisodeRow episode(Actor actor, long id) {
        return pages.episode(actor.partnershipId(), id).orElseThrow(() -> new NotFoundException("Early warning"));
    }

    private EarlyWarningPage.Charted charted(Actor actor, String code) {
        return pages.charted(actor.partnershipId(), code).orElseThrow(() -> new NotFoundException("Indicator"));
    }

    private static Actor reviewer() {
        Actor actor = Actors.require();
        if (!actor.can(PerformanceAccess.RETURNS_REVIEW)) {
            throw new NotFoundException("Early warning");
        }
        return actor;
    }
}
