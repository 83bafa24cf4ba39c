package org.safeguardinghub.organisation.web;

import static org.safeguardinghub.organisation.web.FormPages.FORM;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.organisation.OrganisationAccess;
import org.safeguardinghub.organisation.Sector;
import org.safeguardinghub.organisation.agencies.Agencies;
import org.safeguardinghub.organisation.agencies.Agency;
import org.safeguardinghub.organisation.agencies.AgencyAdministration;
import org.safeguardinghub.organisation.agencies.AgencyAdministration.AgencyDetails;
import org.safeguardinghub.organisation.partnerships.PartnershipRecords;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
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

/**
 * The agencies of the current partnership: list, view, add, change, archive and restore. An agency that does not
 * serve the current partnership is not found. Changes need {@code organisation:manage} (route rules and service).
 */
@Controller
class AgencyController {

    private final Agencies agencies;
    private final AgencyAdministration administration;
    private final PartnershipRecords partnerships;
    private final RecordPages<Agency, AgencyForm> pages;

    AgencyController(Agencies agencies, AgencyAdministration administration, PartnershipRecords partnerships) {
        this.agencies = agencies;
        this.administration = administration;
        this.partnerships = partnerships;
        BiConsumer<AgencyForm, BindingResult> taken =
                RecordPages.taken("name", (AgencyForm f) -> nameTaken(f.getName()));
        this.pages = new RecordPages<>("Agency", "/agencies", this::find, AgencyForm::of, this::formView, taken);
    }

    @GetMapping("/agencies")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        String text = Forms.text(q);
        AgencyType agencyType = Forms.parse(AgencyType.class, type);
        PageResult<Agency> result =
                agencies.search(FormPages.partnership(), text, agencyType, archived, page, PageResult.DEFAULT_SIZE);
        model.addAttribute("agencies", result);
        model.addAttribute("type", agencyType == null ? "" : agencyType.name());
        model.addAttribute("typeOptions", Forms.options(AgencyType.values(), AgencyType::label));
        model.addAttribute("canManage", FormPages.canManage());
        pages.listFilters(model, text, archived, "type", agencyType == null ? null : agencyType.name());
        return "organisation/agencies";
    }

    /** Many agencies at once (e.g. every school in the area) go through the shared import pipeline. */
    @GetMapping("/agencies/import")
    String importAgencies() {
        return "redirect:/imports/new?kind=agencies";
    }

    @GetMapping("/agencies/{id}")
    String show(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        Agency agency = find(id);
        model.addAttribute("agency", agency);
        model.addAttribute("partnerships", partnerships.byIds(agency.partnershipIds()));
        model.addAttribute("canManage", actor.can(OrganisationAccess.ORGANISATION_MANAGE));
        return "organisation/agency";
    }

    @GetMapping("/agencies/new")
    String createForm(Model model) {
        AgencyForm form = new AgencyForm();
        form.getPartnershipIds().add(FormPages.partnership());
        return pages.newForm(model, form);
    }

    @PostMapping("/agencies/new")
    String create(@Valid @ModelAttribute(FORM) AgencyForm form, BindingResult errors, FormReply reply) {
        AgencyDetails details = validate(form, errors, null);
        return pages.create(form, errors, reply, () -> administration.create(details));
    }

    @GetMapping("/agencies/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return pages.editForm(id, model);
    }

    @PostMapping("/agencies/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) AgencyForm form,
            BindingResult errors,
            FormReply reply) {
        AgencyDetails details = validate(form, errors, id);
        Runnable save = () -> administration.update(id, form.getVersion(), details);
        return pages.update(id, form, errors, reply, save);
    }

    @PostMapping("/agencies/{id}/{to:archive|restore}")
    String archive(
            @PathVariable long id, @PathVariable String to, @RequestParam int version, RedirectAttributes flash) {
        return pages.archive(id, to, flash, archive -> administration.archive(id, version, archive));
    }

    private Agency find(long id) {
        return agencies.inPartnership(FormPages.partnership(), id).orElseThrow(() -> new NotFoundException("Agency"));
    }

    /** The form's details when everything is right; otherwise null, with the errors recorded. */
    private AgencyDetails validate(AgencyForm form, BindingResult errors, Long exceptId) {
        AgencyType type = Forms.parse(AgencyType.class, form.getType());
        if (!errors.hasFieldErrors("type") && type == null) {
            errors.rejectValue("type", "invalid", "Select the type of agency");
        }
        Sector sector = Forms.parse(Sector.class, form.getSector());
        if (!errors.hasFieldErrors("sector") && sector == null) {
            errors.rejectValue("sector", "invalid", "Select the agency's sector");
        }
        if (!errors.hasFieldErrors("name") && agencies.nameTaken(form.getName(), exceptId)) {
            errors.rejectValue("name", "taken", nameTaken(form.getName()));
        }
        if (!errors.hasFieldErrors("partnershipIds")) {
            List<Long> chosen = form.getPartnershipIds().stream().distinct().toList();
            if (partnerships.byIds(chosen).size() != chosen.size()) {
                errors.rejectValue("partnershipIds", "invalid", "Select partnerships from the list");
            } else if (!chosen.contains(FormPages.partnership())) {
                errors.rejectValue(
                        "partnershipIds",
                        "current",
                        "Select " + Actors.require().partnershipName()
                                + ": you can only manage agencies that work with your current partnership");
            }
            form.setPartnershipIds(new ArrayList<>(chosen));
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new AgencyDetails(form.getName(), form.getShortName(), type, sector, form.getPartnershipIds());
    }

    private static String nameTaken(String name) {
        return "There is already an agency called " + name.trim()
                + " (it may work with another partnership, or be archived)";
    }

    private String formView(Model model, Agency agency, AgencyForm form) {
        model.addAttribute("agency", agency);
        model.addAttribute("title", agency == null ? "Add an agency" : "Change " + agency.name());
        model.addAttribute(
                "typeOptions",
                Forms.options(
                        AgencyType.values(),
                        t -> t.label() + " (" + t.category().toLowerCase(Locale.ROOT) + ")"));
        model.addAttribute("sectorOptions", Forms.options(Sector.values(), Sector::label));
        List<Long> chosen = agency == null ? List.of() : agency.partnershipIds();
        model.addAttribute(
                "partnershipOptions",
                partnerships.all(true).stream()
                        .filter(p -> !p.archived() || chosen.contains(p.id()))
                        .map(p -> Option.of(p.id(), p.name() + " (" + p.shortName() + ")"))
                        .toList());
        return "organisation/agency-form";
    }
}
