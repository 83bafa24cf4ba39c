package org.safeguardinghub.section11.cycles.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.organisation.PartnershipSummary;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.section11.access.ReturnAccess;
import org.safeguardinghub.section11.cycles.Cycle;
import org.safeguardinghub.section11.cycles.CycleInput;
import org.safeguardinghub.section11.cycles.Cycles;
import org.safeguardinghub.section11.cycles.ExpectedReturn;
import org.safeguardinghub.section11.templates.TemplateLibrary;
import org.safeguardinghub.section11.templates.TemplateLibrary.Summary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The business team's cycle pages: list, set up, change, and the agencies expected to return. The route rules let
 * only {@code section11:manage} in; a cycle that does not run in the person's current partnership is a 404.
 */
@Controller
@RequestMapping("/section11/cycles")
class CycleController {

    private static final String FORM = "form";

    private final Cycles cycles;
    private final ReturnAccess access;
    private final Organisation organisation;
    private final TemplateLibrary templates;
    private final Clock clock;

    CycleController(
            Cycles cycles, ReturnAccess access, Organisation organisation, TemplateLibrary templates, Clock clock) {
        this.cycles = cycles;
        this.access = access;
        this.organisation = organisation;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("cycles", cycles.inPartnership(Actors.require().partnershipId()));
        model.addAttribute("today", LocalDate.now(clock));
        return "section11/cycles/list";
    }

    // ---- set up and change ----

    @GetMapping("/new")
    String newForm(Model model) {
        CycleForm form = new CycleForm();
        form.getPartnershipIds().add(Actors.require().partnershipId());
        model.addAttribute(FORM, form);
        return formView(model, null);
    }

    @PostMapping("/new")
    String create(
            @ModelAttribute(FORM) CycleForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        CycleInput input = read(form, errors, actor, null);
        if (input == null) {
            Forms.invalid(response);
            return formView(model, null);
        }
        long id = cycles.create(actor, input);
        flash.addFlashAttribute("flash", "Cycle set up: now add the agencies expected to return");
        return "redirect:/section11/cycles/" + id;
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Cycle cycle = visible(id);
        model.addAttribute(FORM, CycleForm.of(cycle));
        return formView(model, cycle);
    }

    @PostMapping("/{id}/edit")
    String edit(
            @PathVariable long id,
            @ModelAttribute(FORM) CycleForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Cycle cycle = visible(id);
        Actor actor = Actors.require();
        CycleInput input = read(form, errors, actor, id);
        if (input == null) {
            Forms.invalid(response);
            return formView(model, cycle);
        }
        try {
            cycles.update(actor, id, form.getVersion(), input);
        } catch (ConcurrentEditException e) {
            Cycle current = cycles.get(id);
            Forms.conflict(model, FORM, CycleForm.of(current), e.getMessage(), response);
            return formView(model, current);
        }
        flash.addFlashAttribute("flash", "Cycle changed");
        return "redirect:/section11/cycles/" + id;
    }

    /** The cycle typed on the form, or null with every problem recorded. */
    private @Nullable CycleInput read(CycleForm form, BindingResult errors, Actor actor, @Nullable Long editing) {
        String name = form.getName().strip();
        if (name.isEmpty()) {
            errors.rejectValue("name", "required", "Enter a name for the cycle");
        } else if (name.length() > 200) {
            errors.rejectValue("name", "length", "Name must be 200 characters or fewer");
        }
        // only partnerships this person runs Section 11 in may be added or taken out; another partnership's place
        // in a joint cycle is its own business team's decision, so it is kept as it is
        Set<Long> managed = cycles.managedPartnerships(actor.userId());
        Set<Long> partnerships = new LinkedHashSet<>();
        partnerships.add(actor.partnershipId()); // the current partnership always runs the cycles it sets up
        for (Long p : form.getPartnershipIds()) {
            if (p != null && !managed.contains(p)) {
                errors.rejectValue("partnershipIds", "unknown", "Choose partnerships from the list");
            } else if (p != null) {
                partnerships.add(p);
            }
        }
        if (editing != null) {
            for (Cycle.PartnershipRef p : cycles.get(editing).partnerships()) {
                if (!managed.contains(p.id())) {
                    partnerships.add(p.id());
                } else if (!partnerships.contains(p.id()) && cycles.hasWorkIn(editing, p.id())) {
                    errors.rejectValue(
                            "partnershipIds",
                            "in-use",
                            p.name() + " has assignments, moderation or panel meetings in this cycle, so it cannot"
                                    + " be taken out of it");
                }
            }
        }
        LocalDate opens = form.getOpensOn().read(errors, "opensOn", "Open date", true);
        LocalDate closes = form.getClosesOn().read(errors, "closesOn", "Close date", true);
        LocalDate modFrom = form.getModerationFrom().read(errors, "moderationFrom", "Moderation start date", true);
        LocalDate modTo = form.getModerationTo().read(errors, "moderationTo", "Moderation end date", true);
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.rejectValue("closesOn", "order", "Close date must be the same as or after the open date");
        }
        if (opens != null && modFrom != null && modFrom.isBefore(opens)) {
            errors.rejectValue(
                    "moderationFrom", "order", "Moderation start date must be the same as or after the open date");
        }
        if (modFrom != null && modTo != null && modTo.isBefore(modFrom)) {
            errors.rejectValue(
                    "moderationTo",
                    "order",
                    "Moderation end date must be the same as or after the moderation start date");
        }
        Long previous = null;
        if (!form.getPreviousCycleId().isBlank()) {
            try {
                previous = Long.valueOf(form.getPreviousCycleId().strip());
            } catch (NumberFormatException e) {
                previous = -1L;
            }
            long chosen = previous;
            boolean offered = cycles.previousChoices(actor.partnershipId(), editing).stream()
                    .anyMatch(c -> c.id() == chosen);
            if (!offered) {
                errors.rejectValue("previousCycleId", "unknown", "Choose the previous cycle from the list");
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new CycleInput(name, partnerships, opens, closes, modFrom, modTo, previous);
    }

    private String formView(Model model, @Nullable Cycle cycle) {
        Actor actor = Actors.require();
        model.addAttribute("cycle", cycle);
        model.addAttribute("title", cycle == null ? "Set up a Section 11 cycle" : "Change " + cycle.name());
        model.addAttribute(
                "currentPartnership",
                organisation
                        .partnership(actor.partnershipId())
                        .map(PartnershipSummary::name)
                        .orElse(actor.partnershipName()));
        model.addAttribute(
                "partnershipOptions",
                organisation.activePartnerships().stream()
                        .filter(p -> p.id() != actor.partnershipId())
                        .filter(p -> cycles.managedPartnerships(actor.userId()).contains(p.id()))
                        .map(p -> Option.of(p.id(), p.name() + " (" + p.shortName() + ")"))
                        .toList());
        model.addAttribute(
                "previousOptions",
                cycles.previousChoices(actor.partnershipId(), cycle == null ? null : cycle.id()).stream()
                        .map(c -> Option.of(c.id(), c.name()))
                        .toList());
        return "section11/cycles/form";
    }

    // ---- the cycle and its expected agencies ----

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return showView(model, visible(id));
    }

