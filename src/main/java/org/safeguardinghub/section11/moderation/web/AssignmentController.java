package org.safeguardinghub.section11.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.section11.moderation.Moderation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The business team assigns each return of a cycle to panel members of its partnership, received returns first.
 * Panel members from the return's own agency are not offered, and are refused if posted anyway.
 */
@Controller
class AssignmentController {

    private final Moderation moderation;

    AssignmentController(Moderation moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/section11/cycles/{id}/assignments")
    String show(@PathVariable long id, Model model) {
        return page(id, model, new LinkedHashMap<>());
    }

    @PostMapping("/section11/cycles/{id}/assignments")
    String assign(
            @PathVariable long id,
            @RequestParam long returnId,
            @RequestParam(required = false) Long userId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (userId == null) {
            moderation.managedCycle(id);
            problems.put("userId-" + returnId, "Choose a panel member to assign");
            Forms.invalid(response);
            return page(id, model, problems);
        }
        try {
            moderation.assign(id, returnId, userId);
        } catch (Refusal e) {
            problems.put(e.field(), e.getMessage());
            Forms.invalid(response);
            return page(id, model, problems);
        }
        flash.addFlashAttribute("flash", "Panel member assigned");
        return "redirect:/section11/cycles/" + id + "/assignments#return-" + returnId;
    }

    @PostMapping("/section11/cycles/{id}/assignments/{assignmentId}/remove")
    String remove(@PathVariable long id, @PathVariable long assignmentId, RedirectAttributes flash) {
        String name = moderation.unassign(id, assignmentId);
        flash.addFlashAttribute("flash", name + " is no longer assigned");
        return "redirect:/section11/cycles/" + id + "/assignments";
    }

    private String page(long cycleId, Model model, Map<String, String> problems) {
        model.addAttribute("cycleId", cycleId);
        model.addAttribute("cycleName", moderation.managedCycle(cycleId));
        model.addAttribute("rows", moderation.assignments(cycleId));
        model.addAttribute("partnershipName", Actors.require().partnershipName());
        model.addAttribute("problems", problems);
        return "section11/moderation/assignments";
    }
}
