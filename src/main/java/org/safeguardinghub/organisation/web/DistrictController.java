package org.safeguardinghub.organisation.web;

import static org.safeguardinghub.organisation.web.FormPages.FORM;

import jakarta.validation.Valid;
import java.util.function.BiConsumer;
import org.safeguardinghub.organisation.districts.AreaRecords;
import org.safeguardinghub.organisation.districts.District;
import org.safeguardinghub.organisation.districts.DistrictAdministration;
import org.safeguardinghub.organisation.districts.DistrictAdministration.DistrictDetails;
import org.safeguardinghub.organisation.districts.DistrictRecords;
import org.safeguardinghub.platform.web.FormReply;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
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

/** The districts of the current partnership: list, view, add, change, archive and restore. */
@Controller
class DistrictController {

    private final DistrictRecords districts;
    private final AreaRecords areas;
    private final DistrictAdministration administration;
    private final RecordPages<District, DistrictForm> pages;

    DistrictController(DistrictRecords districts, AreaRecords areas, DistrictAdministration administration) {
        this.districts = districts;
        this.areas = areas;
        this.administration = administration;
        BiConsumer<DistrictForm, BindingResult> taken = RecordPages.taken("name", DistrictController::taken);
        this.pages = new RecordPages<>("District", "/districts", this::find, DistrictForm::of, this::formView, taken);
    }

    @GetMapping("/districts")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long area,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        long partnership = FormPages.partnership();
        String text = Forms.text(q);
        model.addAttribute(
                "districts", districts.search(partnership, text, area, archived, page, PageResult.DEFAULT_SIZE));
        model.addAttribute("area", area == null ? "" : String.valueOf(area));
        model.addAttribute("areaOptions", areaOptions(partnership, area));
        model.addAttribute("canManage", FormPages.canManage());
        pages.listFilters(model, text, archived, "area", area);
        return "organisation/districts";
    }

    @GetMapping("/districts/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("district", find(id));
        model.addAttribute("canManage", FormPages.canManage());
        return "organisation/district";
    }

    @GetMapping("/districts/new")
    String createForm(Model model) {
        return pages.newForm(model, new DistrictForm());
    }

    @PostMapping("/districts/new")
    String create(@Valid @ModelAttribute(FORM) DistrictForm form, BindingResult errors, FormReply reply) {
        long partnership = FormPages.partnership();
        check(form, errors, partnership, null);
        return pages.create(form, errors, reply, () -> administration.createDistrict(partnership, details(form)));
    }

    @GetMapping("/districts/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return pages.editForm(id, model);
    }

    @PostMapping("/districts/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) DistrictForm form,
            BindingResult errors,
            FormReply reply) {
        long partnership = FormPages.partnership();
        check(form, errors, partnership, id);
        Runnable save = () -> administration.updateDistrict(partnership, id, form.getVersion(), details(form));
        return pages.update(id, form, errors, reply, save);
    }

    @PostMapping("/districts/{id}/{to:archive|restore}")
    String archive(
            @PathVariable long id, @PathVariable String to, @RequestParam int version, RedirectAttributes flash) {
        return pages.archive(
                id,
                to,
                flash,
                archive -> administration.archiveDistrict(FormPages.partnership(), id, version, archive));
    }

    private District find(long id) {
        return districts
                .inPartnership(FormPages.partnership(), id)
                .orElseThrow(() -> new NotFoundException("District"));
    }

    private void check(DistrictForm form, BindingResult errors, long partnership, Long exceptId) {
        if (!errors.hasFieldErrors("name") && districts.nameTaken(partnership, form.getName(), exceptId)) {
            errors.rejectValue("name", "taken", taken(form));
        }
        if (form.getAreaId() != null
                && !errors.hasFieldErrors("areaId")
                && areas.inPartnership(partnership, form.getAreaId()).isEmpty()) {
            errors.rejectValue("areaId", "invalid", "Select an area from the list");
        }
    }

    private static String taken(DistrictForm form) {
        return "There is already a district called " + form.getName().trim()
                + " in this partnership (it may be archived)";
    }

    private static DistrictDetails details(DistrictForm form) {
        return new DistrictDetails(form.getName(), form.getAreaId(), form.getFormerNames(), form.getOnsCode());
    }

    private java.util.List<Option> areaOptions(long partnership, Long chosen) {
        return areas.choices(partnership, chosen).stream()
                .map(a -> Option.of(a.id(), a.archived() ? a.name() + " (archived)" : a.name()))
                .toList();
    }

    private String formView(Model model, District district, DistrictForm form) {
        model.addAttribute("district", district);
        model.addAttribute("title", district == null ? "Add a district" : "Change " + district.name());
        model.addAttribute(
                "areaOptions", areaOptions(FormPages.partnership(), district == null ? null : district.areaId()));
        return "organisation/district-form";
    }
}
