package org.safeguardinghub.surveys.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeguardinghub.platform.web.Forms;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.surveys.SurveyQuestion;
import org.safeguardinghub.surveys.Surveys;
import org.safeguardinghub.surveys.Surveys.PublicSurvey;
import org.safeguardinghub.surveys.Surveys.Submission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public survey form, answered without signing in through a link's token. An unknown token is a 404; a survey
 * that is closed or not yet open shows a friendly page and takes nothing. Protected like the public referral form:
 * per-address limits, one answer per browser within an hour ({@link SurveyPostLimit}), a honeypot field and full
 * server-side checks; the answers are stored with the date only.
 */
@Controller
class PublicSurveyController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Surveys surveys;
    private final SurveyPostLimit limit;

    PublicSurveyController(Surveys surveys, SurveyPostLimit limit) {
        this.surveys = surveys;
        this.limit = limit;
    }

    @GetMapping("/survey/{token}")
    String form(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        PublicSurvey survey = find(token);
        limit.issue(request, response);
        LocalDate today = surveys.today();
        if (!survey.open(today)) {
            return closed(model, survey, today, false);
        }
        return formView(model, survey, Map.of(), Map.of());
    }

    @PostMapping("/survey/{token}")
    String submit(
            @PathVariable String token,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicSurvey survey = find(token);
        Map<String, String> answers = answers(survey.questions(), params);
        SurveyPostLimit.Refusal refusal = limit.check(request, survey.link().token());
        if (refusal == SurveyPostLimit.Refusal.TOO_MANY) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "600");
            return formView(
                    model,
                    survey,
                    answers,
                    Map.of(
                            "survey-answers",
                            "Too many answers have been sent from your network in the last few minutes. Wait 10"
                                    + " minutes and send them again: your answers are still below."));
        }
        if (refusal == SurveyPostLimit.Refusal.ALREADY_ANSWERED) {
            response.setStatus(Forms.status(Refusal.conflict("Already answered from this browser")));
            return formView(
                    model,
                    survey,
                    answers,
                    Map.of(
                            "survey-answers",
                            "Answers to this survey have already been sent from this browser in the last hour, so"
                                    + " these were not counted again. If someone else shares this browser, they can"
                                    + " answer from another device or after an hour."));
        }
        String website = params.getFirst("website");
        if (website != null && !website.isBlank()) {
            // a robot filled in the hidden field: it sees what a person would see, and nothing is stored
            return "redirect:/survey/" + survey.link().token() + "/thanks";
        }
        Submission submission = surveys.submit(token, answers);
        switch (submission.outcome()) {
            case CLOSED -> {
                return closed(model, survey, surveys.today(), true);
            }
            case INVALID -> {
                Forms.invalid(response);
                return formView(model, survey, answers, submission.problems());
            }
            default -> {
                limit.answered(request, survey.link().token());
                return "redirect:/survey/" + survey.link().token() + "/thanks";
            }
        }
    }

    /** Looks nothing up beyond the link, so it shows no one's answers. */
    @GetMapping("/survey/{token}/thanks")
    String thanks(@PathVariable String token, Model model) {
        PublicSurvey survey = find(token);
        model.addAttribute("title", "Thank you for your answers");
        model.addAttribute("survey", survey.survey());
        return "surveys/thanks";
    }

    private PublicSurvey find(String token) {
        return surveys.byToken(token).orElseThrow(() -> new NotFoundException("Survey"));
    }

    private static Map<String, String> answers(List<SurveyQuestion> questions, MultiValueMap<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (SurveyQuestion q : questions) {
            String value = params.getFirst(q.fieldName());
            if (value != null) {
                answers.put(q.fieldName(), value.length() > 20_000 ? value.substring(0, 20_000) : value);
            }
        }
        return answers;
    }

    private String formView(
            Model model, PublicSurvey survey, Map<String, String> answers, Map<String, String> problems) {
        model.addAttribute(
                "title", (problems.isEmpty() ? "" : "Error: ") + survey.survey().title());
        model.addAttribute("survey", survey.survey());
        model.addAttribute("audience", survey.link().audienceLabel());
        model.addAttribute("token", survey.link().token());
        model.addAttribute("questions", survey.questions());
        model.addAttribute("answers", answers);
        model.addAttribute("problems", problems);
        model.addAttribute("introduction", paragraphs(survey.survey().introduction()));
        model.addAttribute("closesOn", DAY.format(survey.survey().closesOn()));
        return "surveys/form";
    }

    private String closed(Model model, PublicSurvey survey, LocalDate today, boolean posted) {
        model.addAttribute("posted", posted);
        boolean notYet = survey.link().closedAt() == null && survey.notYetOpen(today);
        model.addAttribute("title", notYet ? "This survey is not open yet" : "This survey has closed");
        model.addAttribute("survey", survey.survey());
        model.addAttribute("notYet", notYet);
        model.addAttribute("opensOn", DAY.format(survey.survey().opensOn()));
        model.addAttribute("closesOn", DAY.format(survey.survey().closesOn()));
        return "surveys/closed";
    }

    static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
