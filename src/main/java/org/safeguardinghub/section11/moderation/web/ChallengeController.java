package org.safeguardinghub.section11.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.section11.access.ReturnAccess;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.moderation.Moderation;
import org.safeguardinghub.section11.moderation.ModerationRecords;
import org.safeguardinghub.section11.moderation.ModerationRows.Agreement;
import org.safeguardinghub.section11.moderation.ModerationRows.Challenge;
import org.safeguardinghub.section11.moderation.ModerationRows.ModeratedScore;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.safeguardinghub.section11.templates.TemplateStructure.Standard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's side of moderation: the panel's challenge questions by standard, with a form for the agency's lead
 * (or an invited colleague) to answer each, and, once a partnership has agreed its final position, that
 * partnership's moderated scores, position and feedback. Anyone who may read the return sees the page.
 */
@Controller
class ChallengeController {

    private final Moderation moderation;
    private final ModerationRecords store;
    private final ReturnAccess access;
    private final AuditTrail audit;

    ChallengeController(Moderation moderation, ModerationRecords store, ReturnAccess access, AuditTrail audit) {
        this.moderation = moderation;
        this.store = store;
        this.access = access;
        this.audit = audit;
    }

    record StandardChallenges(Standard standard, List<Challenge> challenges) {}

    record ModeratedRow(Standard standard, String score, String note) {}

    record Outcome(Agreement agreement, List<ModeratedRow> scores) {}

    /** What an answer form holds: what was typed when refused, and its version. */
    record AnswerState(String response, int version) {}

    @GetMapping("/section11/returns/{id}/challenges")
    String show(@PathVariable long id, Model model) {
        ReturnRef ref = access.readable(id);
        audit.readSensitive("s11-return", id);
        return page(ref, model, new LinkedHashMap<>(), Map.of());
    }

    @PostMapping("/section11/returns/{id}/challenges/{challengeId}/response")
    String answer(
            @PathVariable long id,
            @PathVariable long challengeId,
            @RequestParam(defaultValue = "") String response,
            @RequestParam(defaultValue = "0") int version,
            Model model,
            HttpServletResponse http,
            RedirectAttributes flash) {
        ReturnRef ref = access.readable(id);
        if (!moderation.respondent(ref)) {
            throw new NotFoundException("Section 11 return");
        }
        String field = "response-" + challengeId;
        Map<String, String> problems = new LinkedHashMap<>();
        if (response.isBlank()) {
            problems.put(field, "Enter your answer to the panel's challenge");
        } else if (response.length() > ModerationForms.MAX_TEXT) {
            problems.put(field, "Your answer must be 10,000 characters or fewer");
        }
        if (!problems.isEmpty()) {
            Forms.invalid(http);
            return page(ref, model, problems, Map.of(challengeId, new AnswerState(response, version)));
        }
        try {
            moderation.answer(id, challengeId, version, response);
        } catch (ConcurrentEditException e) {
            Challenge now = store.challenge(id, challengeId).orElseThrow();
            problems.put(
                    field,
                    now.answered()
                            ? now.respondedByName() + " answered this challenge after you opened the page; their"
                                    + " answer is shown below. Yours was not saved: \"" + response.trim() + "\""
                            : "This challenge was changed after you opened the page. Check it and answer again.");
            http.setStatus(Forms.status(Refusal.conflict(problems.get(field))));
            return page(ref, model, problems, Map.of(challengeId, new AnswerState(response, now.version())));
        }
        flash.addFlashAttribute("flash", "Your answer was sent to the panel");
        return "redirect:/section11/returns/" + id + "/challenges";
    }

    private String page(ReturnRef ref, Model model, Map<String, String> problems, Map<Long, AnswerState> typed) {
        TemplateStructure template = moderation.template(ref);
        // the agency sees every partnership's challenges and outcomes; in a joint cycle a partnership's business
        // team and panel see only their own partnership's, as each moderates independently
        Actor actor = Actors.require();
        Long onlyPartnership = access.isRespondent(actor, ref) ? null : actor.partnershipId();
        List<Challenge> challenges = store.challenges(ref.id(), onlyPartnership);
        List<StandardChallenges> byStandard = new ArrayList<>();
        for (Standard s : template.standards()) {
            List<Challenge> mine =
                    challenges.stream().filter(c -> c.standardId() == s.id()).toList();
            if (!mine.isEmpty()) {
                byStandard.add(new StandardChallenges(s, mine));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Agreement a : moderation.agreements(ref.id())) {
            if (onlyPartnership != null && a.partnershipId() != onlyPartnership) {
                continue;
            }
            Map<Long, ModeratedScore> scores = store.moderatedScores(ref.id(), a.partnershipId()).stream()
                    .collect(Collectors.toMap(ModeratedScore::standardId, m -> m));
            outcomes.add(new Outcome(
                    a,
                    template.standards().stream()
                            .map(s -> {
                                ModeratedScore m = scores.get(s.id());
                                return new ModeratedRow(
                                        s,
                                        m == null ? "Not moderated" : ModerationController.moderatedLabel(template, m),
                                        m == null ? "" : m.note());
                            })
                            .toList()));
        }
        Map<Long, AnswerState> states = new LinkedHashMap<>();
        challenges.forEach(c -> states.put(c.id(), typed.getOrDefault(c.id(), new AnswerState("", c.version()))));
        model.addAttribute("ref", ref);
        model.addAttribute("byStandard", byStandard);
        model.addAttribute(
                "unanswered", challenges.stream().filter(c -> !c.answered()).count());
        model.addAttribute("states", states);
        model.addAttribute("partnerships", store.partnershipNames(ref.id()));
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("canAnswer", moderation.respondent(ref));
        model.addAttribute("problems", problems);
        return "section11/moderation/challenges";
    }
}
