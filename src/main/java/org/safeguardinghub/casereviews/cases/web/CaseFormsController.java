package org.safeguardinghub.casereviews.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.cases.CaseActions;
import org.safeguardinghub.casereviews.cases.CaseClocks;
import org.safeguardinghub.casereviews.cases.CaseForms.DecisionForm;
import org.safeguardinghub.casereviews.cases.CaseForms.LocalDecisionForm;
import org.safeguardinghub.casereviews.cases.CaseForms.MeetingForm;
import org.safeguardinghub.casereviews.cases.CaseForms.MemberForm;
import org.safeguardinghub.casereviews.cases.CaseForms.OutcomeForm;
import org.safeguardinghub.casereviews.cases.CaseForms.RequestForm;
import org.safeguardinghub.casereviews.cases.CaseForms.SendForm;
import org.safeguardinghub.casereviews.cases.CaseForms.ThemesForm;
import org.safeguardinghub.casereviews.cases.CaseForms.TriageForm;
import org.safeguardinghub.casereviews.cases.CaseRecords;
import org.safeguardinghub.casereviews.cases.ClockView;
import org.safeguardinghub.casereviews.cases.RapidReview;
import org.safeguardinghub.casereviews.cases.Referral;
import org.safeguardinghub.learning.LearningThemes;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.DateInput;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The business team's forms on a case: triage, the local decision, the rapid review (meeting and members, requests
 * to agencies, outcome, sending to the panel) and learning themes. Only {@code cases:manage} may open them; the route
 * rules refuse every other method to everyone else.
 */
@Controller
class CaseFormsController {

    private static final String FORM = "form";

    private final CaseRecords cases;
    private final CaseActions actions;
    private final Organisation organisation;
    private final LearningThemes themes;
    private final Clock clock;
    private final CaseClocks clocks = CaseClocks.england();

    CaseFormsController(
            CaseRecords cases, CaseActions actions, Organisation organisation, LearningThemes themes, Clock clock) {
        this.cases = cases;
        this.actions = actions;
        this.organisation = organisation;
        this.themes = themes;
        this.clock = clock;
    }

    private final DecisionPage triagePage = new DecisionPage(this::triageView, TriageForm::of);
    private final DecisionPage localPage = new DecisionPage(this::localView, LocalDecisionForm::of);

    // ---- triage ----

    @GetMapping("/cases/{id}/triage")
    String triageForm(@PathVariable long id, Model model) {
        return decisionForm(id, model, triagePage);
    }

