package org.safeguardinghub.casereviews.referrals.web;

import static org.safeguardinghub.casereviews.referrals.ReferralPages.FORM;
import static org.safeguardinghub.casereviews.referrals.ReferralPages.VIEW;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.referrals.PublicSubmissionLimit;
import org.safeguardinghub.casereviews.referrals.ReferenceGenerator;
import org.safeguardinghub.casereviews.referrals.ReferralChecks;
import org.safeguardinghub.casereviews.referrals.ReferralDetails;
import org.safeguardinghub.casereviews.referrals.ReferralForm;
import org.safeguardinghub.casereviews.referrals.ReferralPages;
import org.safeguardinghub.casereviews.referrals.Referrals;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.organisation.PartnershipSummary;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.Option;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public referral form: anyone may tell a partnership about a serious incident without signing in. It writes
 * but never reads: nothing the public sends is looked up, so it cannot reveal whether a case exists. Protected by
 * a per-address limit, text and request size limits, a honeypot field and full server-side checks.
 */
@Controller
class NotifyController {

    private final Organisation organisation;
    private final ReferralPages pages;
    private final Referrals referrals;
    private final PublicSubmissionLimit limit;
    private final Clock clock;
    private final ReferenceGenerator decoys = new ReferenceGenerator();

    NotifyController(
            Organisation organisation,
            ReferralPages pages,
            Referrals referrals,
            PublicSubmissionLimit limit,
            Clock clock) {
        this.organisation = organisation;
        this.pages = pages;
        this.referrals = referrals;
        this.limit = limit;
        this.clock = clock;
    }

    @InitBinder(FORM)
    void bind(WebDataBinder binder) {
        // the public is not asked the local authority's date: that is for the business team to find out
        binder.setDisallowedFields("attachments", "version", "laAwareDate", "laAwareDate.*");
    }

    @GetMapping("/notify")
    String form(@RequestParam(name = "p", required = false) @Nullable String p, Model model) {
        Optional<PartnershipSummary> partnership = partnership(p);
        if (partnership.isEmpty()) {
            return chooser(model, p != null && !p.isBlank());
        }
        ReferralForm form = new ReferralForm();
        form.setPartnership(partnership.get().shortName());
        model.addAttribute(FORM, form);
        return formView(model, partnership.get());
    }

    @PostMapping("/notify")
    String submit(
            @ModelAttribute(FORM) ReferralForm form,
            BindingResult errors,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Optional<PartnershipSummary> partnership = partnership(form.getPartnership());
        if (partnership.isEmpty()) {
            Forms.invalid(response);
            return chooser(model, true);
        }
        PartnershipSummary p = partnership.get();
        if (!limit.tryAcquire(request.getRemoteAddr())) {
            errors.reject(
                    "limit",
                    "Too many referrals have been sent from your network in the last 10 minutes. Wait 10 minutes"
                            + " and send this again: what you typed is still below.");
            ReferralPages.chooseFilesAgain(pages.files(attachments, Referrals.MAX_ATTACHMENTS, errors), errors);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "600");
            return formView(model, p);
        }
        if (!form.getWebsite().isBlank()) {
            // a robot filled in the hidden field: it is told what a person would be told, and nothing is stored
            flash.addFlashAttribute(
                    "reference", decoys.next(p.shortName(), LocalDate.now(clock).getYear()));
            flash.addFlashAttribute("storageKey", storageKey(p));
            return "redirect:/notify/confirmation";
        }
        ReferralDetails details = ReferralChecks.fromPublic(form, errors, pages.choices(p.id()));
        List<Upload> files = pages.files(attachments, Referrals.MAX_ATTACHMENTS, errors);
        if (errors.hasErrors()) {
            ReferralPages.chooseFilesAgain(files, errors);
            Forms.invalid(response);
            return formView(model, p);
        }
        Referrals.Submitted submitted = referrals.submitPublic(p.id(), p.shortName(), details, files);
        flash.addFlashAttribute("reference", submitted.reference());
        flash.addFlashAttribute("storageKey", storageKey(p));
        return "redirect:/notify/confirmation";
    }

    /** Shows only what the flash carries: it never looks anything up. */
    @GetMapping("/notify/confirmation")
    String confirmation(Model model) {
        model.addAttribute("title", "Referral sent");
        return "casereviews/referrals/confirmation";
    }

    private String formView(Model model, PartnershipSummary partnership) {
        pages.options(model, partnership.id());
        model.addAttribute("partnershipName", partnership.name());
        model.addAttribute("mode", "public");
        model.addAttribute("action", "/notify");
        model.addAttribute("storageKey", storageKey(partnership));
        model.addAttribute("title", "Tell us about a serious incident involving a child");
        return VIEW;
    }

    private String chooser(Model model, boolean error) {
        model.addAttribute(
                "partnershipOptions",
                organisation.activePartnerships().stream()
                        .map(p -> new Option(p.shortName(), p.name()))
                        .toList());
        model.addAttribute("chooserError", error);
        model.addAttribute("title", "Where did the incident happen?");
        return "casereviews/referrals/choose-partnership";
    }

    /**
     * The partnership named by its short name, or the only active partnership when none is named. Empty when the
     * person must choose.
     */
    private Optional<PartnershipSummary> partnership(@Nullable String shortName) {
        List<PartnershipSummary> active = organisation.activePartnerships().stream()
                .filter(p -> !p.archived())
                .toList();
        if (shortName == null || shortName.isBlank()) {
            return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
        }
        String wanted = shortName.trim().toLowerCase(Locale.ROOT);
        return active.stream()
                .filter(p -> p.shortName().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    private static String storageKey(PartnershipSummary partnership) {
        return "hub-referral-public-" + partnership.shortName();
    }
}
