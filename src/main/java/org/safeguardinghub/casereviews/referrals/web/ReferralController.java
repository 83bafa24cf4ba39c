package org.safeguardinghub.casereviews.referrals.web;

import static org.safeguardinghub.casereviews.referrals.ReferralPages.FORM;
import static org.safeguardinghub.casereviews.referrals.ReferralPages.VIEW;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.referrals.ReferralChecks;
import org.safeguardinghub.casereviews.referrals.ReferralDetails;
import org.safeguardinghub.casereviews.referrals.ReferralForm;
import org.safeguardinghub.casereviews.referrals.ReferralPages;
import org.safeguardinghub.casereviews.referrals.Referrals;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.organisation.PartnershipSummary;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in notifier's referrals: their own list, drafts saved as they type (and by "Save and come back later"),
 * and submission. A draft is visible to the person who started it only; anyone else gets a 404.
 */
@Controller
class ReferralController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Referrals referrals;
    private final ReferralPages pages;
    private final Organisation organisation;
    private final Clock clock;

    ReferralController(Referrals referrals, ReferralPages pages, Organisation organisation, Clock clock) {
        this.referrals = referrals;
        this.pages = pages;
        this.organisation = organisation;
        this.clock = clock;
    }

    @InitBinder(FORM)
    void bind(WebDataBinder binder) {
        binder.setDisallowedFields("attachments", "partnership", "website");
    }

    @GetMapping("/referrals")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("referrals", referrals.mine(Actors.require(), page));
        model.addAttribute("base", "/referrals?");
        model.addAttribute("title", "Your referrals");
        return "casereviews/referrals/list";
    }

    @GetMapping("/referrals/new")
    String newForm() {
        return "redirect:/referrals";
    }

    @PostMapping("/referrals/new")
    String start() {
        Actor actor = Actors.require();
        String organisationName = actor.agencyId() == null
                ? null
                : organisation.agency(actor.agencyId()).map(AgencySummary::name).orElse(null);
        long id = referrals.startDraft(
                actor, ReferralDetails.empty().withNotifier(actor.displayName(), organisationName));
        return "redirect:/referrals/" + id;
    }

    @GetMapping("/referrals/{id}")
    String show(@PathVariable long id, Model model) {
        Referrals.Draft draft = draft(id);
        model.addAttribute(FORM, ReferralForm.of(draft.details(), draft.version()));
        return formView(model, draft);
    }

    @PostMapping("/referrals/{id}")
    String save(
            @PathVariable long id,
            @ModelAttribute(FORM) ReferralForm form,
            BindingResult errors,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        Referrals.Draft draft = draft(id);
        List<Upload> files = pages.files(attachments, room(draft), errors);
        ReferralDetails details = ReferralChecks.draft(form, pages.choices(actor.partnershipId()));
        try {
            int version =
                    referrals.saveDraft(actor, id, form.getVersion(), details, errors.hasErrors() ? List.of() : files);
            form.setVersion(version);
        } catch (ConcurrentEditException e) {
            return conflict(id, form, errors, model, response);
        }
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return formView(model, draft(id));
        }
        flash.addFlashAttribute("flash", "Draft saved. You can come back to it from Your referrals.");
        return "redirect:/referrals/" + id;
    }

    @PostMapping("/referrals/{id}/submit")
    String submit(
            @PathVariable long id,
            @ModelAttribute(FORM) ReferralForm form,
            BindingResult errors,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        Referrals.Draft draft = draft(id);
        ReferralChecks.Choices choices = pages.choices(actor.partnershipId());
        ReferralDetails details = ReferralChecks.full(form, errors, choices);
        List<Upload> files = pages.files(attachments, room(draft), errors);
        try {
            if (errors.hasErrors()) {
                // keep what was typed, even though it cannot be sent yet
                form.setVersion(referrals.saveDraft(
                        actor, id, form.getVersion(), ReferralChecks.draft(form, choices), List.of()));
                ReferralPages.chooseFilesAgain(files, errors);
                Forms.invalid(response);
                return formView(model, draft(id));
            }
            PartnershipSummary partnership = organisation
                    .partnership(actor.partnershipId())
                    .orElseThrow(() -> new NotFoundException("Partnership"));
            Referrals.Submitted submitted =
                    referrals.submitDraft(actor, id, form.getVersion(), partnership.shortName(), details, files);
            flash.addFlashAttribute("reference", submitted.reference());
            flash.addFlashAttribute("storageKey", storageKey(id));
            flash.addFlashAttribute("signedIn", true);
            return "redirect:/notify/confirmation";
        } catch (ConcurrentEditException e) {
            return conflict(id, form, errors, model, response);
        }
    }

    /** Saves the draft in the background while the person types (htmx); answers with a line for the status region. */
    @PostMapping("/referrals/{id}/autosave")
    String autosave(
            @PathVariable long id,
            @ModelAttribute(FORM) ReferralForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        Actor actor = Actors.require();
        draft(id);
        try {
            int version = referrals.saveDraft(
                    actor,
                    id,
                    form.getVersion(),
                    ReferralChecks.draft(form, pages.choices(actor.partnershipId())),
                    List.of());
            model.addAttribute("savedAt", LocalTime.now(clock).format(TIME));
            model.addAttribute("version", version);
        } catch (ConcurrentEditException e) {
            Forms.conflict(errors, e.getMessage(), response);
            model.addAttribute("conflict", true);
        }
        return VIEW + " :: autosaved";
    }

    /**
     * The draft was saved from another window (or a background save crossed this one). Nothing typed here is
     * thrown away: the form is shown again with these values and the latest version, to be saved again.
     */
    private String conflict(
            long id, ReferralForm form, BindingResult errors, Model model, HttpServletResponse response) {
        Referrals.Draft current = draft(id);
        form.setVersion(current.version());
        Forms.conflict(
                errors,
                "This draft was also saved from another window. What you typed here is shown below: check it and"
                        + " save again to keep it.",
                response);
        return formView(model, current);
    }

    private Referrals.Draft draft(long id) {
        return referrals.draft(Actors.require(), id).orElseThrow(() -> new NotFoundException("Referral"));
    }

    private static int room(Referrals.Draft draft) {
        return Math.max(0, Referrals.MAX_ATTACHMENTS - draft.documents().size());
    }

    private String formView(Model model, Referrals.Draft draft) {
        Actor actor = Actors.require();
        pages.options(model, actor.partnershipId());
        model.addAttribute("partnershipName", actor.partnershipName());
        model.addAttribute("mode", "draft");
        model.addAttribute("draftId", draft.id());
        model.addAttribute("action", "/referrals/" + draft.id());
        model.addAttribute("documents", draft.documents());
        model.addAttribute("room", room(draft));
        model.addAttribute("storageKey", storageKey(draft.id()));
        model.addAttribute("serverSavedAt", draft.updatedAt().toEpochMilli());
        model.addAttribute(
                "lastSaved",
                draft.updatedAt()
                        .atZone(clock.getZone() == null ? ZoneId.of("Europe/London") : clock.getZone())
                        .toLocalTime()
                        .format(TIME));
        model.addAttribute("title", "Refer a serious incident involving a child");
        return VIEW;
    }

    private static String storageKey(long id) {
        return "hub-referral-draft-" + id;
    }
}
