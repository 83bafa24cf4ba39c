package org.safeguardinghub.organisation.web;

import static org.safeguardinghub.organisation.web.FormPages.FORM;

import jakarta.validation.Valid;
import java.util.function.BiConsumer;
import org.safeguardinghub.organisation.partnerships.Partnership;
import org.safeguardinghub.organisation.partnerships.PartnershipAdministration;
import org.safeguardinghub.organisation.partnerships.PartnershipAdministration.PartnershipDetails;
import org.safeguardinghub.organisation.partnerships.PartnershipRecords;
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
 * Every partnership hosted here: list, view, add, change, archive and restore. The whole of {@code /partnerships}
 * needs {@code organisation:manage} (administrators and business teams), so no per-partnership scope applies.
 */
@Controller
class PartnershipController {

    private final PartnershipRecords partnerships;
    private final PartnershipAdministration administration;
    private final RecordPages<Partnership, PartnershipForm> pages;

    PartnershipController(PartnershipRecords partnerships, PartnershipAdministration administration) {
        this.partnerships = partnerships;
        this.administration = administration;
        BiConsumer<PartnershipForm, BindingResult> taken =
                RecordPages.taken("shortName", form -> "There is already a partnership with this short name");
        this.pages = new RecordPages<>(
                "Partnership", "/partnerships", this::find, PartnershipForm::of, this::formView, taken);
    }

    @GetMapping("/partnerships")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        String text = Forms.text(q);
        PageResult<Partnership> result = partnerships.search(text, archived, page, PageResult.DEFAULT_SIZE);
        model.addAttribute("partnerships", result);
        pages.listFilters(model, text, archived);
        return "organisation/partnerships";
    }

    @GetMapping("/partnerships/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("partnership", find(id));
        return "organisation/partnership";
    }

    @GetMapping("/partnerships/new")
    String createForm(Model model) {
        return pages.newForm(model, new PartnershipForm());
    }

    @PostMapping("/partnerships/new")
    String create(@Valid @ModelAttribute(FORM) PartnershipForm form, BindingResult errors, FormReply reply) {
        checkNames(form, errors, null);
        return pages.create(form, errors, reply, () -> administration.create(details(form)));
    }

    @GetMapping("/partnerships/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return pages.editForm(id, model);
    }

    @PostMapping("/partnerships/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) PartnershipForm form,
            BindingResult errors,
            FormReply reply) {
        checkNames(form, errors, id);
        Runnable save = () -> administration.update(id, form.getVersion(), details(form));
        return pages.update(id, form, errors, reply, save);
    }

    @PostMapping("/partnerships/{id}/{to:archive|restore}")
    String archive(
            @PathVariable long id, @PathVariable String to, @RequestParam int version, RedirectAttributes flash) {
        return pages.archive(id, to, flash, archive -> administration.archive(id, version, archive));
    }

    private Partnership find(long id) {
        return partnerships.find(id).orElseThrow(() -> new NotFoundException("Partnership"));
    }

    private void checkNames(PartnershipForm form, BindingResult errors, Long exceptId) {
        if (!errors.hasFieldErrors("name") && partnerships.nameTaken(form.getName(), exceptId)) {
            errors.rejectValue(
                    "name",
                    "taken",
                    "There is already a partnership called " + form.getName().trim());
        }
        if (!errors.hasFieldErrors("shortName") && partnerships.shortNameTaken(form.getShortName(), exceptId)) {
            errors.rejectValue(
                    "shortName",
                    "taken",
                    "There is already a partnership with the short name "
                            + form.getShortName().trim());
        }
    }

    private static PartnershipDetails details(PartnershipForm form) {
        return new PartnershipDetails(form.getName(), form.getShortName(), form.getDescription());
    }

    private String formView(Model model, Partnership partnership, PartnershipForm form) {
        model.addAttribute("partnership", partnership);
        model.addAttribute("title", partnership == null ? "Add a partnership" : "Change " + partnership.name());
        return "organisation/partnership-form";
    }
}
