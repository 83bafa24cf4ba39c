package org.safeguardinghub.imports.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.imports.ImportColumn;
import org.safeguardinghub.imports.ImportKind;
import org.safeguardinghub.imports.ImportRow;
import org.safeguardinghub.imports.batches.ImportBatch;
import org.safeguardinghub.imports.batches.ImportBatchRecords;
import org.safeguardinghub.imports.batches.ImportKinds;
import org.safeguardinghub.imports.batches.ImportPipeline;
import org.safeguardinghub.imports.batches.ImportScope;
import org.safeguardinghub.imports.batches.ImportStatus;
import org.safeguardinghub.imports.parsing.FileRejected;
import org.safeguardinghub.platform.export.ExportFormat;
import org.safeguardinghub.platform.export.ExportResponse;
import org.safeguardinghub.platform.export.Table;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: the list of a partnership's imports, choosing what to import, uploading a file, the batch page
 * (progress, validation report, commit) and downloads (templates, and the list as CSV, Excel or PDF). The route
 * needs {@code imports:run}; each kind further needs its own authority, checked here, and a kind the user may not
 * use behaves as if it did not exist.
 */
@Controller
class ImportsController {

    private static final int PREVIEW_ROWS = 10;
    private static final int EXPORT_LIMIT = 50_000;

    private final ImportPipeline pipeline;
    private final ImportBatchRecords batches;
    private final ImportKinds kinds;
    private final AuditTrail audit;

    ImportsController(ImportPipeline pipeline, ImportBatchRecords batches, ImportKinds kinds, AuditTrail audit) {
        this.pipeline = pipeline;
        this.batches = batches;
        this.kinds = kinds;
        this.audit = audit;
    }

