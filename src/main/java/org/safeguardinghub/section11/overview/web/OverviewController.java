package org.safeguardinghub.section11.overview.web;

import java.time.Clock;
import java.time.LocalDate;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.section11.overview.Section11Overview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Section 11 landing page, {@code /section11}: one page with a section for each thing the person may do. */
@Controller
class OverviewController {

    private final Section11Overview overview;
    private final Clock clock;

    OverviewController(Section11Overview overview, Clock clock) {
        this.overview = overview;
        this.clock = clock;
    }

    @GetMapping("/section11")
    String overview(Model model) {
        model.addAttribute("view", overview.of(Actors.require()));
        model.addAttribute("today", LocalDate.now(clock));
        return "section11/overview";
    }
}
