package org.safeguardinghub.section11.survey.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.export.ExportFormat;
import org.safeguardinghub.platform.export.ExportResponse;
import org.safeguardinghub.platform.export.Table;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.DateInput;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.section11.access.ReturnAccess;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.survey.StaffSurveyDefinition;
import org.safeguardinghub.section11.survey.StaffSurveyRecords;
import org.safeguardinghub.section11.survey.StaffSurveys;
import org.safeguardinghub.section11.survey.StaffSurveys.Cycle;
import org.safeguardinghub.section11.templates.TemplateReader;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.safeguardinghub.shared.SafeCounts;
import org.safeguardinghub.shared.SafeTable;
import org.safeguardinghub.surveys.SurveyLink;
import org.safeguardinghub.surveys.SurveyQuestion;
import org.safeguardinghub.surveys.SurveyResults;
import org.safeguardinghub.surveys.SurveyResults.QuestionResult;
import org.safeguardinghub.surveys.SurveyResults.TagResult;
import org.safeguardinghub.surveys.SurveySummary;
import org.safeguardinghub.surveys.Surveys;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The staff survey of a Section 11 cycle: the business team sets it up and shares one public link per agency, then
 * reads the results by agency, question and standard (downloadable); and, on a return, the agency's staff answers
 * beside its self-assessment, standard by standard.
 */
