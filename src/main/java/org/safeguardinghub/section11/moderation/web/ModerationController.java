package org.safeguardinghub.section11.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.section11.FinalPosition;
import org.safeguardinghub.section11.NoteKind;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.moderation.Moderation;
import org.safeguardinghub.section11.moderation.Moderation.Decision;
import org.safeguardinghub.section11.moderation.Moderation.ScoreChoice;
import org.safeguardinghub.section11.moderation.ModerationRecords;
import org.safeguardinghub.section11.moderation.ModerationRows.Agreement;
import org.safeguardinghub.section11.moderation.ModerationRows.Challenge;
import org.safeguardinghub.section11.moderation.ModerationRows.Improvement;
import org.safeguardinghub.section11.moderation.ModerationRows.ModeratedScore;
import org.safeguardinghub.section11.moderation.ModerationRows.Response;
import org.safeguardinghub.section11.moderation.web.ModerationForms.ChallengeForm;
import org.safeguardinghub.section11.moderation.web.ModerationForms.FinalForm;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.safeguardinghub.section11.templates.TemplateStructure.Question;
import org.safeguardinghub.section11.templates.TemplateStructure.ScaleLevel;
import org.safeguardinghub.section11.templates.TemplateStructure.Standard;
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
 * The panel's page for one return, for the person's current partnership: what the agency said standard by
 * standard (read only) beside the moderation form (moderated score, panel note and its kind), the challenge
 * questions and answers, and the final position. Only the business team and assigned panel members from another
 * agency reach it; anyone else gets a 404.
 */
@Controller
class ModerationController {

    /** Where the documents of a response are kept (helper B's self-assessment stores them under this owner). */
    static final String RESPONSE_DOCUMENTS = "s11-response";

    private final Moderation moderation;
    private final ModerationRecords store;
    private final Documents documents;
    private final AuditTrail audit;

    ModerationController(Moderation moderation, ModerationRecords store, Documents documents, AuditTrail audit) {
        this.moderation = moderation;
        this.store = store;
        this.documents = documents;
        this.audit = audit;
    }

    /** What the score form of one standard holds: saved values, or what was typed when refused. */
    record ScoreState(String choice, String note, String kind, int version) {}

    record QuestionAnswer(Question question, String value) {}

    record StandardView(
            Standard standard,
            String sectionTitle,
            String selfScore,
            String evidence,
            List<QuestionAnswer> answers,
            List<DocumentSummary> documents,
            List<Improvement> improvements,
            @Nullable ModeratedScore moderated,
            String moderatedLabel,
            List<Challenge> challenges,
            ScoreState form) {}

    @GetMapping("/section11/returns/{id}/moderation")
    String show(@PathVariable long id, Model model) {
        ReturnRef ref = moderation.moderatable(id);
        audit.readSensitive("s11-return", id);
        return page(ref, model, new LinkedHashMap<>(), Map.of());
    }

    /** What was typed on one standard's form, checked: the choice, or the problems keyed by field. */
    private record Checked(
            @Nullable ScoreChoice choice, @Nullable NoteKind kind, Map<String, String> problems) {}

    private static Checked check(
            TemplateStructure template, Standard standard, String score, String note, String kind) {
        long standardId = standard.id();
        Map<String, String> problems = new LinkedHashMap<>();
        ScoreChoice choice = null;
        if (score.equals("NA") && template.allowNotApplicable()) {
            choice = new ScoreChoice(null, true);
        } else {
            Optional<Integer> level = template.scale().stream()
                    .map(ScaleLevel::score)
                    .filter(s -> String.valueOf(s).equals(score))
                    .findFirst();
            if (level.isPresent()) {
                choice = new ScoreChoice(level.get(), false);
            } else {
                problems.put("score-" + standardId, "Select the moderated score for " + standard.code());
            }
        }
        NoteKind noteKind = null;
        if (!kind.isBlank()) {
            try {
                noteKind = NoteKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                problems.put("kind-" + standardId, "Select what kind of note this is from the list");
            }
        }
        if (noteKind != null && note.isBlank()) {
            problems.put("note-" + standardId, "Enter the note, or choose \"No theme\" for its kind");
        }
        if (note.length() > ModerationForms.MAX_TEXT) {
            problems.put("note-" + standardId, "The panel note must be 10,000 characters or fewer");
        }
        return new Checked(choice, noteKind, problems);
    }

