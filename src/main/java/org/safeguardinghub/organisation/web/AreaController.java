package org.safeguardinghub.organisation.web;

import static org.safeguardinghub.organisation.web.FormPages.FORM;

import jakarta.validation.Valid;
import java.util.function.BiConsumer;
import org.safeguardinghub.organisation.districts.Area;
import org.safeguardinghub.organisation.districts.AreaRecords;
import org.safeguardinghub.organisation.districts.DistrictAdministration;
import org.safeguardinghub.organisation.districts.DistrictRecords;
import org.safeguardinghub.platform.web.FormReply;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.PageResult;
import org.safeguardinghub.platform.web.RecordPages;
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

    private final AreaRecords areas;
    private final DistrictRecords districts;
    private final DistrictAdministration administration;
    private final RecordPages<Area, AreaForm> pages;

    AreaController(AreaRecords areas, DistrictRecords districts, DistrictAdministration administration) {
        this.areas = areas;
        this.districts = districts;
        this.administration = administration;
        BiConsumer<AreaForm, BindingResult> taken = RecordPages.taken("name", AreaController::taken);
        this.pages = new RecordPages<>("Area", "/areas", this::find, AreaForm::of, this::formView, taken);
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
        pages.listFilters(model, text, archived);
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
        return pages.newForm(model, new AreaForm());
    }

    @PostMapping("/areas/new")
    String create(@Valid @ModelAttribute(FORM) AreaForm form, BindingResult errors, FormReply reply) {
        long partnership = FormPages.partnership();
        checkName(form, errors, partnership, null);
        return pages.create(form, errors, reply, () -> administration.createArea(partnership, form.getName()));
    }

    @GetMapping("/areas/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return pages.editForm(id, model);
    }

    @PostMapping("/areas/{id}/edit")
    String update(
            @PathVariable long id, @Valid @ModelAttribute(FORM) AreaForm form, BindingResult errors, FormReply reply) {
        long partnership = FormPages.partnership();
        checkName(form, errors, partnership, id);
        Runnable save = () -> administration.renameArea(partnership, id, form.getVersion(), form.getName());
        return pages.update(id, form, errors, reply, save);
    }

    @PostMapping("/areas/{id}/{to:archive|restore}")
    String archive(
            @PathVariable long id, @PathVariable String to, @RequestParam int version, RedirectAttributes flash) {
        return pages.archive(
                id, to, flash, archive -> administration.archiveArea(FormPages.partnership(), id, version, archive));
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

    private String formView(Model model, Area area, AreaForm form) {
        model.addAttribute("area", area);
        model.addAttribute("title", area == null ? "Add an area" : "Rename " + area.name());
        return "organisation/area-form";
    }
}
