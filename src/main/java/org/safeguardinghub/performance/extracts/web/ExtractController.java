package org.safeguardinghub.performance.extracts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.extracts.ExtractLayout;
import org.safeguardinghub.performance.extracts.ExtractLoads;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Record-level extracts: the agency's loads, newest first; loading a file (an agency lead for their own agency, the
 * business team for the agency it chooses); and each load's report with its problems by line and column.
 */
@Controller
class ExtractController {

    private final ExtractLoads loads;
    private final Organisation organisation;

    ExtractController(ExtractLoads loads, Organisation organisation) {
        this.loads = loads;
        this.organisation = organisation;
    }

    @GetMapping("/performance/extracts")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = Actors.require();
        model.addAttribute("loads", loads.loads(actor, page, PageResult.DEFAULT_SIZE));
        model.addAttribute("base", "/performance/extracts?");
        return "performance/extracts/loads";
    }

    @GetMapping("/performance/extracts/new")
    String form(Model model) {
        return form(model, Actors.require(), null, null, Map.of());
    }

    @PostMapping("/performance/extracts/new")
    String upload(
            @RequestParam(required = false) @Nullable String layout,
            @RequestParam(required = false) @Nullable Long agency,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response) {
        Actor actor = Actors.require();
        Map<String, String> problems = new LinkedHashMap<>();
        ExtractLayout chosen =
                layout == null ? null : ExtractLayout.byCode(layout).orElse(null);
        if (chosen == null) {
            problems.put("layout", "Select the kind of extract");
        }
        Long agencyId = agency(actor, agency);
        if (agencyId == null) {
            problems.put("agency", "Select the agency the extract is from");
        }
        if (file == null || file.isEmpty()) {
            problems.put("file", "Select a CSV file");
        } else if (file.getOriginalFilename() != null
                && !file.getOriginalFilename()
                        .toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".csv")) {
            problems.put("file", "The file must be a CSV file (.csv)");
        }
        if (!problems.isEmpty() || chosen == null || agencyId == null || file == null) {
            Forms.invalid(response);
            return form(model, actor, layout, agency, problems);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("extract-", ".csv");
            file.transferTo(temp);
            String name = file.getOriginalFilename() == null
                    ? "extract.csv"
                    : Path.of(file.getOriginalFilename()).getFileName().toString();
            long id = loads.load(actor, agencyId, chosen, name, temp);
            return "redirect:/performance/extracts/" + id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary folder is cleared by the system in any case
                }
            }
        }
    }

    @GetMapping("/performance/extracts/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = Actors.require();
        ExtractLoads.LoadRow load = loads.load(actor, id);
        model.addAttribute("load", load);
        model.addAttribute("layout", ExtractLayout.byCode(load.layout()).orElse(null));
        model.addAttribute("problems", loads.problems(load, page, 100));
        model.addAttribute("earlier", loads.loadedBefore(load).orElse(null));
        model.addAttribute("base", "/performance/extracts/" + id + "?");
        return "performance/extracts/load";
    }

    private String form(
            Model model, Actor actor, @Nullable String layout, @Nullable Long agency, Map<String, String> problems) {
        model.addAttribute("layouts", ExtractLayout.ALL);
        model.addAttribute("layout", layout == null ? "" : layout);
        model.addAttribute("agency", agency == null ? "" : String.valueOf(agency));
        model.addAttribute("agencyOptions", agencyOptions(actor));
        model.addAttribute(
                "ownAgency",
                actor.seesAllAgencies() || actor.agencyId() == null
                        ? null
                        : organisation
                                .agency(actor.agencyId())
                                .map(a -> a.name())
                                .orElse(null));
        model.addAttribute("problems", problems);
        return "performance/extracts/new";
    }

    /** The agency to load for: an agency lead's own; the business team's choice, from the partnership's agencies. */
    private @Nullable Long agency(Actor actor, @Nullable Long requested) {
        if (!actor.seesAllAgencies()) {
            Long own = actor.agencyId();
            if (own == null || (requested != null && !requested.equals(own))) {
                throw new NotFoundException("Agency");
            }
            return own;
        }
        if (requested == null) {
            return null;
        }
        return organisation.agenciesOf(actor.partnershipId()).stream()
                .filter(a -> a.id() == requested)
                .findFirst()
                .map(a -> a.id())
                .orElseThrow(() -> new NotFoundException("Agency"));
    }

    private List<Option> agencyOptions(Actor actor) {
        if (!actor.seesAllAgencies()) {
            return List.of();
        }
        return organisation.agenciesOf(actor.partnershipId()).stream()
                .filter(a -> !a.archived())
                .map(a -> Option.of(a.id(), a.name()))
                .toList();
    }
}
