package org.safeguardinghub.tasks.web;

import java.time.Clock;
import java.time.LocalDate;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.tasks.HomeTasks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The home page: what needs the signed-in person's attention. */
@Controller
class HomeController {

    private final HomeTasks tasks;
    private final Clock clock;

    HomeController(HomeTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = Actors.require();
        model.addAttribute("tasks", tasks.forActor(actor, LocalDate.now(clock)));
        return "tasks/home";
    }

    @PostMapping("/tasks/{id}/done")
    String done(@PathVariable long id, RedirectAttributes flash) {
        if (tasks.complete(Actors.require(), id)) {
            flash.addFlashAttribute("flash", "Task marked as done");
        }
        return "redirect:/";
    }
}