    @PostMapping("/cases/{id}/triage")
    String triage(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) TriageForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Referral referral = referral(id);
        boolean notify = Referral.NOTIFY.equals(form.getDecision());
        if (!errors.hasFieldErrors("decision") && !notify && !Referral.DO_NOT_NOTIFY.equals(form.getDecision())) {
            errors.rejectValue("decision", "invalid", "Select whether the incident is notified to the national panel");
        }
        LocalDate decided = past(form.getDecidedOn(), errors, "decidedOn", "Decision date", true);
        LocalDate notified =
                past(form.getNotifiedOn(), errors, "notifiedOn", "Date the national panel was notified", notify);
        String refused = saveDecision(
                id,
                referral,
                errors,
                model,
                response,
                triagePage,
                () -> actions.decideNotification(
                        Actors.require(),
                        id,
                        form.getVersion(),
                        form.getDecision(),
                        decided,
                        notified,
                        form.getReason()));
        if (refused != null) {
            return refused;
        }
        flash.addFlashAttribute(
                "flash", notify ? "Notification recorded: the rapid review clock has started" : "Decision recorded");
        return "redirect:/cases/" + id;
    }

    private String triageView(Model model, Referral referral) {
        model.addAttribute("referral", referral);
        model.addAttribute("title", "Triage " + referral.reference());
        model.addAttribute(
                "decisionOptions",
                List.of(
                        new Option(Referral.NOTIFY, "Notify the national panel"),
                        new Option(Referral.DO_NOT_NOTIFY, "Do not notify: consider locally")));
        model.addAttribute(
                "notificationClock",
                ClockView.of(
                        clocks.notification(referral.laAwareDate(), referral.receivedOn(), null),
                        LocalDate.now(clock)));
        return "casereviews/cases/triage";
    }

    // ---- local decision ----

    @GetMapping("/cases/{id}/local-decision")
    String localForm(@PathVariable long id, Model model) {
        return decisionForm(id, model, localPage);
    }

    @PostMapping("/cases/{id}/local-decision")
    String local(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) LocalDecisionForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Referral referral = referral(id);
        if (!errors.hasFieldErrors("decision")
                && !Referral.LOCAL_REVIEW.equals(form.getDecision())
                && !Referral.NO_REVIEW.equals(form.getDecision())) {
            errors.rejectValue("decision", "invalid", "Select whether to hold a local review");
        }
        LocalDate decided = past(form.getDecidedOn(), errors, "decidedOn", "Decision date", true);
        String refused = saveDecision(
                id,
                referral,
                errors,
                model,
                response,
                localPage,
                () -> actions.decideLocalReview(
                        Actors.require(), id, form.getVersion(), form.getDecision(), decided, form.getReason()));
        if (refused != null) {
            return refused;
        }
        flash.addFlashAttribute("flash", "Local decision recorded");
        return "redirect:/cases/" + id;
    }

    /** A decision's page: how it is shown for a referral, and its form as the referral stands. */
    private record DecisionPage(
            BiFunction<Model, Referral, String> view, Function<Referral, ? extends DecisionForm> form) {}

    /** A decision's form as the referral stands, dated today while nothing is decided yet. */
    private String decisionForm(long id, Model model, DecisionPage page) {
        Referral referral = referral(id);
        DecisionForm form = page.form().apply(referral);
        if (form.getDecision().isEmpty()) {
            form.setDecidedOn(DateInput.of(LocalDate.now(clock)));
        }
        model.addAttribute(FORM, form);
        return page.view().apply(model, referral);
    }

    /**
     * Saves a decision checked already: with mistakes, or refused by a rule, the page is shown again with the error
     * summary; when someone else decided first, with their decision (409). Null once saved.
     */
    private @Nullable String saveDecision(
            long id,
            Referral referral,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            DecisionPage page,
            Runnable save) {
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return page.view().apply(model, referral);
        }
        try {
            save.run();
            return null;
        } catch (Refusal e) {
            Forms.refused(e, errors, response);
            return page.view().apply(model, referral);
        } catch (ConcurrentEditException e) {
            Referral current = referral(id);
            Forms.conflict(model, FORM, page.form().apply(current), e.getMessage(), response);
            return page.view().apply(model, current);
        }
    }

    private String localView(Model model, Referral referral) {
        model.addAttribute("referral", referral);
        model.addAttribute("title", "Local decision for " + referral.reference());
        model.addAttribute(
                "decisionOptions",
                List.of(
                        new Option(Referral.LOCAL_REVIEW, "Hold a local review"),
                        new Option(Referral.NO_REVIEW, "No local review: close the referral")));
        return "casereviews/cases/local-decision";
    }

    // ---- rapid review meeting and members ----

    @GetMapping("/cases/{id}/rapid-review")
    String meetingForm(@PathVariable long id, Model model) {
        Referral referral = referral(id);
        RapidReview rr = rapidReview(id);
        MeetingForm form = MeetingForm.of(rr);
        model.addAttribute(FORM, form);
        model.addAttribute("memberForm", new MemberForm());
        return meetingView(model, referral, rr);
    }

    @PostMapping("/cases/{id}/rapid-review/meeting")
    String meeting(
            @PathVariable long id,
            @ModelAttribute(FORM) MeetingForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Referral referral = referral(id);
        RapidReview rr = rapidReview(id);
        LocalDate on = form.getMeetingOn().read(errors, "meetingOn", "Meeting date", true);
        model.addAttribute("memberForm", new MemberForm());
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return meetingView(model, referral, rr);
        }
        try {
            actions.holdMeeting(Actors.require(), id, form.getVersion(), on);
        } catch (Refusal e) {
            Forms.refused(e, errors, response);
            return meetingView(model, referral, rr);
        } catch (ConcurrentEditException e) {
            RapidReview current = rapidReview(id);
            Forms.conflict(model, FORM, MeetingForm.of(current), e.getMessage(), response);
            return meetingView(model, referral, current);
        }
        flash.addFlashAttribute("flash", "Meeting date saved");
        return "redirect:/cases/" + id + "/rapid-review";
    }

    @PostMapping("/cases/{id}/rapid-review/members")
    String addMember(
            @PathVariable long id,
            @Valid @ModelAttribute("memberForm") MemberForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Referral referral = referral(id);
        RapidReview rr = rapidReview(id);
        model.addAttribute(FORM, MeetingForm.of(rr));
        if (!errors.hasErrors()) {
            try {
                actions.addMember(
                        Actors.require(),
                        id,
                        form.getPersonName(),
                        form.getRole(),
                        form.getAgencyId(),
                        form.getUserId());
                flash.addFlashAttribute("flash", form.getPersonName().trim() + " added to the meeting");
                return "redirect:/cases/" + id + "/rapid-review";
            } catch (Refusal e) {
                Forms.refused(e, errors, response);
                return meetingView(model, referral, rr);
            }
        }
        Forms.invalid(response);
        return meetingView(model, referral, rr);
    }

    @PostMapping("/cases/{id}/rapid-review/members/{memberId}/remove")
    String removeMember(@PathVariable long id, @PathVariable long memberId, RedirectAttributes flash) {
        actions.removeMember(Actors.require(), id, memberId);
        flash.addFlashAttribute("flash", "Member removed");
        return "redirect:/cases/" + id + "/rapid-review";
    }

    private String meetingView(Model model, Referral referral, RapidReview rr) {
        model.addAttribute("referral", referral);
        model.addAttribute("rapidReview", rr);
        model.addAttribute("members", cases.members(rr.id()));
        model.addAttribute("agencyOptions", agencyOptions());
        model.addAttribute(
                "accountOptions", cases.panelAccounts(Actors.require().partnershipId()));
        model.addAttribute("title", "Rapid review meeting for " + referral.reference());
        return "casereviews/cases/meeting";
    }

    // ---- requests to agencies ----

    @GetMapping("/cases/{id}/requests/new")
    String requestForm(@PathVariable long id, Model model) {
        Referral referral = referral(id);
        rapidReview(id);
        RequestForm form = new RequestForm();
        form.setDueOn(DateInput.of(clocks.requestDueDate(LocalDate.now(clock))));
        model.addAttribute(FORM, form);
        return requestView(model, referral);
    }

    @PostMapping("/cases/{id}/requests")
    String request(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) RequestForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Referral referral = referral(id);
        rapidReview(id);
        if (!errors.hasFieldErrors("kind")
                && !"INVOLVEMENT_SUMMARY".equals(form.getKind())
                && !"CHRONOLOGY".equals(form.getKind())) {
            errors.rejectValue("kind", "invalid", "Select what the agency is asked for");
        }
        LocalDate due = form.getDueOn().read(errors, "dueOn", "Due date", false);
        if (due == null && !errors.hasFieldErrors("dueOn")) {
            due = clocks.requestDueDate(LocalDate.now(clock));
        }
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return requestView(model, referral);
        }
        try {
            actions.requestContribution(
                    Actors.require(), id, form.getAgencyId(), form.getKind(), form.getQuestion(), due);
        } catch (Refusal e) {
            Forms.refused(e, errors, response);
            return requestView(model, referral);
        }
        flash.addFlashAttribute("flash", "Request sent to the agency");
        return "redirect:/cases/" + id + "#requests";
    }

    private String requestView(Model model, Referral referral) {
        model.addAttribute("referral", referral);
        model.addAttribute("agencyOptions", agencyOptions());
        model.addAttribute(
                "kindOptions",
                CaseVocabulary.options(CaseVocabulary.REQUEST_KIND).stream()
                        .filter(o -> !"AGENCY_REPORT".equals(o.value()))
                        .toList());
        model.addAttribute("title", "Request a contribution for " + referral.reference());
        return "casereviews/cases/request";
    }

    // ---- outcome and sending ----

    @GetMapping("/cases/{id}/rapid-review/outcome")
    String outcomeForm(@PathVariable long id, Model model) {
        Referral referral = referral(id);
        RapidReview rr = rapidReview(id);
        OutcomeForm form = OutcomeForm.of(rr);
        if (rr.completedOn() == null) {
            form.setCompletedOn(DateInput.of(LocalDate.now(clock)));
        }
        model.addAttribute(FORM, form);
        return outcomeView(model, referral);
    }

    @PostMapping("/cases/{id}/rapid-review/outcome")
    String outcome(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) OutcomeForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Referral referral = referral(id);
        rapidReview(id);
        if (!errors.hasFieldErrors("outcome") && !CaseVocabulary.RAPID_REVIEW_OUTCOME.containsKey(form.getOutcome())) {
            errors.rejectValue("outcome", "invalid", "Select the outcome of the rapid review");
        }
        boolean other = RapidReview.OTHER_REVIEW.equals(form.getOutcome());
        if (other && !CaseVocabulary.REVIEW_TYPE.containsKey(form.getOtherReviewType())) {
            errors.rejectValue("otherReviewType", "required", "Select the type of review");
        }
        LocalDate completed = past(form.getCompletedOn(), errors, "completedOn", "Date completed", true);
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return outcomeView(model, referral);
        }
        try {
            actions.recordOutcome(
                    Actors.require(),
                    id,
                    form.getVersion(),
                    form.getOutcome(),
                    other ? form.getOtherReviewType() : null,
                    form.getReason(),
                    completed);
        } catch (Refusal e) {
            Forms.refused(e, errors, response);
            return outcomeView(model, referral);
        } catch (ConcurrentEditException e) {
            Forms.conflict(model, FORM, OutcomeForm.of(rapidReview(id)), e.getMessage(), response);
            return outcomeView(model, referral);
        }
        flash.addFlashAttribute("flash", "Outcome recorded");
        return "redirect:/cases/" + id;
    }

    private String outcomeView(Model model, Referral referral) {
        model.addAttribute("referral", referral);
        model.addAttribute("outcomeOptions", CaseVocabulary.options(CaseVocabulary.RAPID_REVIEW_OUTCOME));
        model.addAttribute(
                "reviewTypeOptions",
                CaseVocabulary.options(CaseVocabulary.REVIEW_TYPE).stream()
                        .filter(o -> !"LCSPR".equals(o.value()) && !"NATIONAL_CSPR".equals(o.value()))
                        .toList());
        model.addAttribute("title", "Rapid review outcome for " + referral.reference());
        return "casereviews/cases/outcome";
    }

    @GetMapping("/cases/{id}/rapid-review/send")
    String sendForm(@PathVariable long id, Model model) {
        Referral referral = referral(id);
        RapidReview rr = rapidReview(id);
        SendForm form = new SendForm();
        form.setSentOn(DateInput.of(LocalDate.now(clock)));
        form.setVersion(rr.version());
        model.addAttribute(FORM, form);
        return sendView(model, referral, rr);
    }

    @PostMapping("/cases/{id}/rapid-review/send")
    String send(
            @PathVariable long id,
            @ModelAttribute(FORM) SendForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Referral referral = referral(id);
        RapidReview rr = rapidReview(id);
        LocalDate on = past(form.getSentOn(), errors, "sentOn", "Date sent", true);
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return sendView(model, referral, rr);
        }
        try {
            actions.sendToPanel(Actors.require(), id, form.getVersion(), on);
        } catch (Refusal e) {
            Forms.refused(e, errors, response);
            return sendView(model, referral, rr);
        } catch (ConcurrentEditException e) {
            RapidReview current = rapidReview(id);
            SendForm fresh = new SendForm();
            fresh.setSentOn(form.getSentOn());
            fresh.setVersion(current.version());
            Forms.conflict(model, FORM, fresh, e.getMessage(), response);
            return sendView(model, referral, current);
        }
        flash.addFlashAttribute("flash", "Rapid review sent to the national panel");
        return "redirect:/cases/" + id;
    }

    private String sendView(Model model, Referral referral, RapidReview rr) {
        model.addAttribute("referral", referral);
        model.addAttribute("rapidReview", rr);
        model.addAttribute("outcomeLabel", CaseVocabulary.label(CaseVocabulary.RAPID_REVIEW_OUTCOME, rr.outcome()));
        model.addAttribute("title", "Send the rapid review for " + referral.reference());
        return "casereviews/cases/send";
    }

    // ---- learning themes ----

    @GetMapping("/cases/{id}/themes")
    String themesForm(@PathVariable long id, Model model) {
        Referral referral = referral(id);
        ThemesForm form = new ThemesForm();
        form.setThemeIds(new java.util.ArrayList<>(cases.themeIds(referral.partnershipId(), "REFERRAL", id)));
        model.addAttribute(FORM, form);
        return themesView(model, referral, form);
    }

    @PostMapping("/cases/{id}/themes")
    String tagThemes(@PathVariable long id, @ModelAttribute(FORM) ThemesForm form, RedirectAttributes flash) {
        referral(id);
        actions.tagThemes(Actors.require(), id, form.getThemeIds());
        flash.addFlashAttribute("flash", "Learning themes saved");
        return "redirect:/cases/" + id + "#themes";
    }

    private String themesView(Model model, Referral referral, ThemesForm form) {
        model.addAttribute("referral", referral);
        List<Long> chosen = form.getThemeIds();
        model.addAttribute(
                "themeOptions",
                themes.all().stream()
                        .filter(t -> t.active() || chosen.contains(t.id()))
                        .map(t -> Option.of(t.id(), t.active() ? t.name() : t.name() + " (retired)"))
                        .toList());
        model.addAttribute("title", "Learning themes for " + referral.reference());
        return "casereviews/cases/themes";
    }

    // ---- shared ----

    /** The referral, for someone who may manage cases (a 404 outside the partnership, a 403 without the right). */
    private Referral referral(long id) {
        Actor actor = Actors.require();
        Referral referral = cases.find(actor.partnershipId(), id)
                .orElseThrow(() -> new NotFoundException("Case"))
                .referral();
        if (!actor.can(CaseReviewsAccess.CASES_MANAGE)) {
            throw new AccessDeniedException("cases:manage needed");
        }
        return referral;
    }

    private RapidReview rapidReview(long referralId) {
        return cases.rapidReview(Actors.require().partnershipId(), referralId)
                .orElseThrow(() -> new NotFoundException("Rapid review"));
    }

    private List<Option> agencyOptions() {
        return organisation.agenciesOf(Actors.require().partnershipId()).stream()
                .filter(a -> !a.archived())
                .map(a -> Option.of(a.id(), a.name()))
                .toList();
    }

    /** A date that must not be in the future. */
    private @Nullable LocalDate past(
            DateInput date, BindingResult errors, String field, String label, boolean required) {
        LocalDate value = date.read(errors, field, label, required);
        if (value != null && value.isAfter(LocalDate.now(clock))) {
            errors.rejectValue(field, "future", label + " must be today or in the past");
            return null;
        }
        return value;
    }
}
