package org.safeguardinghub.casereviews.reviews.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.reviews.PracticeReview;
import org.safeguardinghub.casereviews.reviews.PracticeReviewDesk;
import org.safeguardinghub.casereviews.reviews.PracticeReviewInputs;
import org.safeguardinghub.casereviews.reviews.PracticeReviewPage;
import org.safeguardinghub.casereviews.reviews.PracticeReviewRecords;
import org.safeguardinghub.casereviews.reviews.ReviewForm;
import org.safeguardinghub.casereviews.reviews.ReviewView;
import org.safeguardinghub.casereviews.reviews.SectionForms.DraftForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.FamilyForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.FinalForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.MeetingDocumentForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.MeetingForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.MemberForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.PublicationForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.RequestForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.SignOffForm;
import org.safeguardinghub.casereviews.reviews.SectionForms.ThemesForm;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.organisation.GroupSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.DateInput;
import org.safeguardinghub.platform.web.FormReply;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.Refusal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The practice review pages: commissioning, the details form, and the review's own page (filled by {@link
 * PracticeReviewPage}) where each section (panel, meetings, agency reports, family involvement, reports, sign-off,
 * publication, learning themes) has its own small form. Reading needs cases:view and changing cases:manage (route rules); a review of another
 * partnership is a 404.
 */
@Controller
class PracticeReviewController {

    private final PracticeReviewRecords reviews;
    private final PracticeReviewDesk desk;
    private final Organisation organisation;
    private final Clock clock;
    private final PracticeReviewPage reviewPage;
    private final PracticeReviewInputs inputs;

    PracticeReviewController(
            PracticeReviewRecords reviews,
            PracticeReviewDesk desk,
            Organisation organisation,
            Clock clock,
            PracticeReviewPage reviewPage,
            PracticeReviewInputs inputs) {
        this.reviews = reviews;
        this.desk = desk;
        this.organisation = organisation;
        this.clock = clock;
        this.reviewPage = reviewPage;
        this.inputs = inputs;
    }

    /** The review whose details form is open. */
    record Editing(long id, String title) {}

    // commissioning

    @GetMapping("/reviews/new")
    String createForm(
            @RequestParam(required = false) Long referral, @RequestParam(required = false) String type, Model model) {
        requireManage();
        ReviewForm form = new ReviewForm();
        if (referral != null) {
            reviews.commissionableReferral(partnership(), referral)
                    .orElseThrow(() -> new NotFoundException("Referral"));
            form.setReferralId(referral);
        }
        if (type != null && CaseVocabulary.REVIEW_TYPE.containsKey(type)) {
            form.setReviewType(type);
        }
        form.setCommissionedOn(DateInput.of(today()));
        model.addAttribute("form", form);
        return formView(model, null);
    }

    @PostMapping("/reviews/new")
    String create(
            @Valid @ModelAttribute("form") ReviewForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        if (form.getReferralId() != null
                && reviews.commissionableReferral(partnership(), form.getReferralId())
                        .isEmpty()) {
            throw new NotFoundException("Referral");
        }
        LocalDate commissioned = checkDetails(form, errors);
        if (errors.hasErrors() || commissioned == null) {
            Forms.invalid(response);
            return formView(model, null);
        }
        try {
            long id = desk.commission(new PracticeReviewDesk.Commission(
                    form.getReferralId(),
                    form.getTitle(),
                    form.getReviewType(),
                    commissioned,
                    Forms.text(form.getReviewers()),
                    Forms.text(form.getTermsOfReference()),
                    form.getPanelGroupId(),
                    Forms.text(form.getFamilyInvolvement())));
            flash.addFlashAttribute("flash", "Practice review commissioned");
            return "redirect:/reviews/" + id;
        } catch (Refusal e) {
            errors.reject("rule", e.getMessage());
            Forms.invalid(response);
            return formView(model, null);
        }
    }

    @GetMapping("/reviews/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        requireManage();
        PracticeReview review = desk.find(id);
        model.addAttribute("form", ReviewForm.of(review));
        return formView(model, review);
    }

    @PostMapping("/reviews/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ReviewForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        PracticeReview review = desk.find(id);
        LocalDate commissioned = checkDetails(form, errors);
        if (errors.hasErrors() || commissioned == null) {
            Forms.invalid(response);
            return formView(model, review);
        }
        try {
            desk.changeDetails(
                    id,
                    form.getVersion(),
                    form.getTitle(),
                    form.getReviewType(),
                    commissioned,
                    Forms.text(form.getReviewers()),
                    Forms.text(form.getTermsOfReference()),
                    form.getPanelGroupId());
            flash.addFlashAttribute("flash", "Review details updated");
            return "redirect:/reviews/" + id;
        } catch (ConcurrentEditException e) {
            PracticeReview current = desk.find(id);
            Forms.conflict(model, "form", ReviewForm.of(current), e.getMessage(), response);
            return formView(model, current);
        } catch (Refusal e) {
            errors.reject("rule", e.getMessage());
            Forms.invalid(response);
            return formView(model, review);
        }
    }

