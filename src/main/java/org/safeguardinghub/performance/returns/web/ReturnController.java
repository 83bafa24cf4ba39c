package org.safeguardinghub.performance.returns.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.PerformanceAccess;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.compute.IndicatorPreview;
import org.safeguardinghub.performance.returns.CellProblem;
import org.safeguardinghub.performance.returns.Channel;
import org.safeguardinghub.performance.returns.DataReturn;
import org.safeguardinghub.performance.returns.DataReturns;
import org.safeguardinghub.performance.returns.DataReturns.Mode;
import org.safeguardinghub.performance.returns.DataReturns.Outcome;
import org.safeguardinghub.performance.returns.ReturnChecks;
import org.safeguardinghub.performance.returns.ReturnChecks.CellKey;
import org.safeguardinghub.performance.returns.ReturnFigures;
import org.safeguardinghub.performance.returns.ReturnPageViews;
import org.safeguardinghub.performance.returns.ReturnRecords;
import org.safeguardinghub.performance.returns.ReturnRecords.ValueRow;
import org.safeguardinghub.performance.returns.ReturnRow;
import org.safeguardinghub.performance.returns.ReturnStatus;
import org.safeguardinghub.performance.returns.ReturnTemplate;
import org.safeguardinghub.performance.returns.ReturnTemplate.Line;
import org.safeguardinghub.performance.returns.ReturnTemplate.UploadProblem;
import org.safeguardinghub.performance.returns.SaveResult;
import org.safeguardinghub.performance.returns.ValueEntry;
import org.safeguardinghub.platform.export.ExportFormat;
import org.safeguardinghub.platform.export.ExportResponse;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.platform.web.PageResult;
import org.safeguardinghub.platform.web.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Data returns: the list, a return's form, its template download and upload, and the review workflow. */
@Controller
class ReturnController {

    private static final String VALUE = ReturnPageViews.VALUE;
    private static final String COMMENT = ReturnPageViews.COMMENT;
    private static final String COMMENTARY = "commentary|";

    private final DataReturns returns;
    private final ReturnRecords store;
    private final Organisation organisation;
    private final Clock clock;

    ReturnController(DataReturns returns, ReturnRecords store, Organisation organisation, Clock clock) {
        this.returns = returns;
        this.store = store;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** A list row. */
    record ListRow(ReturnRow ret, String agencyName, String periodLabel, boolean overdue) {}

    @GetMapping("/returns")
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Long agency,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Actor actor = Actors.require();
        long partnership = actor.partnershipId();
        Long agencyFilter = actor.seesAllAgencies() ? agency : actor.agencyId();
        ReturnStatus statusFilter = parseStatus(status);
        LocalDate periodFilter = parseDate(period);
        Map<Long, String> agencyNames = new HashMap<>();
        List<AgencySummary> agencies = organisation.agenciesOf(partnership);
        agencies.forEach(a -> agencyNames.put(a.id(), a.name()));
        LocalDate today = LocalDate.now(clock);
        PageResult<ListRow> rows = store.search(
                        partnership, agencyFilter, statusFilter, periodFilter, page, PageResult.DEFAULT_SIZE)
                .map(r -> new ListRow(
                        r,
                        agencyNames.getOrDefault(r.agencyId(), "Agency"),
                        r.period().label(),
                        r.overdue(today)));
        model.addAttribute("title", "Data returns");
        model.addAttribute("rows", rows);
        model.addAttribute("counts", store.counts(partnership, agencyFilter, today));
        model.addAttribute("seesAll", actor.seesAllAgencies());
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("agency", agencyFilter == null || !actor.seesAllAgencies() ? "" : agencyFilter.toString());
        model.addAttribute("period", periodFilter == null ? "" : periodFilter.toString());
        List<Option> statusOptions = new ArrayList<>();
        for (ReturnStatus s : ReturnStatus.values()) {
            statusOptions.add(Option.of(s.name(), s.label()));
        }
        model.addAttribute("statusOptions", statusOptions);
        model.addAttribute(
                "agencyOptions",
                agencies.stream().map(a -> Option.of(a.id(), a.name())).toList());
        model.addAttribute(
                "periodOptions",
                store.periodEnds(partnership).stream()
                        .map(d -> Option.of(
                                d.toString(),
                                "Ending "
                                        + DataReturn.date(d.atStartOfDay(java.time.ZoneId.of("Europe/London"))
                                                .toInstant())))
                        .toList());
        StringBuilder base = new StringBuilder("/returns?");
        if (statusFilter != null) {
            base.append("status=").append(statusFilter.name()).append('&');
        }
        if (agencyFilter != null && actor.seesAllAgencies()) {
            base.append("agency=").append(agencyFilter).append('&');
        }
        if (periodFilter != null) {
            base.append("period=").append(periodFilter).append('&');
        }
        model.addAttribute("base", base.toString());
        return "performance/returns/returns";
    }

