package org.safeguardinghub.performance.earlywarning;

import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The early-warning page: live statistical process control signals and their charts (reports:view). */
@Controller
class EarlyWarningController {

    private final EarlyWarningPage pages;

    EarlyWarningController(EarlyWarningPage pages) {
        this.pages = pages;
    }

    @GetMapping("/performance/early-warning")
    String index(@RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = Actors.require();
        EarlyWarningPage.View view = pages.view(actor.partnershipId(), page);
        model.addAttribute("title", "Early warning");
        model.addAttribute("signals", view.signals());
        model.addAttribute("figures", view.figures());
        return "performance/earlywarning/index";
    }
}