    @GetMapping("/imports")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        PageResult<ImportBatch> list = batches.list(scope(), page, PageResult.DEFAULT_SIZE);
        model.addAttribute("batches", list.map(b -> new BatchLine(b, kinds.title(b.kind()))));
        model.addAttribute("canStart", !kinds.usable().isEmpty());
        model.addAttribute("formats", ExportFormat.values());
        return "imports/list";
    }

    /** A batch as listed, with its kind's title. */
    record BatchLine(ImportBatch batch, String kindTitle) {}

    @GetMapping("/imports/new")
    String start(@RequestParam(required = false) @Nullable String kind, Model model) {
        if (kind == null || kind.isBlank()) {
            model.addAttribute("kinds", kinds.usable());
            return "imports/choose";
        }
        ImportKind chosen = kinds.usable(kind).orElseThrow(() -> new NotFoundException("Import type"));
        return uploadView(chosen, List.of(), model);
    }

    @PostMapping("/imports/new")
    String upload(
            @RequestParam String kind,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes flash) {
        ImportKind chosen = kinds.usable(kind).orElseThrow(() -> new NotFoundException("Import type"));
        if (file == null
                || file.isEmpty() && safeName(file.getOriginalFilename()).isEmpty()) {
            return uploadView(chosen, List.of("Select a CSV or Excel file to import"), model);
        }
        String name = safeName(file.getOriginalFilename());
        try {
            long id = pipeline.upload(
                    Actors.require(), chosen, name.isEmpty() ? "upload" : name, file.getSize(), file.getInputStream());
            return "redirect:/imports/" + id;
        } catch (FileRejected e) {
            return uploadView(chosen, e.messages(), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String uploadView(ImportKind kind, List<String> problems, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("problems", problems);
        model.addAttribute("maxSize", megabytes(pipeline.maxFileSize()));
        model.addAttribute("maxRows", String.format(Locale.UK, "%,d", pipeline.maxRows()));
        return "imports/upload";
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        ImportBatch batch = batch(id);
        ImportKind kind = kinds.usable(batch.kind()).orElseThrow(() -> new NotFoundException("Import"));
        model.addAttribute("batch", batch);
        model.addAttribute("kind", kind);
        if (batch.status() == ImportStatus.INVALID || batch.status() == ImportStatus.FAILED) {
            model.addAttribute("problems", batches.problems(id, page, PageResult.DEFAULT_SIZE));
            model.addAttribute("problemsBase", "/imports/" + id + "?");
            model.addAttribute("storedLimit", ImportPipeline.MAX_STORED_PROBLEMS);
        }
        if (batch.status() == ImportStatus.VALID) {
            model.addAttribute("preview", preview(kind, batches.rows(id, 0, PREVIEW_ROWS)));
        }
        return "imports/batch";
    }

    /** The progress panel alone, polled by htmx every second while a file is being checked. */
    @GetMapping("/imports/{id}/progress")
    String progress(
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            HttpServletResponse response) {
        ImportBatch batch = batch(id);
        kinds.usable(batch.kind()).orElseThrow(() -> new NotFoundException("Import"));
        if (htmx == null) {
            return "redirect:/imports/" + id;
        }
        if (!batch.checking() || batch.stalled()) {
            response.setHeader("HX-Refresh", "true"); // checking finished (or stopped): reload to show the outcome
        }
        model.addAttribute("batch", batch);
        return "imports/batch :: progress";
    }

    @PostMapping("/imports/{id}/commit")
    String commit(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        ImportPipeline.CommitResult result = pipeline.commit(scope(), id, version);
        if (result.committed()) {
            flash.addFlashAttribute(
                    "flash",
                    String.format(Locale.UK, "%,d %s imported", result.rows(), result.rows() == 1 ? "row" : "rows"));
        } else {
            flash.addFlashAttribute("commitError", result.message());
        }
        return "redirect:/imports/" + id;
    }

    /** An empty file with just the header row, in the kind's column order. */
    @GetMapping("/imports/template/{kind}.csv")
    void template(@PathVariable String kind, HttpServletResponse response) {
        ImportKind chosen = kinds.usable(kind).orElseThrow(() -> new NotFoundException("Import type"));
        Table table = Table.of(
                chosen.title() + " import template",
                chosen.columns().stream().map(ImportColumn::name).toList(),
                List.of());
        ExportResponse.send(response, ExportFormat.CSV, chosen.id() + "-import-template", table);
    }

    @GetMapping("/imports/export.{format}")
    void export(@PathVariable String format, HttpServletResponse response, HttpServletRequest request) {
        ExportFormat as = ExportFormat.fromExtension(format).orElseThrow(() -> new NotFoundException("Export"));
        List<ImportBatch> all = batches.all(scope(), EXPORT_LIMIT);
        List<List<String>> rows = new ArrayList<>(all.size());
        for (ImportBatch b : all) {
            rows.add(List.of(
                    b.createdLabel(),
                    b.fileName(),
                    kinds.title(b.kind()),
                    b.uploadedByName(),
                    String.valueOf(b.totalRows()),
                    String.valueOf(b.problemCount()),
                    b.status().label(),
                    b.committedLabel()));
        }
        Table table = Table.of(
                "Imports",
                List.of("Uploaded", "File", "Type", "Uploaded by", "Rows", "Problems", "Status", "Imported"),
                rows);
        audit.event(
                AuditAction.EXPORT,
                "import_batch",
                null,
                "Exported the list of imports as " + as.label() + " (" + rows.size() + " rows)");
        ExportResponse.send(response, as, "imports", table);
    }

    private ImportBatch batch(long id) {
        return batches.find(scope(), id).orElseThrow(() -> new NotFoundException("Import"));
    }

    private ImportScope scope() {
        Actor actor = Actors.require();
        return ImportScope.of(actor, kinds.usableIds());
    }

    /** The first rows as they will be imported, one list of values per row in column order. */
    private static Preview preview(ImportKind kind, List<ImportRow> rows) {
        List<String> columns = kind.columns().stream().map(ImportColumn::name).toList();
        List<PreviewRow> lines = rows.stream()
                .map(r -> new PreviewRow(
                        r.number(), columns.stream().map(r::value).toList()))
                .toList();
        return new Preview(columns, lines);
    }

    record Preview(List<String> columns, List<PreviewRow> rows) {}

    record PreviewRow(int number, List<String> values) {}

    /**
     * The uploaded file's own name, for display only: no folders (old browsers send a full path), no control
     * characters, at most 200 characters. The file itself is never stored under this name.
     */
    static String safeName(@Nullable String original) {
        if (original == null) {
            return "";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.floor(mb) ? String.format(Locale.UK, "%.0fMB", mb) : String.format(Locale.UK, "%.1fMB", mb);
    }
}