    @GetMapping("/returns/{id}")
    String show(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        ReturnRow ret = returns.find(actor, id);
        return page(model, actor, ret, null, List.of(), List.of(), Map.of(), List.of());
    }

    @PostMapping("/returns/{id}")
    String saveDraft(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "draft") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        return saveForm(id, version, "check".equals(action) ? Mode.CHECK : Mode.DRAFT, request, response, model, flash);
    }

    @PostMapping("/returns/{id}/submit")
    String submit(
            @PathVariable long id,
            @RequestParam int version,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        return saveForm(id, version, Mode.SUBMIT, request, response, model, flash);
    }

    private String saveForm(
            long id,
            int version,
            Mode mode,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        ReturnRow ret = returns.find(actor, id);
        List<ValueEntry> entries = new ArrayList<>();
        Map<String, String> commentary = new LinkedHashMap<>();
        Map<String, String[]> params = request.getParameterMap();
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            String name = p.getKey();
            String v = p.getValue().length == 0 ? "" : p.getValue()[0];
            if (name.startsWith(VALUE)) {
                CellKey key = key(name.substring(VALUE.length()));
                String[] comment = params.get(COMMENT + name.substring(VALUE.length()));
                entries.add(new ValueEntry(
                        key.itemCode(),
                        key.kind(),
                        key.value(),
                        v,
                        comment == null || comment.length == 0 ? "" : comment[0]));
            } else if (name.startsWith(COMMENTARY)) {
                commentary.put(name.substring(COMMENTARY.length()), v);
            }
        }
        Outcome outcome;
        try {
            outcome = returns.save(actor, id, version, entries, commentary, Channel.FORM, mode);
        } catch (ConcurrentEditException e) {
            response.setStatus(Forms.status(refusal(e)));
            model.addAttribute("conflict", e.getMessage());
            return page(model, actor, returns.find(actor, id), null, List.of(), List.of(), Map.of(), List.of());
        }
        SaveResult result = outcome.result();
        if (!result.problems().isEmpty() || mode == Mode.CHECK && !outcome.red().isEmpty()) {
            if (!result.problems().isEmpty()) {
                Forms.invalid(response);
            }
            if (result.problems().isEmpty()) {
                model.addAttribute(
                        "checked",
                        "The figures pass every check. Write commentary on the red indicators" + " before you submit.");
            }
            return page(model, actor, ret, entries, result.problems(), outcome.red(), commentary, List.of());
        }
        if (mode == Mode.CHECK) {
            model.addAttribute("checked", "The figures pass every check. Nothing has been saved yet.");
            return page(model, actor, ret, entries, List.of(), List.of(), commentary, List.of());
        }
        flash.addFlashAttribute("flash", mode == Mode.SUBMIT ? "Return submitted to the business team" : "Draft saved");
        return "redirect:/returns/" + id;
    }

    @GetMapping("/returns/{id}/template.csv")
    void templateCsv(@PathVariable long id, HttpServletResponse response) {
        template(id, ExportFormat.CSV, response);
    }

    @GetMapping("/returns/{id}/template.xlsx")
    void templateXlsx(@PathVariable long id, HttpServletResponse response) {
        template(id, ExportFormat.XLSX, response);
    }

    private void template(long id, ExportFormat format, HttpServletResponse response) {
        Actor actor = Actors.require();
        ReturnRow ret = returns.find(actor, id);
        List<DataItem> items = returns.itemsOf(ret);
        Map<Long, String> codes = new HashMap<>();
        items.forEach(i -> codes.put(i.id(), i.code()));
        Map<CellKey, String> values = new HashMap<>();
        Map<CellKey, String> comments = new HashMap<>();
        for (ValueRow v : store.values(ret.partnershipId(), ret.agencyId(), codes.keySet(), ret.periodEnd())) {
            CellKey key = new CellKey(codes.get(v.itemId()), v.kind(), v.breakdownValue());
            values.put(key, ReturnChecks.plain(v.value()));
            if (v.comment() != null) {
                comments.put(key, v.comment());
            }
        }
        String agencyName = returns.agencyName(ret.agencyId());
        ExportResponse.send(
                response,
                format,
                "data-return-" + slug(agencyName) + "-" + ret.periodEnd(),
                ReturnTemplate.table(
                        "Data return", items, returns.breakdownValues(ret.partnershipId()), values, comments));
    }

    @PostMapping("/returns/{id}/upload")
    String upload(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash)
            throws IOException {
        Actor actor = Actors.require();
        ReturnRow ret = returns.find(actor, id);
        List<UploadProblem> problems = new ArrayList<>();
        if (file == null || file.isEmpty()) {
            problems.add(new UploadProblem(0, "", "Select a filled-in template to upload"));
        } else if (file.getSize() > ReturnTemplate.MAX_BYTES) {
            problems.add(new UploadProblem(0, "", "The selected file must be smaller than 2 MB"));
        }
        ReturnTemplate.Parsed parsed = null;
        if (problems.isEmpty()) {
            parsed = ReturnTemplate.read(file.getOriginalFilename(), file.getBytes());
            problems.addAll(parsed.problems());
        }
        if (parsed != null && parsed.lines().isEmpty() && problems.isEmpty()) {
            problems.add(new UploadProblem(0, "", "The selected file has no figures in it"));
        }
        if (parsed != null && !parsed.lines().isEmpty()) {
            // rows that could not be read are reported with every cell problem of the rows that could
            Map<CellKey, Integer> rows = new HashMap<>();
            List<ValueEntry> entries = new ArrayList<>();
            for (Line line : parsed.lines()) {
                ValueEntry e = line.entry();
                rows.put(new CellKey(e.itemCode(), e.breakdownKind(), e.breakdownValue()), line.row());
                entries.add(e);
            }
            Mode mode = problems.isEmpty() ? Mode.DRAFT : Mode.CHECK_DRAFT;
            Outcome outcome;
            try {
                outcome = returns.save(actor, id, ret.version(), entries, Map.of(), Channel.UPLOAD, mode);
            } catch (ConcurrentEditException e) {
                outcome = returns.save(
                        actor, id, returns.find(actor, id).version(), entries, Map.of(), Channel.UPLOAD, mode);
            }
            for (CellProblem p : outcome.result().problems()) {
                Integer row = rows.get(new CellKey(p.itemCode(), p.breakdownKind(), p.breakdownValue()));
                problems.add(new UploadProblem(row == null ? 0 : row, row == null ? "" : p.field(), p.message()));
            }
            if (problems.isEmpty()) {
                flash.addFlashAttribute("flash", "Uploaded " + entries.size() + " rows and saved the draft");
                return "redirect:/returns/" + id;
            }
        }
        problems.sort(java.util.Comparator.comparingInt(UploadProblem::row));
        Forms.invalid(response);
        return page(model, actor, ret, null, List.of(), List.of(), Map.of(), problems);
    }

    @PostMapping("/returns/{id}/send-back")
    String sendBack(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String comment,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        try {
            returns.sendBack(actor, id, version, comment);
        } catch (Refusal | ConcurrentEditException e) {
            response.setStatus(Forms.status(refusal(e)));
            model.addAttribute("reviewError", e.getMessage());
            model.addAttribute("reviewComment", comment);
            return page(model, actor, returns.find(actor, id), null, List.of(), List.of(), Map.of(), List.of());
        }
        flash.addFlashAttribute("flash", "Return sent back to the agency");
        return "redirect:/returns/" + id;
    }

    @PostMapping("/returns/{id}/accept")
    String accept(
            @PathVariable long id,
            @RequestParam int version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        try {
            returns.accept(actor, id, version);
        } catch (Refusal | ConcurrentEditException e) {
            response.setStatus(Forms.status(refusal(e)));
            model.addAttribute("reviewError", e.getMessage());
            return page(model, actor, returns.find(actor, id), null, List.of(), List.of(), Map.of(), List.of());
        }
        flash.addFlashAttribute("flash", "Return accepted and locked");
        return "redirect:/returns/" + id;
    }

    @GetMapping("/returns/{id}/correct")
    String correctForm(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        ReturnRow ret = correctable(actor, id);
        return correctPage(model, actor, ret, null, List.of(), "");
    }

    @PostMapping("/returns/{id}/correct")
    String correct(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        ReturnRow ret = correctable(actor, id);
        List<ValueEntry> entries = new ArrayList<>();
        request.getParameterMap().forEach((name, v) -> {
            if (name.startsWith(VALUE)) {
                CellKey key = key(name.substring(VALUE.length()));
                entries.add(new ValueEntry(key.itemCode(), key.kind(), key.value(), v.length == 0 ? "" : v[0], null));
            }
        });
        List<CellProblem> problems;
        try {
            problems = returns.correct(actor, id, version, entries, reason);
        } catch (ConcurrentEditException e) {
            response.setStatus(Forms.status(refusal(e)));
            model.addAttribute("conflict", e.getMessage());
            return correctPage(model, actor, returns.find(actor, id), null, List.of(), reason);
        } catch (Refusal e) {
            problems = List.of(ReturnFigures.onReturn("return", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            Forms.invalid(response);
            return correctPage(model, actor, ret, entries, problems, reason);
        }
        flash.addFlashAttribute("flash", "Correction saved as revision " + (ret.revision() + 1));
        return "redirect:/returns/" + id;
    }

    private ReturnRow correctable(Actor actor, long id) {
        ReturnRow ret = returns.find(actor, id);
        if (!DataReturn.of(ret).correctableBy(actor)) {
            throw new org.safeguardinghub.platform.web.NotFoundException("Data return");
        }
        return ret;
    }

    private String correctPage(
            Model model,
            Actor actor,
            ReturnRow ret,
            @Nullable List<ValueEntry> typed,
            List<CellProblem> problems,
            String reason) {
        model.addAttribute("reason", reason);
        page(model, actor, ret, typed, problems, List.of(), Map.of(), List.of());
        model.addAttribute("title", "Correct " + model.getAttribute("heading"));
        return "performance/returns/correct";
    }

    /** Builds the return page: the form (with what was typed, on error), the report and the history. */
    private String page(
            Model model,
            Actor actor,
            ReturnRow ret,
            @Nullable List<ValueEntry> typed,
            List<CellProblem> problems,
            List<IndicatorPreview> red,
            Map<String, String> commentary,
            List<UploadProblem> uploadProblems) {
        List<DataItem> items = returns.itemsOf(ret);
        Map<Long, String> codes = new HashMap<>();
        items.forEach(i -> codes.put(i.id(), i.code()));
        Map<CellKey, String> values = new HashMap<>();
        Map<CellKey, String> comments = new HashMap<>();
        for (ValueRow v : store.values(ret.partnershipId(), ret.agencyId(), codes.keySet(), ret.periodEnd())) {
            CellKey key = new CellKey(codes.get(v.itemId()), v.kind(), v.breakdownValue());
            values.put(key, ReturnChecks.plain(v.value()));
            comments.put(key, v.comment() == null ? "" : v.comment());
        }
        if (typed != null) {
            for (ValueEntry e : typed) {
                CellKey key = new CellKey(e.itemCode(), e.breakdownKind(), e.breakdownValue());
                values.put(key, e.rawValue());
                if (e.comment() != null) {
                    comments.put(key, e.comment());
                }
            }
        }
        Period previous = ret.period().previous();
        Map<Long, BigDecimal> previousTotals =
                store.totals(ret.partnershipId(), ret.agencyId(), codes.keySet(), previous.end());
        ReturnPageViews.Form form = ReturnPageViews.form(
                items,
                returns.breakdownValues(ret.partnershipId()),
                new ReturnPageViews.Cells(values, comments, previousTotals),
                problems);
        String agencyName = returns.agencyName(ret.agencyId());
        String heading = DataReturns.possessive(agencyName) + " "
                + ret.frequency().label().toLowerCase(java.util.Locale.ROOT) + " return for "
                + ret.period().label();
        model.addAttribute("title", heading);
        model.addAttribute("heading", heading);
        model.addAttribute("ret", ret);
        model.addAttribute("agencyName", agencyName);
        model.addAttribute("periodLabel", ret.period().label());
        model.addAttribute("previousLabel", previous.label());
        model.addAttribute(
                "dueOn",
                DataReturn.date(ret.dueOn()
                        .atStartOfDay(java.time.ZoneId.of("Europe/London"))
                        .toInstant()));
        model.addAttribute("overdue", ret.overdue(LocalDate.now(clock)));
        model.addAttribute("lockReason", DataReturn.of(ret).lockReason());
        model.addAttribute("editable", ret.status().editable());
        model.addAttribute("items", form.items());
        model.addAttribute("problems", ReturnPageViews.problems(form, problems, uploadProblems));
        model.addAttribute("uploadFailed", !uploadProblems.isEmpty());
        model.addAttribute("red", red);
        model.addAttribute("commentary", commentary);
        model.addAttribute("revisions", ReturnPageViews.revisions(store.revisions(ret.id())));
        model.addAttribute(
                "canReview", actor.can(PerformanceAccess.RETURNS_REVIEW) && ret.status() == ReturnStatus.SUBMITTED);
        model.addAttribute(
                "canCorrect",
                ret.status() == ReturnStatus.ACCEPTED && DataReturn.of(ret).correctableBy(actor));
        model.addAttribute("submittedAt", DataReturn.date(ret.submittedAt()));
        model.addAttribute("returnedAt", DataReturn.date(ret.returnedAt()));
        model.addAttribute("acceptedAt", DataReturn.date(ret.acceptedAt()));
        return "performance/returns/return";
    }

    private static CellKey key(String name) {
        String[] parts = name.split("\\|", -1);
        return new CellKey(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
    }

    private static @Nullable ReturnStatus parseStatus(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ReturnStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable LocalDate parseDate(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String slug(String s) {
        return s.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    static Frequency frequency(ReturnRow ret) {
        return ret.frequency();
    }

    /** A stale version is a conflict (409); any other refusal is invalid input (422). */
    private static Refusal refusal(RuntimeException e) {
        return e instanceof ConcurrentEditException
                ? Refusal.conflict(e.getMessage())
                : Refusal.invalid(e.getMessage());
    }
}
