package org.safeguardinghub.section11.templates.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.imports.UploadRefused;
import org.safeguardinghub.imports.Uploads;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.section11.Section11Access;
import org.safeguardinghub.section11.templates.TemplateLibrary;
import org.safeguardinghub.section11.templates.TemplateLibrary.ImportResult;
import org.safeguardinghub.section11.templates.TemplateLibrary.Outcome;
import org.safeguardinghub.section11.templates.TemplateLibrary.Summary;
import org.safeguardinghub.section11.templates.TemplateReader;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The template library: every version with where it is used, one version in full, export as a file, and import
 * (the route rules let only the business team import). Templates are shared definitions, not agency data, so
 * anyone who works on Section 11 may read them, for example an agency reading a standard's guidance.
 */
@Controller
@RequestMapping("/section11/templates")
class TemplateController {

    private static final long MAX_FILE_BYTES = 1_000_000;

    private final TemplateLibrary library;
    private final TemplateReader reader;
    private final AuditTrail audit;

    TemplateController(TemplateLibrary library, TemplateReader reader, AuditTrail audit) {
        this.library = library;
        this.reader = reader;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        List<Summary> all = library.summaries();
        model.addAttribute("templates", all);
        model.addAttribute("canManage", Actors.require().can(Section11Access.SECTION11_MANAGE));
        return "section11/templates/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        TemplateStructure template = reader.find(id).orElseThrow(() -> new NotFoundException("Section 11 template"));
        Summary summary = library.summaries().stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Section 11 template"));
        model.addAttribute("template", template);
        model.addAttribute("summary", summary);
        return "section11/templates/show";
    }

    @GetMapping("/{id}/export.yaml")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        TemplateStructure template = reader.find(id).orElseThrow(() -> new NotFoundException("Section 11 template"));
        String text = library.export(id).orElseThrow(() -> new NotFoundException("Section 11 template"));
        audit.event(AuditAction.EXPORT, "s11-template", id, "Template exported as YAML");
        String fileName = template.code().replaceAll("[^a-z0-9-]", "") + "-v" + template.version() + ".yml";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/import")
    String importForm(Model model) {
        model.addAttribute("problems", List.of());
        return "section11/templates/import";
    }

    @PostMapping("/import")
    String importFile(
            @RequestParam(name = "file", required = false) MultipartFile upload,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash)
            throws IOException {
        List<String> problems = new ArrayList<>();
        ImportResult result = null;
        if (upload == null || upload.isEmpty()) {
            problems.add("Select a template file (YAML) to upload");
        } else if (upload.getSize() > MAX_FILE_BYTES) {
            problems.add("The file must be smaller than 1 MB");
        } else {
            String name = upload.getOriginalFilename() == null ? "upload" : upload.getOriginalFilename();
            try {
                // strict UTF-8 through the imports module's reader: never replacement characters
                result = library.importFile(name, Uploads.text("YAML", upload.getBytes()));
                problems.addAll(result.problems());
            } catch (UploadRefused e) {
                problems.addAll(e.messages());
            }
        }
        if (result == null || result.outcome() == Outcome.REJECTED) {
            model.addAttribute("problems", problems);
            Forms.invalid(response);
            return "section11/templates/import";
        }
        TemplateStructure t = reader.get(result.templateId());
        flash.addFlashAttribute(
                "flash",
                result.outcome() == Outcome.ADDED
                        ? "Imported " + t.name() + " as version " + t.version()
                        : "The library already holds this template as " + t.name() + " version " + t.version()
                                + ": nothing was added");
        return "redirect:/section11/templates/" + t.id();
    }
}
