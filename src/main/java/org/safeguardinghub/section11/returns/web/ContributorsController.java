package org.safeguardinghub.section11.returns.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.section11.access.ReturnAccess;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.returns.ReturnContributors;
import org.safeguardinghub.section11.returns.ReturnHistory;
import org.safeguardinghub.section11.returns.SelfAssessment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who helps fill in the return (the agency lead invites active colleagues of the same agency) and the return's
 * history, for everyone who can read the return.
 */
@Controller
@RequestMapping("/section11/returns/{id}")
class ContributorsController {

    private final ReturnAccess access;
    private final SelfAssessment returns;
    private final ReturnContributors contributors;
    private final ReturnHistory history;

    ContributorsController(
            ReturnAccess access, SelfAssessment returns, ReturnContributors contributors, ReturnHistory history) {
        this.access = access;
        this.returns = returns;
        this.contributors = contributors;
        this.history = history;
    }

    @GetMapping("/contributors")
    String contributors(@PathVariable long id, Model model) {
        ReturnRef ref = access.readable(id);
        return page(ref, Map.of(), model);
    }

    @PostMapping("/contributors")
    String invite(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String colleague,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        ReturnRef ref = lead(id);
        long userId;
        try {
            userId = Long.parseLong(colleague.strip());
        } catch (NumberFormatException e) {
            Forms.invalid(response);
            return page(ref, Map.of("colleague", "Select a colleague to invite"), model);
        }
        contributors.invite(ref, userId);
        flash.addFlashAttribute("flash", "Colleague invited to help complete the return");
        return "redirect:/section11/returns/" + id + "/contributors";
    }

    @PostMapping("/contributors/{userId}/remove")
    String remove(@PathVariable long id, @PathVariable long userId, RedirectAttributes flash) {
        ReturnRef ref = lead(id);
        contributors.remove(ref, userId);
        flash.addFlashAttribute("flash", "Colleague removed from the return");
        return "redirect:/section11/returns/" + id + "/contributors";
    }

    @GetMapping("/history")
    String history(@PathVariable long id, Model model) {
        ReturnRef ref = access.readable(id);
        model.addAttribute("title", "History – " + SelfAssessmentController.possessiveTitle(ref));
        model.addAttribute("ref", ref);
        // the agency sees every partnership's moderation of its return; in a joint cycle a partnership's business
        // team and panel see only their own partnership's, as each moderates independently
        Actor actor = Actors.require();
        Long onlyPartnership = access.isRespondent(actor, ref) ? null : actor.partnershipId();
        model.addAttribute("entries", history.of(ref, returns.template(ref), onlyPartnership));
        return "section11/returns/history";
    }

    private String page(ReturnRef ref, Map<String, String> problems, Model model) {
        boolean lead = isLead(ref);
        model.addAttribute("title", "Contributors – " + SelfAssessmentController.possessiveTitle(ref));
        model.addAttribute("ref", ref);
        model.addAttribute("contributors", contributors.contributors(ref.id()));
        model.addAttribute("lead", lead);
        model.addAttribute("colleagues", lead ? contributors.invitable(ref) : java.util.List.of());
        model.addAttribute("problems", problems);
        return "section11/returns/contributors";
    }

    /** Only the agency lead of the return's own agency manages contributors; anyone else gets a 404. */
    private ReturnRef lead(long id) {
        ReturnRef ref = access.readable(id);
        if (!isLead(ref)) {
            throw new NotFoundException("Section 11 return");
        }
        return ref;
    }

    private boolean isLead(ReturnRef ref) {
        Actor actor = Actors.require();
        return access.isRespondent(actor, ref) && actor.isIn(Audience.AGENCY_LEAD);
    }
}