    private @Nullable LocalDate checkDetails(ReviewForm form, BindingResult errors) {
        if (!errors.hasFieldErrors("reviewType") && !CaseVocabulary.REVIEW_TYPE.containsKey(form.getReviewType())) {
            errors.rejectValue("reviewType", "invalid", "Select the type of review");
        }
        if (form.getPanelGroupId() != null && groups().stream().noneMatch(g -> g.id() == form.getPanelGroupId())) {
            errors.rejectValue("panelGroupId", "invalid", "Select a panel group from the list");
        }
        LocalDate on = form.getCommissionedOn().read(errors, "commissionedOn", "Date commissioned", true);
        return notFuture(on, errors, "commissionedOn", "Date commissioned");
    }

    private String formView(Model model, @Nullable PracticeReview review) {
        ReviewForm form = (ReviewForm) model.getAttribute("form");
        model.addAttribute("review", review == null ? null : new Editing(review.id(), review.title()));
        model.addAttribute(
                "title", review == null ? "Commission a practice review" : "Change details of " + review.title());
        model.addAttribute("typeOptions", CaseVocabulary.options(CaseVocabulary.REVIEW_TYPE));
        model.addAttribute(
                "groupOptions",
                groups().stream().map(g -> Option.of(g.id(), g.name())).toList());
        model.addAttribute(
                "referral",
                form == null || form.getReferralId() == null
                        ? null
                        : reviews.referral(partnership(), form.getReferralId()).orElse(null));
        return "casereviews/reviews/form";
    }

    // the review's page

    @GetMapping("/reviews/{id}")
    String show(@PathVariable long id, Model model) {
        return page(id, model);
    }

    @PostMapping("/reviews/{id}/members")
    String addMember(
            @PathVariable long id,
            @Valid @ModelAttribute("memberForm") MemberForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        desk.find(id);
        String agency = inputs.agencyName(form.getMemberAgencyId(), errors, "memberAgencyId");
        if (errors.hasErrors()) {
            return problem(id, "memberForm", model, response);
        }
        if (form.getMemberUserId() != null
                && reviews.panelAccounts(partnership()).stream()
                        .noneMatch(o -> o.value().equals(String.valueOf(form.getMemberUserId())))) {
            errors.rejectValue("memberUserId", "invalid", "Select the member's Hub account from the list");
            return problem(id, "memberForm", model, response);
        }
        desk.addMember(
                id,
                form.getMemberName(),
                Forms.text(form.getMemberRole()),
                agency == null ? null : form.getMemberAgencyId(),
                form.getMemberUserId());
        return done(id, "panel", "Panel member added: " + form.getMemberName().strip(), flash);
    }

    @PostMapping("/reviews/{id}/members/{memberId}/remove")
    String removeMember(@PathVariable long id, @PathVariable long memberId, RedirectAttributes flash) {
        desk.removeMember(id, memberId);
        return done(id, "panel", "Panel member removed", flash);
    }

    @PostMapping("/reviews/{id}/meetings")
    String addMeeting(
            @PathVariable long id,
            @Valid @ModelAttribute("meetingForm") MeetingForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        desk.find(id);
        LocalDate on = form.getMeetingOn().read(errors, "meetingOn", "Meeting date", true);
        Upload agenda = inputs.upload(form.getMeetingAgenda(), errors, "meetingAgenda");
        Upload minutes = inputs.upload(form.getMeetingMinutes(), errors, "meetingMinutes");
        if (errors.hasErrors() || on == null) {
            return problem(id, "meetingForm", model, response);
        }
        try {
            desk.addMeeting(id, on, Forms.text(form.getMeetingNotes()), agenda, minutes);
        } catch (Refusal e) {
            errors.rejectValue("meetingOn", "rule", e.getMessage());
            return problem(id, "meetingForm", model, response);
        }
        return done(id, "meetings", "Panel meeting of " + ReviewView.date(on) + " recorded", flash);
    }