    private String showView(Model model, Cycle cycle) {
        List<ExpectedReturn> expected = cycles.expected(cycle.id());
        List<AgencySummary> candidates = cycles.candidates(cycle.id());
        List<Summary> library = templates.summaries();
        Map<Long, Summary> byId = library.stream().collect(Collectors.toMap(Summary::id, Function.identity()));
        model.addAttribute("cycle", cycle);
        model.addAttribute("title", cycle.name());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("expected", expected);
        model.addAttribute(
                "candidates",
                candidates.stream()
                        .map(a -> new Candidate(
                                a.id(),
                                a.name(),
                                a.type().label(),
                                templates
                                        .defaultFor(Cycles.variantFor(a.type()))
                                        .map(byId::get)
                                        .map(s -> s.name() + " (version " + s.version() + ")")
                                        .orElse("No template of this variant yet: the core template")))
                        .toList());
        model.addAttribute(
                "templateOptions",
                library.stream()
                        .map(s -> Option.of(s.id(), s.name() + " (version " + s.version() + ")"))
                        .toList());
        return "section11/cycles/show";
    }

    /** An agency that could be expected, with the template its type would answer. */
    record Candidate(long id, String name, String type, String defaultTemplate) {}

    @PostMapping("/{id}/agencies")
    String addAgencies(
            @PathVariable long id,
            @RequestParam(name = "agencyIds", required = false) @Nullable List<Long> agencyIds,
            @RequestParam(name = "all", required = false) @Nullable String all,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Cycle cycle = visible(id);
        List<Long> chosen = all != null
                ? cycles.candidates(id).stream().map(AgencySummary::id).toList()
                : (agencyIds == null ? List.of() : agencyIds);
        if (chosen.isEmpty()) {
            model.addAttribute("addProblem", "Select the agencies expected to return");
            Forms.invalid(response);
            return showView(model, cycle);
        }
        int added = cycles.addAgencies(id, chosen);
        flash.addFlashAttribute(
                "flash",
                added == 1 ? "1 agency is now expected to return" : added + " agencies are now expected to return");
        return "redirect:/section11/cycles/" + id + "#expected";
    }

    @PostMapping("/{id}/agencies/{returnId}/template")
    String changeTemplate(
            @PathVariable long id,
            @PathVariable long returnId,
            @RequestParam(name = "templateId", required = false) @Nullable Long templateId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Cycle cycle = visible(id);
        try {
            if (templateId == null) {
                throw Refusal.conflict("Choose a template from the library.");
            }
            cycles.changeTemplate(id, returnId, templateId);
        } catch (Refusal e) {
            model.addAttribute("rowProblem", e.getMessage());
            response.setStatus(Forms.status(e));
            return showView(model, cycle);
        }
        flash.addFlashAttribute("flash", "Template changed");
        return "redirect:/section11/cycles/" + id + "#expected";
    }

    @PostMapping("/{id}/agencies/{returnId}/remove")
    String remove(
            @PathVariable long id,
            @PathVariable long returnId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Cycle cycle = visible(id);
        String agency;
        try {
            agency = cycles.remove(id, returnId);
        } catch (Refusal e) {
            model.addAttribute("rowProblem", e.getMessage());
            response.setStatus(Forms.status(e));
            return showView(model, cycle);
        }
        flash.addFlashAttribute("flash", agency + " is no longer expected to return");
        return "redirect:/section11/cycles/" + id + "#expected";
    }

    @PostMapping("/{id}/agencies/{returnId}/reopen")
    String reopen(
            @PathVariable long id,
            @PathVariable long returnId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Cycle cycle = visible(id);
        String agency;
        try {
            agency = cycles.reopen(id, returnId);
        } catch (Refusal e) {
            model.addAttribute("rowProblem", e.getMessage());
            response.setStatus(Forms.status(e));
            return showView(model, cycle);
        }
        flash.addFlashAttribute("flash", agency + "'s return is open to the agency again");
        return "redirect:/section11/cycles/" + id + "#expected";
    }

    private Cycle visible(long id) {
        if (!access.cycleVisible(id)) {
            throw new NotFoundException("Section 11 cycle");
        }
        return cycles.get(id);
    }
}
