package org.safeguardinghub.section11.returns.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.documents.DocumentRejected;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.DateInput;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.section11.Section11Access;
import org.safeguardinghub.section11.access.ReturnAccess;
import org.safeguardinghub.section11.access.ReturnLockedException;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.returns.ReturnChecks;
import org.safeguardinghub.section11.returns.ReturnViews;
import org.safeguardinghub.section11.returns.ReturnViews.Improvement;
import org.safeguardinghub.section11.returns.ReturnViews.PreviousReturn;
import org.safeguardinghub.section11.returns.ReturnViews.Progress;
import org.safeguardinghub.section11.returns.ReturnViews.ReturnDetails;
import org.safeguardinghub.section11.returns.SelfAssessment;
import org.safeguardinghub.section11.returns.SelfAssessment.Outcome;
import org.safeguardinghub.section11.returns.SelfAssessment.Saved;
import org.safeguardinghub.section11.returns.SelfAssessment.Stale;
import org.safeguardinghub.section11.returns.SelfAssessment.StaleStandards;
import org.safeguardinghub.section11.returns.StandardEntry;
import org.safeguardinghub.section11.returns.StandardResponse;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.safeguardinghub.section11.templates.TemplateStructure.Question;
import org.safeguardinghub.section11.templates.TemplateStructure.Section;
import org.safeguardinghub.section11.templates.TemplateStructure.Standard;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's self-assessment pages: the task list, a section's standards with autosave, documents and improvement
 * actions, check your answers and submission. Every request goes through {@link ReturnAccess}: readers see the
 * return read-only, respondents change it while it is open, anyone else gets a 404.
 */
@Controller
@RequestMapping("/section11/returns/{id}")
class SelfAssessmentController {

    private static final String VIEW = "section11/returns/";

    private final ReturnAccess access;
    private final SelfAssessment returns;
    private final Documents documents;

    SelfAssessmentController(ReturnAccess access, SelfAssessment returns, Documents documents) {
        this.access = access;
        this.returns = returns;
        this.documents = documents;
    }

    /** A section on the task list. */
    record SectionRow(Section section, Progress progress, String href) {}

    /** One standard as the section page shows it. */
    record StandardView(
            Standard standard,
            StandardEntry entry,
            int version,
            String loaded,
            boolean needsReview,
            List<DocumentSummary> documents,
            List<Improvement> improvements,
            @Nullable String conflict,
            Map<String, String> improvementTyped,
            @Nullable String updated) {

        public String score() {
            return entry.score();
        }
    }