    @PostMapping("/reviews/{id}/meetings/documents")
    String addMeetingDocument(
            @PathVariable long id,
            @Valid @ModelAttribute("meetingDocumentForm") MeetingDocumentForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        desk.find(id);
        String description = "AGENDA".equals(form.getDocumentKind())
                ? "Agenda"
                : "MINUTES".equals(form.getDocumentKind()) ? "Minutes" : null;
        if (!errors.hasFieldErrors("documentKind") && description == null) {
            errors.rejectValue("documentKind", "invalid", "Select whether this is the agenda or the minutes");
        }
        Upload file = inputs.upload(form.getDocumentFile(), errors, "documentFile");
        if (file == null && !errors.hasFieldErrors("documentFile")) {
            errors.rejectValue("documentFile", "required", "Select the file to upload");
        }
        if (form.getDocumentMeetingId() != null
                && reviews.meeting(id, form.getDocumentMeetingId()).isEmpty()) {
            errors.rejectValue("documentMeetingId", "invalid", "Select the meeting");
        }
        if (errors.hasErrors() || file == null || description == null) {
            return problem(id, "meetingDocumentForm", model, response);
        }
        desk.addMeetingDocument(id, form.getDocumentMeetingId(), description, file);
        return done(id, "meetings", description + " added", flash);
    }

    @PostMapping("/reviews/{id}/requests")
    String requestAgencyReport(
            @PathVariable long id,
            @Valid @ModelAttribute("requestForm") RequestForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        desk.find(id);
        String agency = inputs.agencyName(form.getRequestAgencyId(), errors, "requestAgencyId");
        LocalDate due = form.getRequestDueOn().read(errors, "requestDueOn", "Due date", true);
        if (due != null && due.isBefore(today())) {
            errors.rejectValue("requestDueOn", "past", "Due date must be today or in the future");
        }
        if (errors.hasErrors() || due == null || agency == null) {
            return problem(id, "requestForm", model, response);
        }
        desk.requestAgencyReport(id, form.getRequestAgencyId(), agency, due, form.getRequestQuestion());
        return done(id, "agency-reports", "Agency report requested from " + agency, flash);
    }

