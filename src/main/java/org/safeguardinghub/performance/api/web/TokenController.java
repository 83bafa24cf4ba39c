package org.safeguardinghub.performance.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.api.ApiTokens;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API tokens of an agency: the agency lead manages their own agency's; the business team chooses an agency. A new
 * token is shown once, on the page that answers its creation, and never again.
 */
@Controller
class TokenController {

    private final ApiTokens tokens;
    private final Organisation organisation;

    TokenController(ApiTokens tokens, Organisation organisation) {
        this.tokens = tokens;
        this.organisation = organisation;
    }

    @GetMapping("/returns/tokens")
    String list(@RequestParam(required = false) @Nullable Long agency, Model model) {
        Actor actor = Actors.require();
        AgencySummary chosen = agency(actor, agency);
        model.addAttribute("agencyOptions", agencyOptions(actor));
        model.addAttribute("agency", chosen);
        model.addAttribute("tokens", chosen == null ? List.of() : tokens.tokensOf(actor.partnershipId(), chosen.id()));
        return "performance/api/tokens";
    }

    @GetMapping("/returns/tokens/new")
    String createForm(@RequestParam(required = false) @Nullable Long agency, Model model) {
        Actor actor = Actors.require();
        return form(model, actor, agency, "", Map.of());
    }

    @PostMapping("/returns/tokens/new")
    String create(
            @RequestParam(required = false) @Nullable Long agency,
            @RequestParam(defaultValue = "") String name,
            Model model,
            HttpServletResponse response) {
        Actor actor = Actors.require();
        AgencySummary chosen = agency(actor, agency);
        Map<String, String> problems = new LinkedHashMap<>();
        if (chosen == null) {
            problems.put("agency", "Select the agency the token is for");
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            problems.put("name", "Enter a name for the token, for example the system that will use it");
        } else if (trimmed.length() > 100) {
            problems.put("name", "The name must be 100 characters or fewer");
        }
        if (!problems.isEmpty() || chosen == null) {
            Forms.invalid(response);
            return form(model, actor, agency, trimmed, problems);
        }
        ApiTokens.CreatedToken created;
        try {
            created = tokens.create(actor, chosen.id(), trimmed);
        } catch (ApiTokens.TooManyTokens e) {
            Forms.invalid(response);
            return form(model, actor, agency, trimmed, Map.of("name", e.getMessage()));
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("created", created);
        model.addAttribute("agency", chosen);
        return "performance/api/token-created";
    }

    @PostMapping("/returns/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        Actor actor = Actors.require();
        try {
            ApiTokens.TokenRow row = tokens.revoke(actor, id);
            flash.addFlashAttribute("flash", "Token " + row.name() + " revoked");
            return "redirect:/returns/tokens?agency=" + row.agencyId();
        } catch (Refusal e) {
            ApiTokens.TokenRow row = tokens.find(actor, id);
            flash.addFlashAttribute("flash", e.getMessage());
            return "redirect:/returns/tokens?agency=" + row.agencyId();
        }
    }

    private String form(Model model, Actor actor, @Nullable Long agency, String name, Map<String, String> problems) {
        model.addAttribute("agency", agency(actor, agency));
        model.addAttribute("agencyOptions", agencyOptions(actor));
        model.addAttribute("name", name);
        model.addAttribute("problems", problems);
        return "performance/api/token-form";
    }

    /** The agency the page is about: the actor's own, or for the business team the one chosen (null: none yet). */
    private @Nullable AgencySummary agency(Actor actor, @Nullable Long requested) {
        if (!actor.seesAllAgencies()) {
            Long own = actor.agencyId();
            if (own == null || (requested != null && !requested.equals(own))) {
                throw new NotFoundException("Agency");
            }
            return organisation.agency(own).orElseThrow(() -> new NotFoundException("Agency"));
        }
        if (requested == null) {
            return null;
        }
        return organisation.agenciesOf(actor.partnershipId()).stream()
                .filter(a -> a.id() == requested)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Agency"));
    }

    private List<Option> agencyOptions(Actor actor) {
        if (!actor.seesAllAgencies()) {
            return List.of();
        }
        return organisation.agenciesOf(actor.partnershipId()).stream()
                .filter(a -> !a.archived())
                .map(a -> Option.of(a.id(), a.name()))
                .toList();
    }
}