    /**
     * A return that is no longer open to the agency: refused by the access check ({@link ReturnLockedException})
     * or by the return itself when a submission landed first (a conflict {@link Refusal}).
     */
    @ExceptionHandler({ReturnLockedException.class, Refusal.class})
    ModelAndView locked(RuntimeException e) {
        ModelAndView mv = new ModelAndView(VIEW + "locked");
        mv.setStatus(HttpStatusCode.valueOf(Forms.status(Refusal.conflict(String.valueOf(e.getMessage())))));
        mv.addObject("title", "This return cannot be changed");
        mv.addObject("reason", e.getMessage());
        return mv;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Task list and starting

    @GetMapping
    String taskList(@PathVariable long id, Model model) {
        ReturnRef ref = access.readable(id);
        ReturnDetails details = returns.details(ref, true);
        TemplateStructure template = returns.template(ref);
        Map<Long, StandardResponse> responses = returns.responses(id);
        Map<Long, Progress> progress = returns.progress(ref, template, responses);
        Actor actor = Actors.require();
        boolean respondent = access.isRespondent(actor, ref);
        boolean editable = respondent && ref.status().editable();
        Optional<PreviousReturn> previous =
                editable && ref.status() == org.safeguardinghub.section11.ReturnStatus.NOT_STARTED
                        ? returns.previous(ref)
                        : Optional.empty();
        List<SectionRow> rows = new ArrayList<>();
        for (Section s : template.sections()) {
            rows.add(new SectionRow(s, progress.get(s.id()), "/section11/returns/" + id + "/sections/" + s.id()));
        }
        boolean allCompleted = progress.values().stream().allMatch(p -> p == Progress.COMPLETED);
        model.addAttribute("title", possessiveTitle(ref));
        model.addAttribute("ret", details);
        model.addAttribute("ref", ref);
        model.addAttribute("sections", rows);
        model.addAttribute("editable", editable);
        model.addAttribute("respondent", respondent);
        model.addAttribute("previous", previous.orElse(null));
        // the choice must be made before any section opens, so carried-forward answers never meet new ones
        model.addAttribute("mustChoose", previous.isPresent());
        model.addAttribute("allCompleted", allCompleted);
        model.addAttribute(
                "completedCount",
                progress.values().stream().filter(p -> p == Progress.COMPLETED).count());
        model.addAttribute("canModerate", actor.can(Section11Access.SECTION11_MANAGE) || access.isAssigned(actor, ref));
        return VIEW + "return";
    }

    @PostMapping("/start")
    String start(@PathVariable long id, @RequestParam(defaultValue = "") String how, RedirectAttributes flash) {
        ReturnRef ref = access.editable(id);
        returns.start(ref, "previous".equals(how));
        flash.addFlashAttribute(
                "flash",
                "previous".equals(how)
                        ? "Your previous answers and documents were copied. Check each one and save it."
                        : "Your return is started");
        return "redirect:/section11/returns/" + id;
    }

    // ---------------------------------------------------------------------------------------------------------
    // A section

    @GetMapping("/sections/{sectionId}")
    String section(@PathVariable long id, @PathVariable long sectionId, Model model) {
        ReturnRef ref = access.readable(id);
        return sectionPage(ref, section(ref, sectionId), Map.of(), Map.of(), Map.of(), null, Map.of(), model);
    }

    @PostMapping("/sections/{sectionId}")
    String saveSection(
            @PathVariable long id,
            @PathVariable long sectionId,
            @RequestParam(defaultValue = "") String completed,
            @RequestParam(defaultValue = "continue") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        ReturnRef ref = access.editable(id);
        TemplateStructure template = returns.template(ref);
        Section section = section(ref, sectionId);
        Map<Long, StandardEntry> entries = new LinkedHashMap<>();
        Map<Long, Integer> versions = new HashMap<>();
        Map<Long, String> loaded = new HashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        boolean later = "later".equals(action);
        if (!later && !completed.equals("yes") && !completed.equals("no")) {
            problems.put("completed", "Select yes if you have completed this section");
        }
        boolean done = "yes".equals(completed);
        for (Standard s : section.standards()) {
            StandardEntry entry = entry(s, request);
            entries.put(s.id(), entry);
            versions.put(s.id(), intParam(request, "version-" + s.id()));
            loaded.put(s.id(), param(request, "loaded-" + s.id()));
            problems.putAll(done ? ReturnChecks.complete(template, s, entry) : ReturnChecks.draft(template, s, entry));
        }
        if (!problems.isEmpty()) {
            Forms.invalid(response);
            return sectionPage(ref, section, entries, versions, loaded, completed, problems, model);
        }
        try {
            returns.saveSection(ref, section, entries, versions, loaded, done);
        } catch (StaleStandards e) {
            response.setStatus(Forms.status(Refusal.conflict(String.valueOf(e.getMessage()))));
            Map<Long, Integer> fresh = new HashMap<>(versions);
            Map<Long, String> freshLoaded = new HashMap<>(loaded);
            e.current().forEach((sid, r) -> {
                fresh.put(sid, r.version());
                freshLoaded.put(sid, StandardEntry.of(r).fingerprint());
            });
            model.addAttribute("conflicts", e.current());
            model.addAttribute(
                    "conflictMessage",
                    "A colleague saved some of these answers after you opened this page. Nothing on this page was"
                            + " saved. Your answers are shown below with what they saved: check them and save again.");
            return sectionPage(ref, section, entries, fresh, freshLoaded, completed, Map.of(), model);
        }
        flash.addFlashAttribute(
                "flash", "Section " + section.code() + " saved" + (later ? ". You can come back to it later." : ""));
        return "redirect:/section11/returns/" + id;
    }

    /** The background save of one standard: answers with a short status and the standard's new version. */
    @PostMapping("/standards/{standardId}/autosave")
    String autosave(
            @PathVariable long id,
            @PathVariable long standardId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ReturnRef ref = access.editable(id);
        TemplateStructure template = returns.template(ref);
        Standard standard = standard(template, standardId);
        StandardEntry entry = entry(standard, request);
        model.addAttribute("sid", standardId);
        // htmx only swaps 2xx answers into the page, so problems are told in the status text with 200
        Map<String, String> problems = ReturnChecks.draft(template, standard, entry);
        if (!problems.isEmpty()) {
            response.setHeader("X-Autosave", "invalid");
            model.addAttribute(
                    "message", "Not saved: " + problems.values().iterator().next());
            return VIEW + "section :: autosaved";
        }
        Outcome outcome = returns.autosave(ref, standard, entry, intParam(request, "version-" + standardId));
        if (outcome instanceof Stale stale) {
            response.setHeader("X-Autosave", "conflict");
            model.addAttribute(
                    "message",
                    "Not saved: " + conflictText(template, stale.current())
                            + " Your changes are still on this page; reload to see theirs, or save the section to"
                            + " replace them with yours.");
        } else if (outcome instanceof Saved saved) {
            response.setHeader("X-Autosave", "saved");
            model.addAttribute("message", "Saved at " + ReturnViews.time(java.time.Instant.now()));
            model.addAttribute("version", saved.version());
            model.addAttribute("loaded", saved.fingerprint());
        }
        return VIEW + "section :: autosaved";
    }

    @PostMapping("/standards/{standardId}/documents")
    String upload(
            @PathVariable long id,
            @PathVariable long standardId,
            @RequestParam(required = false) @Nullable MultipartFile file,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        ReturnRef ref = access.editable(id);
        Standard standard = standard(returns.template(ref), standardId);
        Upload upload = Upload.of(file);
        String problem = null;
        if (upload == null) {
            problem = "Select a file to upload as evidence for " + standard.code();
        } else {
            try {
                DocumentSummary stored = returns.upload(ref, standard, upload);
                flash.addFlashAttribute("flash", stored.fileName() + " uploaded as evidence for " + standard.code());
                return "redirect:/section11/returns/" + id + "/sections/" + standard.sectionId() + "#standard-"
                        + standardId;
            } catch (DocumentRejected e) {
                problem = e.getMessage();
            }
        }
        Forms.invalid(response);
        return sectionPage(
                ref,
                section(ref, standard.sectionId()),
                Map.of(),
                Map.of(),
                Map.of(),
                null,
                Map.of("file-" + standardId, problem),
                model);
    }

    @GetMapping("/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
        ReturnRef ref = access.readable(id);
        return returns.document(ref, documentId)
                .map(Documents::download)
                .orElseThrow(() -> new NotFoundException("Document"));
    }

    @PostMapping("/standards/{standardId}/improvements")
    String addImprovement(
            @PathVariable long id,
            @PathVariable long standardId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String owner,
            @RequestParam(name = "due-day", defaultValue = "") String day,
            @RequestParam(name = "due-month", defaultValue = "") String month,
            @RequestParam(name = "due-year", defaultValue = "") String year,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        ReturnRef ref = access.editable(id);
        Standard standard = standard(returns.template(ref), standardId);
        String action = StandardEntry.normalise(text);
        String who = owner.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (action.isEmpty()) {
            problems.put("improvement-text-" + standardId, "Enter the improvement action for " + standard.code());
        } else if (action.length() > 2000) {
            problems.put("improvement-text-" + standardId, "The improvement action must be 2,000 characters or fewer");
        }
        if (who.isEmpty()) {
            problems.put("improvement-owner-" + standardId, "Enter who owns the improvement action");
        } else if (who.length() > 200) {
            problems.put("improvement-owner-" + standardId, "The owner must be 200 characters or fewer");
        }
        DateInput due = new DateInput();
        due.setDay(day);
        due.setMonth(month);
        due.setYear(year);
        MapBindingResult errors = new MapBindingResult(new HashMap<String, Object>(), "improvement");
        LocalDate dueOn = due.read(errors, "due", "Due date", true);
        if (errors.hasErrors()) {
            problems.put(
                    "improvement-due-" + standardId + "-day",
                    errors.getAllErrors().get(0).getDefaultMessage());
        }
        if (!problems.isEmpty() || dueOn == null) {
            Forms.invalid(response);
            Map<String, String> typed = Map.of(
                    "text", action, "owner", who, "day", due.getDay(), "month", due.getMonth(), "year", due.getYear());
            model.addAttribute("typedFor", standardId);
            model.addAttribute("typed", typed);
            return sectionPage(
                    ref, section(ref, standard.sectionId()), Map.of(), Map.of(), Map.of(), null, problems, model);
        }
        returns.addImprovement(ref, standard, action, who, dueOn);
        flash.addFlashAttribute("flash", "Improvement action added to " + standard.code());
        return "redirect:/section11/returns/" + id + "/sections/" + standard.sectionId() + "#standard-" + standardId;
    }

    @PostMapping("/improvements/{improvementId}/remove")
    String removeImprovement(@PathVariable long id, @PathVariable long improvementId, RedirectAttributes flash) {
        ReturnRef ref = access.editable(id);
        long standardId = returns.improvements(id).values().stream()
                .flatMap(List::stream)
                .filter(i -> i.id() == improvementId)
                .findFirst()
                .map(Improvement::standardId)
                .orElseThrow(() -> new NotFoundException("Improvement action"));
        returns.removeImprovement(ref, improvementId);
        Standard standard = standard(returns.template(ref), standardId);
        flash.addFlashAttribute("flash", "Improvement action removed from " + standard.code());
        return "redirect:/section11/returns/" + id + "/sections/" + standard.sectionId() + "#standard-" + standardId;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Check and submit

    @GetMapping("/check")
    String check(@PathVariable long id, Model model) {
        ReturnRef ref = access.readable(id);
        return checkPage(ref, Map.of(), "", "", false, model);
    }

    @PostMapping("/submit")
    String submit(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(name = "declarationName", defaultValue = "") String name,
            @RequestParam(name = "declarationRole", defaultValue = "") String role,
            @RequestParam(name = "declarationConfirmed", defaultValue = "") String confirmed,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        ReturnRef ref = access.editable(id);
        Map<String, String> problems;
        try {
            problems = returns.submit(ref, version, name.strip(), role.strip(), "yes".equals(confirmed));
        } catch (ConcurrentEditException e) {
            response.setStatus(Forms.status(Refusal.conflict(String.valueOf(e.getMessage()))));
            model.addAttribute(
                    "conflictMessage",
                    "This return was changed by a colleague after you opened this page."
                            + " Check the answers below again, then submit.");
            return checkPage(access.readable(id), Map.of(), name, role, "yes".equals(confirmed), model);
        }
        if (!problems.isEmpty()) {
            Forms.invalid(response);
            return checkPage(ref, problems, name, role, "yes".equals(confirmed), model);
        }
        flash.addFlashAttribute("flash", "Your Section 11 return was submitted to the partnership");
        return "redirect:/section11/returns/" + id;
    }

    // ---------------------------------------------------------------------------------------------------------

    private String checkPage(
            ReturnRef ref, Map<String, String> problems, String name, String role, boolean confirmed, Model model) {
        ReturnDetails details = returns.details(ref, true);
        TemplateStructure template = returns.template(ref);
        Map<Long, StandardResponse> responses = returns.responses(ref.id());
        Map<Long, Progress> progress = returns.progress(ref, template, responses);
        boolean editable =
                access.isRespondent(Actors.require(), ref) && ref.status().editable();
        model.addAttribute("title", "Check your answers – " + possessiveTitle(ref));
        model.addAttribute("ret", details);
        model.addAttribute("ref", ref);
        model.addAttribute("template", template);
        model.addAttribute("responses", responses);
        model.addAttribute("progress", progress);
        model.addAttribute("documents", returns.documentsByStandard(responses));
        model.addAttribute("improvements", returns.improvements(ref.id()));
        model.addAttribute("editable", editable);
        model.addAttribute("incomplete", editable ? returns.incomplete(ref) : Map.of());
        model.addAttribute("problems", problems);
        model.addAttribute("declarationName", name);
        model.addAttribute("declarationRole", role);
        model.addAttribute("declarationConfirmed", confirmed);
        model.addAttribute("scores", scoreLabels(template, responses));
        return VIEW + "check";
    }

    private String sectionPage(
            ReturnRef ref,
            Section section,
            Map<Long, StandardEntry> typed,
            Map<Long, Integer> versions,
            Map<Long, String> loaded,
            @Nullable String completed,
            Map<String, String> problems,
            Model model) {
        TemplateStructure template = returns.template(ref);
        Map<Long, StandardResponse> responses = returns.responses(ref.id());
        Map<Long, List<DocumentSummary>> docs = returns.documentsByStandard(responses);
        Map<Long, List<Improvement>> improvements = returns.improvements(ref.id());
        Map<Long, Progress> progress = returns.progress(ref, template, responses);
        @SuppressWarnings("unchecked")
        Map<Long, StandardResponse> conflicts = (Map<Long, StandardResponse>) model.getAttribute("conflicts");
        Object typedFor = model.getAttribute("typedFor");
        @SuppressWarnings("unchecked")
        Map<String, String> improvementTyped = (Map<String, String>) model.getAttribute("typed");
        List<StandardView> views = new ArrayList<>();
        for (Standard s : section.standards()) {
            StandardResponse saved = responses.getOrDefault(s.id(), StandardResponse.none(s.id()));
            StandardEntry entry = typed.getOrDefault(s.id(), StandardEntry.of(saved));
            StandardResponse other = conflicts == null ? null : conflicts.get(s.id());
            views.add(new StandardView(
                    s,
                    entry,
                    versions.getOrDefault(s.id(), saved.version()),
                    loaded.getOrDefault(s.id(), StandardEntry.of(saved).fingerprint()),
                    saved.needsReview(),
                    docs.getOrDefault(s.id(), List.of()),
                    improvements.getOrDefault(s.id(), List.of()),
                    other == null ? null : conflictText(template, other),
                    typedFor != null && typedFor.equals(s.id()) && improvementTyped != null
                            ? improvementTyped
                            : Map.of(),
                    saved.updatedAt() == null || saved.updatedBy() == null
                            ? null
                            : "Last saved by " + saved.updatedBy() + " on " + ReturnViews.dateTime(saved.updatedAt())));
        }
        boolean editable =
                access.isRespondent(Actors.require(), ref) && ref.status().editable();
        if (editable
                && ref.status() == org.safeguardinghub.section11.ReturnStatus.NOT_STARTED
                && returns.previous(ref).isPresent()) {
            // carry forward or blank must be chosen on the task list first
            editable = false;
        }
        Progress p = progress.get(section.id());
        model.addAttribute(
                "title", "Section " + section.code() + ": " + section.title() + " – " + possessiveTitle(ref));
        model.addAttribute("ref", ref);
        model.addAttribute("ret", returns.details(ref, true));
        model.addAttribute("template", template);
        model.addAttribute("section", section);
        model.addAttribute("standards", views);
        model.addAttribute("editable", editable);
        model.addAttribute("problems", problems);
        model.addAttribute(
                "completed",
                completed != null
                        ? completed
                        : p == Progress.COMPLETED ? "yes" : p == Progress.IN_PROGRESS ? "no" : "");
        model.addAttribute("maxSize", documents.maxSizeLabel());
        return VIEW + "section";
    }

    static String conflictText(TemplateStructure template, StandardResponse other) {
        String score = SelfAssessment.scoreText(template, other);
        String evidence =
                other.evidence().isEmpty() ? "no evidence" : "evidence “" + abbreviate(other.evidence()) + "”";
        return (other.updatedBy() == null ? "A colleague" : other.updatedBy()) + " saved this at "
                + ReturnViews.time(other.updatedAt()) + ": score " + (score == null ? "none" : score) + ", "
                + evidence + ".";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static Map<Long, String> scoreLabels(TemplateStructure template, Map<Long, StandardResponse> responses) {
        Map<Long, String> out = new HashMap<>();
        responses.forEach((sid, r) -> {
            String s = SelfAssessment.scoreText(template, r);
            out.put(sid, s == null ? "Not scored" : s);
        });
        return out;
    }

    static String possessiveTitle(ReturnRef ref) {
        return SelfAssessment.possessive(ref.agencyName()) + " Section 11 return, " + ref.cycleName();
    }

    private Section section(ReturnRef ref, long sectionId) {
        return returns.template(ref).section(sectionId).orElseThrow(() -> new NotFoundException("Section"));
    }

    private static Standard standard(TemplateStructure template, long standardId) {
        return template.standard(standardId).orElseThrow(() -> new NotFoundException("Standard"));
    }

    private static StandardEntry entry(Standard s, HttpServletRequest request) {
        Map<Long, String> answers = new HashMap<>();
        for (Question q : s.questions()) {
            answers.put(q.id(), param(request, ReturnChecks.answerId(s.id(), q.id())));
        }
        return new StandardEntry(
                param(request, ReturnChecks.scoreId(s.id())), param(request, ReturnChecks.evidenceId(s.id())), answers);
    }

    private static String param(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v;
    }

    private static int intParam(HttpServletRequest request, String name) {
        try {
            return Integer.parseInt(param(request, name).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
