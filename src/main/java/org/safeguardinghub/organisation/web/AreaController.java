package org.safeguardinghub.organisation.web;

import static org.safeguardinghub.organisation.web.FormPages.FORM;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safeguardinghub.organisation.districts.Area;
import org.safeguardinghub.organisation.districts.Areas;
import org.safeguardinghub.organisation.districts.DistrictAdministration;
import org.safeguardinghub.organisation.districts.Districts;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.PageResult;
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

/**
 * The areas that group a partnership's districts. Every {@code /areas} route needs {@code organisation:manage};
 * others see areas as a column and filter on the districts pages.
 */
@Controller
class AreaController {

    private final Areas areas;
    private final Districts districts;
    private final DistrictAdministration administration;

    AreaController(Areas areas, Districts districts, DistrictAdministration administration) {
        this.areas = areas;
        this.districts = districts;
        this.administration = administration;
    }

    @GetMapping("/areas")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        String text = Forms.text(q);
        model.addAttribute(
                "areas", areas.search(FormPages.partnership(), text, archived, page, PageResult.DEFAULT_SIZE));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("archived", archived);
        model.addAttribute("base", FormPages.base("/areas", "q", text, "archived", archived ? "true" : null));
        return "organisation/areas";
    }

    @GetMapping("/areas/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        Area area = find(id);
        model.addAttribute("area", area);
        model.addAttribute(
                "districts", districts.search(FormPages.partnership(), null, id, true, page, PageResult.DEFAULT_SIZE));
        model.addAttribute("base", "/areas/" + id + "?");
        return "organisation/area";
    }

    @GetMapping("/areas/new")
    String createForm(Model model) {
        model.addAttribute(FORM, new AreaForm());
        return formView(model, null);
    }

    @PostMapping("/areas/new")
    String create(
            @Valid @ModelAttribute(FORM) AreaForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        long partnership = FormPages.partnership();
        checkName(form, errors, partnership, null);
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return formView(model, null);
        }
        try {
            long id = administration.createArea(partnership, form.getName());
            flash.addFlashAttribute("flash", "Area added");
            return "redirect:/areas/" + id;
        } catch (DuplicateKeyException e) {
            errors.rejectValue("name", "taken", taken(form));
            Forms.invalid(response);
            return formView(model, null);
        }
    }

    @GetMapping("/areas/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Area area = find(id);
        model.addAttribute(FORM, AreaForm.of(area));
        return formView(model, area);
    }

    @PostMapping("/areas/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) AreaForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        long partnership = FormPages.partnership();
        Area area = find(id);
        checkName(form, errors, partnership, id);
        if (errors.hasErrors()) {
            Forms.invalid(response);
            return formView(model, area);
        }
        try {
            administration.renameArea(partnership, id, form.getVersion(), form.getName());
            flash.addFlashAttribute("flash", "Area updated");
            return "redirect:/areas/" + id;
        } catch (ConcurrentEditException e) {
            Area current = find(id);
            Forms.conflict(model, FORM, AreaForm.of(current), e.getMessage(), response);
            return formView(model, current);
        } catch (DuplicateKeyException e) {
            errors.rejectValue("name", "taken", taken(form));
            Forms.invalid(response);
            return formView(model, area);
        }
    }

    @PostMapping("/areas/{id}/archive")
    String archive(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return setArchived(id, version, true, flash);
    }

    @PostMapping("/areas/{id}/restore")
    String restore(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        return setArchived(id, version, false, flash);
    }

    private String setArchived(long id, int version, boolean archive, RedirectAttributes flash) {
        find(id);
        return Forms.archiveOrRestore(
                "Area",
                "/areas/" + id,
                archive,
                () -> administration.archiveArea(FormPages.partnership(), id, version, archive),
                flash);
    }

    private Area find(long id) {
        return areas.inPartnership(FormPages.partnership(), id).orElseThrow(() -> new NotFoundException("Area"));
    }

    private void checkName(AreaForm form, BindingResult errors, long partnership, Long exceptId) {
        if (!errors.hasFieldErrors("name") && areas.nameTaken(partnership, form.getName(), exceptId)) {
            errors.rejectValue("name", "taken", taken(form));
        }
    }

    private static String taken(AreaForm form) {
        return "There is already an area called " + form.getName().trim() + " in this partnership (it may be archived)";
    }

    private String formView(Model model, Area area) {
        model.addAttribute("area", area);
        model.addAttribute("title", area == null ? "Add an area" : "Rename " + area.name());
        return "organisation/area-form";
    }
}
