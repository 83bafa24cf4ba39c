package org.safeguardinghub.learning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.learning.LearningAccess;
import org.safeguardinghub.learning.tracker.ThemeAdministration;
import org.safeguardinghub.learning.tracker.ThemeRecord;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The learning-theme taxonomy: list (active and retired), add, rename or describe, retire and restore. */
@Controller
class ThemeController {

    private static final String FORM = "form";

    private final ThemeAdministration themes;

    ThemeController(ThemeAdministration themes) {
        this.themes = themes;
    }

    @GetMapping("/learning/themes")
    String list(Model model) {
        model.addAttribute("themes", themes.all());
        model.addAttribute("canManage", Pages.can(LearningAccess.LEARNING_MANAGE));
        return "learning/themes";
    }

    @GetMapping("/learning/themes/new")
    String createForm(Model model) {
        model.addAttribute(FORM, new ThemeForm());
        return formView(model, null);
    }

    @PostMapping("/learning/themes/new")
    String create(
            @Valid @ModelAttribute(FORM) ThemeForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        checkName(form, errors, null);
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return formView(model, null);
        }
        try {
            themes.add(form.getName(), form.getDescription());
        } catch (DuplicateKeyException e) {
            errors.rejectValue("name", "taken", taken(form));
            Forms.invalid(response);
            return formView(model, null);
        }
        flash.addFlashAttribute("flash", "Theme " + form.getName().trim() + " added");
        return "redirect:/learning/themes";
    }

    @GetMapping("/learning/themes/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ThemeRecord theme = find(id);
        model.addAttribute(FORM, ThemeForm.of(theme));
        return formView(model, theme);
    }

    @PostMapping("/learning/themes/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) ThemeForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ThemeRecord theme = find(id);
        checkName(form, errors, id);
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return formView(model, theme);
        }
        try {
            themes.describe(id, form.getVersion(), form.getName(), form.getDescription());
        } catch (ConcurrentEditException e) {
            ThemeRecord current = find(id);
            Forms.conflict(model, FORM, ThemeForm.of(current), e.getMessage(), response);
            return formView(model, current);
        } catch (DuplicateKeyException e) {
            errors.rejectValue("name", "taken", taken(form));
            Forms.invalid(response);
            return formView(model, theme);
        }
        flash.addFlashAttribute("flash", "Theme " + form.getName().trim() + " updated");
        return "redirect:/learning/themes";
    }

    @PostMapping("/learning/themes/{id}/retire")
    String retire(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return setActive(id, version, false, flash);
    }

    @PostMapping("/learning/themes/{id}/restore")
    String restore(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return setActive(id, version, true, flash);
    }

    private String setActive(long id, int version, boolean active, RedirectAttributes flash) {
        ThemeRecord theme = find(id);
        try {
            themes.setActive(id, version, active);
            flash.addFlashAttribute("flash", "Theme " + theme.name() + (active ? " restored" : " retired"));
        } catch (ConcurrentEditException e) {
            flash.addFlashAttribute("conflict", e.getMessage());
        }
        return "redirect:/learning/themes";
    }

    private void checkName(ThemeForm form, BindingResult errors, @Nullable Long exceptId) {
        if (!errors.hasFieldErrors("name") && themes.nameTaken(form.getName(), exceptId)) {
            errors.rejectValue("name", "taken", taken(form));
        }
    }

    private static String taken(ThemeForm form) {
        return "There is already a theme called " + form.getName().trim() + " (it may be retired)";
    }

    private ThemeRecord find(long id) {
        return themes.find(id).orElseThrow(() -> new NotFoundException("Theme"));
    }

    private String formView(Model model, @Nullable ThemeRecord theme) {
        model.addAttribute("theme", theme);
        model.addAttribute("title", theme == null ? "Add a learning theme" : "Change " + theme.name());
        return "learning/theme-form";
    }
}