    @PostMapping("/reviews/{id}/family")
    String family(
            @PathVariable long id,
            @Valid @ModelAttribute("familyForm") FamilyForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return problem(id, "familyForm", model, response);
        }
        return step(
                id,
                "familyForm",
                errors,
                model,
                response,
                flash,
                "family",
                "Family involvement saved",
                () -> desk.recordFamilyInvolvement(id, form.getVersion(), Forms.text(form.getFamilyInvolvement())));
    }

    @PostMapping("/reviews/{id}/draft-report")
    String draftReport(
            @PathVariable long id,
            @Valid @ModelAttribute("draftForm") DraftForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Report report =
                new Report("draftForm", "draftOn", "Date of the draft report", "draftFile", "Draft report recorded");
        return report(
                id,
                report,
                form.getDraftOn(),
                form.getDraftFile(),
                new FormReply(model, response, flash),
                errors,
                (on, file) -> desk.recordDraftReport(id, form.getVersion(), on, file));
    }

    @PostMapping("/reviews/{id}/final-report")
    String finalReport(
            @PathVariable long id,
            @Valid @ModelAttribute("finalForm") FinalForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Report report =
                new Report("finalForm", "finalOn", "Date of the final report", "finalFile", "Final report recorded");
        return report(
                id,
                report,
                form.getFinalOn(),
                form.getFinalFile(),
                new FormReply(model, response, flash),
                errors,
                (on, file) -> desk.recordFinalReport(id, form.getVersion(), on, file));
    }

    /** A report of the review: its form, the date's field and label, the file's field and what the page says once saved. */
    private record Report(String formName, String dateField, String dateLabel, String fileField, String saved) {}

    /** Saves a report of the review with its date and file. */
    private interface ReportSave {
        void save(LocalDate on, @Nullable Upload file);
    }

    /**
     * Records a report: its date (not in the future) and its file are checked, then it is saved as a lifecycle step
     * of the review's reports section.
     */
    private String report(
            long id,
            Report report,
            DateInput date,
            @Nullable MultipartFile upload,
            FormReply reply,
            BindingResult errors,
            ReportSave save) {
        LocalDate on = notFuture(
                date.read(errors, report.dateField(), report.dateLabel(), true),
                errors,
                report.dateField(),
                report.dateLabel());
        Upload file = inputs.upload(upload, errors, report.fileField());
        if (errors.hasErrors() || on == null) {
            return problem(id, report.formName(), reply.model(), reply.response());
        }
        return step(
                id,
                report.formName(),
                errors,
                reply.model(),
                reply.response(),
                reply.flash(),
                "reports",
                report.saved(),
                () -> save.save(on, file));
    }

    @PostMapping("/reviews/{id}/sign-off")
    String signOff(
            @PathVariable long id,
            @Valid @ModelAttribute("signOffForm") SignOffForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        LocalDate on = notFuture(
                form.getSignedOffOn().read(errors, "signedOffOn", "Date signed off", true),
                errors,
                "signedOffOn",
                "Date signed off");
        if (errors.hasErrors() || on == null) {
            return problem(id, "signOffForm", model, response);
        }
        return step(
                id,
                "signOffForm",
                errors,
                model,
                response,
                flash,
                "sign-off",
                "Review signed off",
                () -> desk.signOff(id, form.getVersion(), on, form.getSignedOffBy()));
    }

    @PostMapping("/reviews/{id}/publication")
    String publication(
            @PathVariable long id,
            @Valid @ModelAttribute("publicationForm") PublicationForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        String kind = form.getPublication();
        boolean delayed = "DELAYED".equals(kind);
        LocalDate on = null;
        if (!errors.hasFieldErrors("publication") && !CaseVocabulary.PUBLICATION.containsKey(kind)) {
            errors.rejectValue(
                    "publication", "invalid", "Select how the review is published, or that publication is delayed");
        } else if (delayed) {
            if (form.getDelayReason() == null || form.getDelayReason().isBlank()) {
                errors.rejectValue(
                        "delayReason",
                        "required",
                        "Give the reason publication is delayed, for example parallel criminal proceedings");
            }
        } else if (kind != null && !kind.isBlank()) {
            on = notFuture(
                    form.getPublishedOn().read(errors, "publishedOn", "Date published", true),
                    errors,
                    "publishedOn",
                    "Date published");
        }
        if (errors.hasErrors()) {
            return problem(id, "publicationForm", model, response);
        }
        LocalDate publishedOn = on;
        return step(
                id,
                "publicationForm",
                errors,
                model,
                response,
                flash,
                "publication",
                delayed ? "Publication delay recorded" : "Review published",
                () -> {
                    if (delayed) {
                        desk.delayPublication(id, form.getVersion(), form.getDelayReason());
                    } else {
                        desk.publish(id, form.getVersion(), kind, java.util.Objects.requireNonNull(publishedOn));
                    }
                });
    }

    @PostMapping("/reviews/{id}/themes")
    String themes(
            @PathVariable long id,
            @ModelAttribute("themesForm") ThemesForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        List<Long> chosen = form.getThemeIds() == null ? List.of() : form.getThemeIds();
        try {
            desk.tagThemes(id, chosen);
        } catch (Refusal e) {
            errors.rejectValue("themeIds", "invalid", e.getMessage());
            return problem(id, "themesForm", model, response);
        }
        return done(id, "themes", "Learning themes saved", flash);
    }

    // page assembly

    private String page(long id, Model model) {
        return reviewPage.fill(id, model);
    }

    /** A refused section: the page again with that section's errors, as 422. */
    private String problem(long id, String formName, Model model, HttpServletResponse response) {
        model.addAttribute("failedForm", formName);
        Forms.invalid(response);
        return page(id, model);
    }

    /** A lifecycle step: its rule's message, or someone else's change, is shown on the page instead of saving. */
    private String step(
            long id,
            String formName,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash,
            String section,
            String message,
            Runnable change) {
        try {
            change.run();
        } catch (ConcurrentEditException e) {
            Forms.conflict(errors, e.getMessage(), response);
            model.addAttribute("conflict", true);
            model.addAttribute("failedForm", formName);
            return page(id, model);
        } catch (Refusal | IllegalArgumentException e) {
            errors.reject("rule", e.getMessage());
            return problem(id, formName, model, response);
        }
        return done(id, section, message, flash);
    }

    private static String done(long id, String section, String message, RedirectAttributes flash) {
        flash.addFlashAttribute("flash", message);
        return "redirect:/reviews/" + id + "#" + section;
    }

    private List<GroupSummary> groups() {
        return organisation.groupsOf(partnership());
    }

    private @Nullable LocalDate notFuture(@Nullable LocalDate date, BindingResult errors, String field, String label) {
        if (date != null && date.isAfter(today())) {
            errors.rejectValue(field, "future", label + " must be today or in the past");
            return null;
        }
        return date;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static long partnership() {
        return Actors.require().partnershipId();
    }

    private static void requireManage() {
        if (!Actors.require().can(CaseReviewsAccess.CASES_MANAGE)) {
            throw new AccessDeniedException("cases:manage needed");
        }
    }
}
