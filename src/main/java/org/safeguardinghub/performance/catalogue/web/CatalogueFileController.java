package org.safeguardinghub.performance.catalogue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.imports.UploadRefused;
import org.safeguardinghub.imports.Uploads;
import org.safeguardinghub.performance.catalogue.Catalogue;
import org.safeguardinghub.performance.catalogue.CatalogueAdministration;
import org.safeguardinghub.performance.catalogue.CatalogueFile;
import org.safeguardinghub.performance.catalogue.CatalogueFiles;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.compute.IndicatorCalculator;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Forms;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Export and import of the partnership's catalogue in the catalogue file format (YAML). An import is read strictly
 * (UTF-8, at most 2 MB, for this partnership), applied as a whole, audited, and history is recomputed. Only the
 * business team may export or import (route rules).
 */
@Controller
@RequestMapping("/performance/catalogue")
class CatalogueFileController {

    private final Catalogue catalogue;
    private final CatalogueAdministration administration;
    private final IndicatorCalculator calculator;
    private final AuditTrail audit;

    CatalogueFileController(
            Catalogue catalogue,
            CatalogueAdministration administration,
            IndicatorCalculator calculator,
            AuditTrail audit) {
        this.catalogue = catalogue;
        this.administration = administration;
        this.calculator = calculator;
        this.audit = audit;
    }

    @GetMapping("/export.yaml")
    ResponseEntity<byte[]> export() {
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        String shortName = actor.partnershipName();
        int version = Math.max(1, administration.loadedFileVersion(p));
        CatalogueFile file = administration.export(
                p,
                shortName,
                version,
                "Catalogue of " + shortName + " exported from the Safeguarding Partnership Hub on " + LocalDate.now());
        String text = CatalogueFiles.write(
                file,
                "Catalogue of " + shortName + ", exported " + LocalDate.now()
                        + ".\nFormat: see src/main/resources/performance/catalogue/kent.yml. Raise version before loading.");
        audit.event(AuditAction.EXPORT, "indicator_catalogue", p, "Catalogue exported as YAML");
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"catalogue-" + shortName.replaceAll("[^A-Za-z0-9_-]", "") + ".yaml\"")
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/import")
    String importForm(Model model) {
        model.addAttribute("problems", List.of());
        return "performance/catalogue/import";
    }

    @PostMapping("/import")
    String importFile(
            @RequestParam(name = "file", required = false) MultipartFile upload,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash)
            throws IOException {
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        List<String> problems = new ArrayList<>();
        CatalogueFile file = null;
        if (upload == null || upload.isEmpty()) {
            problems.add("Select a catalogue file (YAML) to upload");
        } else if (upload.getSize() > 2_000_000) {
            problems.add("The file must be smaller than 2 MB");
        } else {
            String text = null;
            try {
                // strict UTF-8 through the imports module's reader: never replacement characters
                text = Uploads.text("YAML", upload.getBytes());
            } catch (UploadRefused e) {
                problems.addAll(e.messages());
            }
            if (text != null) {
                Set<String> existing =
                        catalogue.items(p).stream().map(DataItem::code).collect(Collectors.toSet());
                CatalogueFiles.Parsed parsed = CatalogueFiles.parse(text, existing);
                problems.addAll(parsed.problems());
                file = parsed.file();
                if (file != null && !file.partnership().equalsIgnoreCase(actor.partnershipName())) {
                    problems.add(
                            "partnership: the file is for " + file.partnership() + ", not " + actor.partnershipName());
                }
            }
        }
        if (!problems.isEmpty() || file == null) {
            model.addAttribute("problems", problems);
            Forms.invalid(response);
            return "performance/catalogue/import";
        }
        CatalogueAdministration.FileResult result = administration.applyFile(p, file, actor.displayName());
        audit.event(AuditAction.IMPORT_COMMITTED, "indicator_catalogue", p, "Catalogue file imported: " + result);
        calculator.recomputeAll(p);
        flash.addFlashAttribute(
                "flash",
                "Catalogue imported: " + result.itemsAdded() + " items added, "
                        + result.itemsChanged() + " changed, " + result.rulesSaved() + " rules saved, "
                        + result.indicatorsAdded() + " indicators added, " + result.versionsAdded() + " new versions");
        return "redirect:/performance/catalogue";
    }
}
