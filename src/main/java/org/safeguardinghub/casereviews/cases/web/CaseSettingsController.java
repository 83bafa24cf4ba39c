package org.safeguardinghub.casereviews.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.cases.CaseSettings;
import org.safeguardinghub.casereviews.cases.RapidReviewStart;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The business team's case review settings: when the partnership's rapid review clock starts. */
@Controller
class CaseSettingsController {

    private final CaseSettings settings;

    CaseSettingsController(CaseSettings settings) {
        this.settings = settings;
    }

    /** The form as typed. */
    public static class SettingsForm {
        private String rapidReviewStart = "";
        private int version;

        public String getRapidReviewStart() {
            return rapidReviewStart;
        }

        public void setRapidReviewStart(@Nullable String v) {
            rapidReviewStart = v == null ? "" : v.trim();
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int v) {
            version = v;
        }
    }

    @GetMapping("/cases/settings")
    String show(Model model) {
        CaseSettings.Setting current = settings.setting(Actors.require().partnershipId());
        SettingsForm form = new SettingsForm();
        form.setRapidReviewStart(current.rapidReviewStart().name());
        form.setVersion(current.version());
        model.addAttribute("form", form);
        return view(model);
    }

    @PostMapping("/cases/settings")
    String save(
            @ModelAttribute("form") SettingsForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        RapidReviewStart start = Arrays.stream(RapidReviewStart.values())
                .filter(s -> s.name().equals(form.getRapidReviewStart()))
                .findFirst()
                .orElse(null);
        if (start == null) {
            errors.rejectValue("rapidReviewStart", "required", "Select when the rapid review clock starts");
            Forms.invalid(response);
            return view(model);
        }
        try {
            settings.changeRapidReviewStart(actor, start, form.getVersion());
        } catch (ConcurrentEditException e) {
            CaseSettings.Setting current = settings.setting(actor.partnershipId());
            form.setVersion(current.version());
            Forms.conflict(errors, e.getMessage(), response);
            return view(model);
        }
        flash.addFlashAttribute(
                "flash", "Saved: rapid review clocks now count 15 working days from " + start.shortLabel());
        return "redirect:/cases/settings";
    }

    private static String view(Model model) {
        model.addAttribute(
                "startOptions",
                Arrays.stream(RapidReviewStart.values())
                        .map(s -> new Option(s.name(), "From " + s.longLabel()))
                        .toList());
        model.addAttribute("title", "Case review settings");
        return "casereviews/cases/settings";
    }
}