@Controller
public class StaffSurveyController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String FORM = "form";

    private final StaffSurveys staffSurveys;
    private final Surveys surveys;
    private final ReturnAccess access;
    private final TemplateReader templates;
    private final AuditTrail audit;
    private final StaffSurveyRecords records;

    StaffSurveyController(
            StaffSurveys staffSurveys,
            Surveys surveys,
            ReturnAccess access,
            TemplateReader templates,
            AuditTrail audit,
            StaffSurveyRecords records) {
        this.staffSurveys = staffSurveys;
        this.surveys = surveys;
        this.access = access;
        this.templates = templates;
        this.audit = audit;
        this.records = records;
    }

    /** A link as the business team sees it: the full web address to send to the agency's staff. */
    record LinkRow(SurveyLink link, String url) {}

    /** One standard on the return's page: the agency's self-assessment beside its staff's answers. */
    record StandardRow(
            String code,
            String title,
            String selfAssessment,
            String staffRespondents,
            String staffPositive,
            List<QuestionRow> questions) {}

    record QuestionRow(String text, String answered, String positive) {}

    @GetMapping("/section11/cycles/{id}/survey")
    String survey(@PathVariable long id, Model model) {
        Cycle cycle = visibleCycle(id);
        Optional<SurveySummary> survey = staffSurveys.survey(id);
        if (survey.isEmpty()) {
            SurveySetupForm form = new SurveySetupForm();
            LocalDate today = surveys.today();
            LocalDate opens = cycle.opensOn().isAfter(today) ? cycle.opensOn() : today;
            form.setOpensOn(DateInput.of(opens));
            form.setClosesOn(DateInput.of(cycle.closesOn().isBefore(opens) ? opens.plusDays(28) : cycle.closesOn()));
            model.addAttribute(FORM, form);
            return setupView(model, cycle);
        }
        SurveySummary s = survey.get();
        List<SurveyLink> links = surveys.links(s.id());
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        model.addAttribute("title", "Staff survey: " + cycle.name());
        model.addAttribute("cycle", cycle);
        model.addAttribute("survey", s);
        model.addAttribute("opensOn", DAY.format(s.opensOn()));
        model.addAttribute("closesOn", DAY.format(s.closesOn()));
        model.addAttribute("open", s.openOn(surveys.today()));
        model.addAttribute(
                "links",
                links.stream().map(l -> new LinkRow(l, base + l.path())).toList());
        model.addAttribute(
                "totalResponses",
                links.stream().mapToLong(SurveyLink::responses).sum());
        model.addAttribute("missing", staffSurveys.withoutLink(id, links));
        model.addAttribute("questions", surveys.questions(s.id()));
        return "section11/survey/links";
    }

    @PostMapping("/section11/cycles/{id}/survey")
    String setUp(
            @PathVariable long id,
            @ModelAttribute(FORM) SurveySetupForm form,
            BindingResult errors,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Cycle cycle = visibleCycle(id);
        if (staffSurveys.survey(id).isPresent()) {
            flash.addFlashAttribute("flash", "The staff survey for this cycle is already set up");
            return "redirect:/section11/cycles/" + id + "/survey";
        }
        LocalDate opens = form.getOpensOn().read(errors, "opensOn", "Date the survey opens", true);
        LocalDate closes = form.getClosesOn().read(errors, "closesOn", "Date the survey closes", true);
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.rejectValue(
                    "closesOn", "order", "Date the survey closes must be the same as or after the date it opens");
        } else if (closes != null && closes.isBefore(surveys.today())) {
            errors.rejectValue("closesOn", "past", "Date the survey closes must be today or in the future");
        }
        if (errors.hasErrors() || opens == null || closes == null) {
            Forms.invalid(response);
            return setupView(model, cycle);
        }
        Actor actor = Actors.require();
        staffSurveys.setUp(id, actor.partnershipId(), opens, closes, actor.displayName());
        int links = surveys.links(staffSurveys.survey(id).orElseThrow().id()).size();
        flash.addFlashAttribute(
                "flash", "Staff survey set up with " + links + (links == 1 ? " agency link" : " agency links"));
        return "redirect:/section11/cycles/" + id + "/survey";
    }

    @PostMapping("/section11/cycles/{id}/survey/links")
    String addLinks(@PathVariable long id, RedirectAttributes flash) {
        visibleCycle(id);
        if (staffSurveys.survey(id).isEmpty()) {
            return "redirect:/section11/cycles/" + id + "/survey";
        }
        int added = staffSurveys.addMissingLinks(id);
        flash.addFlashAttribute(
                "flash",
                added == 0
                        ? "Every expected agency already has a link"
                        : "Added " + added + (added == 1 ? " agency link" : " agency links"));
        return "redirect:/section11/cycles/" + id + "/survey";
    }

    @GetMapping("/section11/cycles/{id}/survey/results")
    String results(@PathVariable long id, Model model) {
        Cycle cycle = visibleCycle(id);
        SurveySummary survey = staffSurveys.survey(id).orElseThrow(() -> new NotFoundException("Staff survey"));
        SurveyResults results = surveys.results(survey.id());
        model.addAttribute("title", "Staff survey results: " + cycle.name());
        model.addAttribute("cycle", cycle);
        model.addAttribute("results", results);
        model.addAttribute("minimumShown", surveys.suppression().minimumShown());
        model.addAttribute("titles", standardTitles(id));
        model.addAttribute("tags", results.tags().stream().sorted().toList()); // S1 to S8, whatever the question order
        return "section11/survey/results";
    }

    @GetMapping({"/section11/cycles/{id}/survey/results.csv", "/section11/cycles/{id}/survey/results.xlsx"})
    void download(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        Cycle cycle = visibleCycle(id);
        SurveySummary survey = staffSurveys.survey(id).orElseThrow(() -> new NotFoundException("Staff survey"));
        SurveyResults results = surveys.results(survey.id());
        ExportFormat format = request.getRequestURI().endsWith(".xlsx") ? ExportFormat.XLSX : ExportFormat.CSV;
        audit.event(AuditAction.EXPORT, "s11-cycle", id, "Staff survey results exported as " + format.label());
        ExportResponse.send(response, format, "staff-survey-" + cycle.name(), table(cycle, results));
    }

    /**
     * Long format: one row per agency (then all agencies) and question, the counts exactly as the page publishes them
     * (rounded, "fewer than 6" or "suppressed"), and the percentage worked out from them.
     */
    public static Table table(Cycle cycle, SurveyResults results) {
        List<List<String>> rows = new ArrayList<>();
        List<Long> linkIds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SurveyLink l : results.links()) {
            linkIds.add(l.id());
            names.add(l.audienceLabel());
        }
        linkIds.add(null);
        names.add("All agencies");
        for (int i = 0; i < linkIds.size(); i++) {
            for (SurveyQuestion q : results.choiceQuestions()) {
                QuestionResult r = results.question(linkIds.get(i), q.id()).orElse(null);
                rows.add(List.of(
                        names.get(i),
                        q.tag() == null ? "" : q.tag(),
                        q.code(),
                        q.text(),
                        results.answeredText(r),
                        results.positiveText(r),
                        r == null
                                ? ""
                                : r.percentPositive()
                                        .map(p -> String.valueOf(Math.round(p)))
                                        .orElse(""),
                        r != null && r.suppressed() ? "Not shown: too few answered" : ""));
            }
        }
        return Table.of(
                "Staff survey " + cycle.name(),
                List.of(
                        "Agency",
                        "Standard",
                        "Question code",
                        "Question",
                        "Answered",
                        "Positive answers",
                        "Percent positive",
                        "Note"),
                rows);
    }

    @GetMapping("/section11/returns/{id}/survey")
    String forReturn(@PathVariable long id, Model model) {
        ReturnRef ref = access.readable(id);
        audit.readSensitive("s11-return", id);
        TemplateStructure template = templates.get(ref.templateId());
        Map<String, String> selfScores = selfScores(id, template);
        Optional<SurveySummary> survey = staffSurveys.survey(ref.cycleId());
        SurveyResults results = survey.map(s -> surveys.results(s.id())).orElse(null);
        Long linkId = results == null
                ? null
                : results.linkForAgency(ref.agencyId()).map(SurveyLink::id).orElse(null);
        List<StandardRow> rows = new ArrayList<>();
        for (TemplateStructure.Standard standard : template.standards()) {
            String staffRespondents = "";
            String staffPositive = "No survey";
            List<QuestionRow> questions = new ArrayList<>();
            if (results != null && linkId != null) {
                TagResult tag = results.tag(linkId, standard.code()).orElse(null);
                staffRespondents = results.respondentsText(tag);
                staffPositive = results.percentText(tag);
                for (SurveyQuestion q : results.choiceQuestions()) {
                    if (standard.code().equals(q.tag())) {
                        QuestionResult r = results.question(linkId, q.id()).orElse(null);
                        questions.add(new QuestionRow(q.text(), results.answeredText(r), results.percentText(r)));
                    }
                }
                if (questions.isEmpty()) {
                    staffPositive = "Not asked";
                }
            }
            rows.add(new StandardRow(
                    standard.code(),
                    standard.title(),
                    selfScores.getOrDefault(standard.code(), "Not scored yet"),
                    staffRespondents,
                    staffPositive,
                    questions));
        }
        model.addAttribute("title", "Staff survey beside the self-assessment: " + ref.agencyName());
        model.addAttribute("ref", ref);
        model.addAttribute("rows", rows);
        model.addAttribute("hasSurvey", results != null);
        model.addAttribute("hasLink", linkId != null);
        model.addAttribute(
                "responses",
                results == null || linkId == null
                        ? "0"
                        : responsesText(SafeCounts.of(surveys.suppression()), results, linkId));
        model.addAttribute("suppressedText", surveys.suppression().suppressedText());
        return "section11/survey/return";
    }

    /** How many of the agency's staff answered the survey, as the return's survey page shows it. */
    public static String responsesText(SafeCounts rule, SurveyResults results, long linkId) {
        return SafeTable.single(
                        rule,
                        results.links().stream()
                                .filter(l -> Objects.equals(l.id(), linkId))
                                .mapToLong(SurveyLink::responses)
                                .sum())
                .text();
    }

    /** The agency's self-score label per standard code, e.g. "2 – Largely met", or "Not applicable". */
    private Map<String, String> selfScores(long returnId, TemplateStructure template) {
        Map<String, String> scores = new HashMap<>();
        for (StaffSurveyRecords.SelfScore s : records.selfScores(returnId)) {
            if (s.notApplicable()) {
                scores.put(s.code(), "Not applicable");
            } else if (s.score() != null) {
                scores.put(s.code(), s.score() + " – " + template.label(s.score()));
            }
        }
        return scores;
    }

    /** Standard titles by code, from the templates the cycle's returns use, for the results page headings. */
    private Map<String, String> standardTitles(long cycleId) {
        return records.standardTitles(cycleId);
    }

    private String setupView(Model model, Cycle cycle) {
        model.addAttribute("title", "Set up the staff survey: " + cycle.name());
        model.addAttribute("cycle", cycle);
        model.addAttribute("expected", staffSurveys.expected(cycle.id()).size());
        model.addAttribute("definition", StaffSurveyDefinition.load());
        return "section11/survey/setup";
    }

    private Cycle visibleCycle(long id) {
        if (!access.cycleVisible(id)) {
            throw new NotFoundException("Section 11 cycle");
        }
        return staffSurveys.cycle(id).orElseThrow(() -> new NotFoundException("Section 11 cycle"));
    }
}
