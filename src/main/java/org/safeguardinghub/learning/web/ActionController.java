package org.safeguardinghub.learning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.documents.DocumentRejected;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.learning.LearningAccess;
import org.safeguardinghub.learning.tracker.ActionDetail;
import org.safeguardinghub.learning.tracker.ActionRecords;
import org.safeguardinghub.learning.tracker.ActionStatus;
import org.safeguardinghub.learning.tracker.Scope;
import org.safeguardinghub.learning.tracker.Tracker;
import org.safeguardinghub.learning.tracker.Tracker.ActionDetails;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.DateInput;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An action's page and what can be done there: progress updates and evidence from the owning agency, sign-off by
 * the Learning and Improvement Group, the impact note and changes to the agreed details by the business team. An
 * action outside the reader's scope (another partnership, or another agency for an agency lead) is a 404, and so
 * is its evidence.
 */
@Controller
class ActionController {

    static final String PROGRESS = "progressForm";
    static final String EVIDENCE = "evidenceForm";
    static final String SIGN_OFF = "signOffForm";
    static final String IMPACT = "impactForm";
    private static final String FORM = "form";

    private final Tracker tracker;
    private final ActionRecords actions;
    private final Documents documents;
    private final Organisation organisation;

    ActionController(Tracker tracker, ActionRecords actions, Documents documents, Organisation organisation) {
        this.tracker = tracker;
        this.actions = actions;
        this.documents = documents;
        this.organisation = organisation;
    }

    @GetMapping("/learning/actions/{id}")
    String show(@PathVariable long id, Model model) {
        return page(find(id), model);
    }