    /** Why a save was refused as a concurrent edit: the other person's saved values beside what was chosen. */
    private String conflict(
            long returnId,
            TemplateStructure template,
            Standard standard,
            ScoreChoice choice,
            String note,
            boolean theirsShown) {
        ModeratedScore theirs = store.moderatedScore(returnId, Actors.require().partnershipId(), standard.id())
                .orElseThrow();
        return theirs.updatedByName() + " saved the moderated score for " + standard.code()
                + " after you opened the page: " + moderatedLabel(template, theirs)
                + (theirs.note().isBlank() ? "" : ", note \"" + theirs.note() + "\"")
                + (theirsShown ? ". Their values are shown below; you had chosen " : ". You had chosen ")
                + (choice.notApplicable() ? "not applicable" : template.label(choice.score()))
                + (note.isBlank() ? "" : " with the note \"" + note.trim() + "\"")
                + (theirsShown
                        ? ". Check and save again."
                        : ". Your choice is still on this page: reload it to see theirs, or save to replace them.");
    }

    @PostMapping("/section11/returns/{id}/moderation/standards/{standardId}")
    String score(
            @PathVariable long id,
            @PathVariable long standardId,
            @RequestParam(defaultValue = "") String score,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "0") int version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ReturnRef ref = moderation.moderatable(id);
        TemplateStructure template = moderation.template(ref);
        Standard standard = moderation.standard(ref, standardId);
        Checked checked = check(template, standard, score, note, kind);
        Map<String, String> problems = new LinkedHashMap<>(checked.problems());
        ScoreChoice choice = checked.choice();
        ScoreState typed = new ScoreState(score, note, kind, version);
        if (!problems.isEmpty() || choice == null) {
            Forms.invalid(response);
            return page(ref, model, problems, Map.of(standardId, typed));
        }
        try {
            moderation.saveScore(id, standardId, choice, note, checked.kind(), version);
        } catch (Refusal e) {
            problems.put("score-" + standardId, e.getMessage());
            Forms.invalid(response);
            return page(ref, model, problems, Map.of(standardId, typed));
        } catch (ConcurrentEditException e) {
            // show the other person's saved values (and their version) so nothing is overwritten unseen
            problems.put("score-" + standardId, conflict(id, template, standard, choice, note, true));
            response.setStatus(Forms.status(Refusal.conflict(problems.get("score-" + standardId))));
            return page(ref, model, problems, Map.of());
        }
        flash.addFlashAttribute("flash", "Moderated score for " + standard.code() + " saved");
        return "redirect:/section11/returns/" + id + "/moderation#standard-" + standardId;
    }

    /**
     * The background save of one standard's moderation as the panel member chooses and types (htmx, as the agency's
     * self-assessment): answers with a short status line and the score's new version out of band. Problems and
     * conflicts are told in the status line with 200 (htmx swaps only 2xx answers), and the form keeps what was
     * typed; the "Save" button still works without JavaScript.
     */
    @PostMapping("/section11/returns/{id}/moderation/standards/{standardId}/autosave")
    String autosave(
            @PathVariable long id,
            @PathVariable long standardId,
            @RequestParam(defaultValue = "") String score,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "0") int version,
            Model model,
            HttpServletResponse response) {
        ReturnRef ref = moderation.moderatable(id);
        TemplateStructure template = moderation.template(ref);
        Standard standard = moderation.standard(ref, standardId);
        model.addAttribute("sid", standardId);
        Checked checked = check(template, standard, score, note, kind);
        ScoreChoice choice = checked.choice();
        if (!checked.problems().isEmpty() || choice == null) {
            response.setHeader("X-Autosave", "invalid");
            model.addAttribute(
                    "message",
                    "Not saved yet: " + checked.problems().values().iterator().next());
            return AUTOSAVED;
        }
        try {
            int saved = moderation.saveScore(id, standardId, choice, note, checked.kind(), version);
            response.setHeader("X-Autosave", "saved");
            model.addAttribute(
                    "message",
                    "Moderated score for " + standard.code() + " saved at "
                            + java.time.LocalTime.now(java.time.ZoneId.of("Europe/London"))
                                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
            model.addAttribute("version", saved);
        } catch (Refusal e) {
            response.setHeader("X-Autosave", "invalid");
            model.addAttribute("message", "Not saved: " + e.getMessage());
        } catch (ConcurrentEditException e) {
            response.setHeader("X-Autosave", "conflict");
            model.addAttribute("message", "Not saved: " + conflict(id, template, standard, choice, note, false));
        }
        return AUTOSAVED;
    }

    private static final String AUTOSAVED = "section11/moderation/moderate :: autosaved";

    @PostMapping("/section11/returns/{id}/moderation/challenges")
    String challenge(
            @PathVariable long id,
            @ModelAttribute("challengeForm") ChallengeForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ReturnRef ref = moderation.moderatable(id);
        TemplateStructure template = moderation.template(ref);
        Standard standard = template.standards().stream()
                .filter(s -> String.valueOf(s.id()).equals(form.getStandardId()))
                .findFirst()
                .orElse(null);
        if (standard == null) {
            errors.rejectValue("standardId", "required", "Select the standard the challenge is about");
        }
        if (form.getQuestion().isBlank()) {
            errors.rejectValue("question", "required", "Enter the challenge question");
        } else if (form.getQuestion().length() > ModerationForms.MAX_TEXT) {
            errors.rejectValue("question", "size", "The challenge question must be 10,000 characters or fewer");
        }
        if (errors.hasErrors() || standard == null) {
            Forms.invalid(response);
            return page(ref, model, new LinkedHashMap<>(), Map.of());
        }
        try {
            moderation.ask(id, standard.id(), form.getQuestion());
        } catch (Refusal e) {
            errors.reject("refused", e.getMessage());
            Forms.invalid(response);
            return page(ref, model, new LinkedHashMap<>(), Map.of());
        }
        flash.addFlashAttribute(
                "flash", "Challenge on " + standard.code() + " sent to " + ref.agencyName() + " to answer");
        return "redirect:/section11/returns/" + id + "/moderation#challenges";
    }

    @PostMapping("/section11/returns/{id}/moderation/final")
    String agree(
            @PathVariable long id,
            @ModelAttribute("finalForm") FinalForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ReturnRef ref = moderation.moderatable(id);
        FinalPosition position = null;
        try {
            position = form.getPosition().isBlank() ? null : FinalPosition.valueOf(form.getPosition());
        } catch (IllegalArgumentException e) {
            // reported below as not chosen
        }
        if (position == null) {
            errors.rejectValue("position", "required", "Select the panel's final position");
        }
        if (form.getFeedback().isBlank()) {
            errors.rejectValue("feedback", "required", "Enter the feedback for the agency");
        } else if (form.getFeedback().length() > ModerationForms.MAX_TEXT) {
            errors.rejectValue("feedback", "size", "Feedback must be 10,000 characters or fewer");
        }
        if (form.getFollowUp().length() > ModerationForms.MAX_TEXT) {
            errors.rejectValue("followUp", "size", "Follow-up must be 10,000 characters or fewer");
        }
        List<Long> improvementIds = new ArrayList<>();
        for (String s : form.getImprovementIds()) {
            try {
                improvementIds.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                errors.rejectValue("improvementIds", "invalid", "Choose improvement actions from the list");
            }
        }
        LocalDate extraDue = null;
        if (!form.getExtraAction().isBlank()) {
            if (form.getExtraAction().length() > 4000) {
                errors.rejectValue("extraAction", "size", "The follow-up action must be 4,000 characters or fewer");
            }
            extraDue = form.getExtraActionDue().read(errors, "extraActionDue", "Follow-up action due date", true);
        } else if (!form.getExtraActionDue().blank()) {
            errors.rejectValue("extraAction", "required", "Enter the follow-up action, or clear its due date");
        }
        // what still stands in the way is listed with any mistakes, so one attempt shows everything to do
        moderation
                .blockers(ref, Actors.require().partnershipId())
                .values()
                .forEach(message -> errors.reject("blocked", message));
        if (errors.hasErrors() || position == null) {
            Forms.invalid(response);
            return page(ref, model, new LinkedHashMap<>(), Map.of());
        }
        try {
            moderation.agree(
                    id,
                    new Decision(
                            position,
                            form.getFeedback(),
                            form.getFollowUp(),
                            improvementIds,
                            form.getExtraAction(),
                            extraDue));
        } catch (Refusal e) {
            errors.reject("refused", e.getMessage());
            Forms.invalid(response);
            return page(ref, model, new LinkedHashMap<>(), Map.of());
        } catch (ConcurrentEditException e) {
            Forms.conflict(
                    errors,
                    "Someone else agreed the final position for this partnership meanwhile;" + " it is shown below.",
                    response);
            return page(ref, model, new LinkedHashMap<>(), Map.of());
        }
        flash.addFlashAttribute("flash", "Final position agreed for " + ref.agencyName());
        return "redirect:/section11/returns/" + id + "/moderation";
    }

    private String page(ReturnRef ref, Model model, Map<String, String> problems, Map<Long, ScoreState> typed) {
        long p = Actors.require().partnershipId();
        TemplateStructure template = moderation.template(ref);
        List<Improvement> improvements = store.improvements(ref.id(), p);
        List<Challenge> challenges = store.challenges(ref.id(), p);
        List<StandardView> views = standardViews(ref, template, typed, improvements, challenges, p);
        List<Option> scale = scaleOptions(template);
        List<Agreement> agreements = moderation.agreements(ref.id());
        Agreement mine = agreements.stream()
                .filter(a -> a.partnershipId() == p)
                .findFirst()
                .orElse(null);
        Map<String, String> codes =
                template.standards().stream().collect(Collectors.toMap(s -> String.valueOf(s.id()), Standard::code));
        model.addAttribute("ref", ref);
        model.addAttribute("template", template);
        model.addAttribute("standards", views);
        model.addAttribute("scaleOptions", scale);
        model.addAttribute("kindOptions", kindOptions());
        model.addAttribute(
                "standardOptions",
                template.standards().stream()
                        .map(s -> Option.of(s.id(), s.code() + " " + s.title()))
                        .toList());
        model.addAttribute("standardCodes", codes);
        model.addAttribute("challenges", challenges);
        model.addAttribute("improvementOptions", improvementOptions(improvements, codes));
        model.addAttribute(
                "tracked",
                improvements.stream().filter(i -> i.learningActionId() != null).toList());
        model.addAttribute(
                "positionOptions",
                java.util.Arrays.stream(FinalPosition.values())
                        .map(f -> Option.of(f.name(), f.label()))
                        .toList());
        model.addAttribute("agreements", agreements);
        model.addAttribute("mine", mine);
        model.addAttribute(
                "others",
                agreements.stream().filter(a -> a.partnershipId() != p).toList());
        model.addAttribute("blockers", mine == null ? moderation.blockers(ref, p) : Map.of());
        model.addAttribute("assigned", store.assignmentsOf(ref.id(), p));
        model.addAttribute("partnershipName", Actors.require().partnershipName());
        model.addAttribute("problems", problems);
        if (!model.containsAttribute("challengeForm")) {
            model.addAttribute("challengeForm", new ChallengeForm());
        }
        if (!model.containsAttribute("finalForm")) {
            model.addAttribute("finalForm", new FinalForm());
        }
        return "section11/moderation/moderate";
    }

    /** Each standard of the template with the agency's response, the moderation so far and the typed score. */
    private List<StandardView> standardViews(
            ReturnRef ref,
            TemplateStructure template,
            Map<Long, ScoreState> typed,
            List<Improvement> improvements,
            List<Challenge> challenges,
            long p) {
        Map<Long, Response> responses =
                store.responses(ref.id()).stream().collect(Collectors.toMap(Response::standardId, r -> r));
        Map<Long, Map<Long, String>> answers = new HashMap<>();
        store.answers(ref.id())
                .forEach(a -> answers.computeIfAbsent(a.standardId(), k -> new HashMap<>())
                        .put(a.questionId(), a.value()));
        Map<Long, List<DocumentSummary>> docs = documents.list(
                RESPONSE_DOCUMENTS,
                responses.values().stream().map(Response::id).toList());
        Map<Long, ModeratedScore> moderated = store.moderatedScores(ref.id(), p).stream()
                .collect(Collectors.toMap(ModeratedScore::standardId, m -> m));
        List<StandardView> views = new ArrayList<>();
        for (TemplateStructure.Section section : template.sections()) {
            for (Standard s : section.standards()) {
                Response r = responses.get(s.id());
                ModeratedScore m = moderated.get(s.id());
                ScoreState state = typed.getOrDefault(
                        s.id(),
                        m == null
                                ? new ScoreState("", "", "", 0)
                                : new ScoreState(
                                        m.choice(),
                                        m.note(),
                                        m.kind() == null ? "" : m.kind().name(),
                                        m.version()));
                Map<Long, String> given = answers.getOrDefault(s.id(), Map.of());
                views.add(new StandardView(
                        s,
                        section.title(),
                        r == null ? "Not scored" : r.notApplicable() ? "Not applicable" : template.label(r.selfScore()),
                        r == null ? "" : r.evidence(),
                        s.questions().stream()
                                .map(q -> new QuestionAnswer(q, given.getOrDefault(q.id(), "")))
                                .toList(),
                        r == null ? List.of() : docs.getOrDefault(r.id(), List.of()),
                        improvements.stream()
                                .filter(i -> i.standardId() == s.id())
                                .toList(),
                        m,
                        m == null ? "Not moderated yet" : moderatedLabel(template, m),
                        challenges.stream()
                                .filter(c -> c.standardId() == s.id())
                                .toList(),
                        state));
            }
        }
        return views;
    }

    private static List<Option> scaleOptions(TemplateStructure template) {
        List<Option> scale = new ArrayList<>();
        template.scale().forEach(l -> scale.add(Option.of(l.score(), l.score() + ": " + l.label())));
        if (template.allowNotApplicable()) {
            scale.add(new Option("NA", "Not applicable"));
        }
        return scale;
    }

    /** The improvements not yet tracked as learning actions, labelled with standard, owner and due date. */
    private static List<Option> improvementOptions(List<Improvement> improvements, Map<String, String> codes) {
        return improvements.stream()
                .filter(i -> i.learningActionId() == null)
                .map(i -> Option.of(
                        i.id(),
                        codes.get(String.valueOf(i.standardId())) + ": " + i.text() + " ("
                                + i.ownerName() + ", due "
                                + i.dueOn()
                                        .format(java.time.format.DateTimeFormatter.ofPattern(
                                                "d MMMM yyyy", java.util.Locale.UK))
                                + ")"))
                .toList();
    }

    static List<Option> kindOptions() {
        List<Option> kinds = new ArrayList<>();
        kinds.add(new Option("", "No theme"));
        for (NoteKind k : NoteKind.values()) {
            kinds.add(Option.of(k.name(), k.label()));
        }
        return kinds;
    }

    static String moderatedLabel(TemplateStructure template, ModeratedScore m) {
        return m.notApplicable() ? "Not applicable" : m.score() + ": " + template.label(m.score());
    }
}