    @PostMapping("/learning/actions/{id}/update")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(PROGRESS) ActionForms.Progress form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ActionDetail action = find(id);
        ActionStatus to = ActionStatus.parse(form.getNewStatus());
        if (!form.getNewStatus().isBlank()
                && (to == null || !ActionStatus.updatable().contains(to))) {
            errors.rejectValue("newStatus", "invalid", "Select a status from the list");
        }
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return page(action, model);
        }
        String shownAgain = change(
                action,
                PROGRESS,
                form,
                errors,
                model,
                response,
                () -> tracker.recordProgress(id, form.getVersion(), form.getProgress(), to));
        if (shownAgain != null) {
            return shownAgain;
        }
        flash.addFlashAttribute(
                "flash",
                to == null || to == action.status()
                        ? "Progress recorded"
                        : "Progress recorded and status changed to "
                                + to.label().toLowerCase(java.util.Locale.UK));
        return "redirect:/learning/actions/" + id;
    }

    @PostMapping("/learning/actions/{id}/evidence")
    String evidence(
            @PathVariable long id,
            @Valid @ModelAttribute(EVIDENCE) ActionForms.Evidence form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ActionDetail action = find(id);
        Upload upload = Upload.of(form.getEvidence());
        if (upload == null) {
            errors.rejectValue("evidence", "required", "Select a file");
        }
        if (errors.hasErrors() || upload == null) {
            Forms.invalid(response);
            return page(action, model);
        }
        try {
            var stored = tracker.addEvidence(id, upload, form.getEvidenceDescription());
            flash.addFlashAttribute("flash", stored.fileName() + " added as evidence");
        } catch (DocumentRejected e) {
            errors.rejectValue("evidence", "rejected", e.getMessage());
            Forms.invalid(response);
            return page(action, model);
        } catch (Refusal e) {
            Forms.refused(e, errors, response);
            return page(action, model);
        }
        return "redirect:/learning/actions/" + id;
    }

    @GetMapping("/learning/actions/{id}/evidence/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
        find(id); // the reader must be allowed to see the action first
        return documents
                .read(documentId, Tracker.EVIDENCE_OWNER, id)
                .map(Documents::download)
                .orElseThrow(() -> new NotFoundException("Document"));
    }

    @PostMapping("/learning/actions/{id}/sign-off")
    String signOff(
            @PathVariable long id,
            @Valid @ModelAttribute(SIGN_OFF) ActionForms.SignOff form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ActionDetail action = find(id);
        LocalDate on = form.getSignedOffOn().read(errors, "signedOffOn", "Date signed off", true);
        if (errors.hasErrors() || on == null) {
            Forms.invalid(response);
            return page(action, model);
        }
        String shownAgain = change(
                action,
                SIGN_OFF,
                form,
                errors,
                model,
                response,
                () -> tracker.signOff(id, form.getVersion(), on, form.getSignOffNote()));
        if (shownAgain != null) {
            return shownAgain;
        }
        flash.addFlashAttribute("flash", "Action " + action.reference() + " signed off");
        return "redirect:/learning/actions/" + id;
    }

    @PostMapping("/learning/actions/{id}/impact")
    String impact(
            @PathVariable long id,
            @Valid @ModelAttribute(IMPACT) ActionForms.Impact form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ActionDetail action = find(id);
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return page(action, model);
        }
        String shownAgain = change(
                action,
                IMPACT,
                form,
                errors,
                model,
                response,
                () -> tracker.recordImpact(id, form.getVersion(), form.getImpactNote()));
        if (shownAgain != null) {
            return shownAgain;
        }
        flash.addFlashAttribute("flash", "Impact recorded");
        return "redirect:/learning/actions/" + id;
    }

    @GetMapping("/learning/actions/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ActionDetail action = find(id);
        model.addAttribute(FORM, ActionForm.of(action));
        return formView(model, action);
    }

    @PostMapping("/learning/actions/{id}/edit")
    String edit(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) ActionForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ActionDetail action = find(id);
        ActionDetails details = RecommendationController.readAction(
                form, errors, organisation, Pages.actor().partnershipId());
        if (errors.hasErrors() || details == null) {
            Forms.invalid(response);
            return formView(model, action);
        }
        try {
            tracker.changeAction(id, form.getVersion(), details);
        } catch (Refusal e) {
            Forms.refused(e, errors, response);
            return formView(model, action);
        } catch (ConcurrentEditException e) {
            ActionDetail current = find(id);
            Forms.conflict(model, FORM, ActionForm.of(current), e.getMessage(), response);
            return formView(model, current);
        }
        flash.addFlashAttribute("flash", "Action " + action.reference() + " updated");
        return "redirect:/learning/actions/" + id;
    }

    private ActionDetail find(long id) {
        return tracker.action(Pages.scope(), id);
    }

    private String page(ActionDetail action, Model model) {
        Scope scope = Pages.scope();
        LocalDate today = tracker.today();
        model.addAttribute("action", action);
        model.addAttribute("overdue", action.overdue(today));
        model.addAttribute("updates", actions.updates(action.id()));
        model.addAttribute("evidence", documents.list(Tracker.EVIDENCE_OWNER, action.id()));
        model.addAttribute("maxSize", documents.maxSizeLabel());
        boolean signedOff = action.status() == ActionStatus.SIGNED_OFF;
        model.addAttribute("canUpdate", Pages.can(LearningAccess.ACTIONS_UPDATE) && !signedOff);
        // as the route rule in SecurityConfiguration: evidence files may hold case detail
        model.addAttribute(
                "canReadEvidence",
                Pages.can(LearningAccess.ACTIONS_UPDATE)
                        || Pages.can(LearningAccess.ACTIONS_SIGN_OFF)
                        || Pages.can(LearningAccess.LEARNING_MANAGE));
        model.addAttribute(
                "canSignOff", Pages.can(LearningAccess.ACTIONS_SIGN_OFF) && action.status() == ActionStatus.COMPLETED);
        boolean canManage = Pages.can(LearningAccess.LEARNING_MANAGE);
        model.addAttribute("canEdit", canManage && !signedOff);
        model.addAttribute("canImpact", canManage && (action.status() == ActionStatus.COMPLETED || signedOff));
        List<Option> statuses = new ArrayList<>();
        statuses.add(new Option("", "Keep as " + action.status().label().toLowerCase(java.util.Locale.UK)));
        ActionStatus.updatable().stream()
                .filter(s -> s != action.status())
                .forEach(s -> statuses.add(Option.of(s.name(), s.label())));
        model.addAttribute("statusOptions", statuses);
        if (!model.containsAttribute(PROGRESS)) {
            ActionForms.Progress f = new ActionForms.Progress();
            f.setVersion(action.version());
            model.addAttribute(PROGRESS, f);
        }
        if (!model.containsAttribute(EVIDENCE)) {
            model.addAttribute(EVIDENCE, new ActionForms.Evidence());
        }
        if (!model.containsAttribute(SIGN_OFF)) {
            ActionForms.SignOff f = new ActionForms.SignOff();
            f.setSignedOffOn(DateInput.of(today));
            f.setVersion(action.version());
            model.addAttribute(SIGN_OFF, f);
        }
        if (!model.containsAttribute(IMPACT)) {
            ActionForms.Impact f = new ActionForms.Impact();
            f.setImpactNote(action.impactNote() == null ? "" : action.impactNote());
            f.setVersion(action.version());
            model.addAttribute(IMPACT, f);
        }
        ensureBinding(model, PROGRESS);
        ensureBinding(model, EVIDENCE);
        ensureBinding(model, SIGN_OFF);
        ensureBinding(model, IMPACT);
        model.addAttribute("scopeAllAgencies", scope.allAgencies());
        return "learning/action";
    }

    /** Each form on the page needs its own binding result, even when it was not the one submitted. */
    private static void ensureBinding(Model model, String name) {
        String key = BindingResult.MODEL_KEY_PREFIX + name;
        if (!model.containsAttribute(key)) {
            Object target = model.getAttribute(name);
            if (target != null) {
                model.addAttribute(key, new BeanPropertyBindingResult(target, name));
            }
        }
    }

    private String formView(Model model, ActionDetail action) {
        model.addAttribute("action", action);
        model.addAttribute("recommendation", null);
        model.addAttribute("title", "Change action " + action.reference());
        model.addAttribute(
                "agencyOptions",
                RecommendationController.agencyOptions(
                        organisation, Pages.actor().partnershipId()));
        return "learning/action-form";
    }

    /**
     * Makes a change from one of the small forms on the action's page, at the version the page showed. A business
     * rule's refusal shows the page again with the form as typed; a change someone else saved first shows it again
     * with the latest version (keeping what they typed, so they can check and send it again), as 409. Returns the
     * page to show, or null once the change is made.
     */
    private @Nullable String change(
            ActionDetail action,
            String name,
            ActionForms.Versioned form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            Runnable change) {
        try {
            change.run();
            return null;
        } catch (Refusal e) {
            Forms.refused(e, errors, response);
            return page(action, model);
        } catch (ConcurrentEditException e) {
            ActionDetail current = find(action.id());
            form.setVersion(current.version());
            Forms.conflict(model, name, form, e.getMessage(), response);
            return page(current, model);
        }
    }
}
