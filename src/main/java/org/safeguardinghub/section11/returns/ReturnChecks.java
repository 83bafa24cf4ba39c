package org.safeguardinghub.section11.returns;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.safeguardinghub.section11.templates.TemplateStructure.Question;
import org.safeguardinghub.section11.templates.TemplateStructure.QuestionKind;
import org.safeguardinghub.section11.templates.TemplateStructure.Standard;

/**
 * Server-side checks of what was typed for a standard, as GOV.UK error messages keyed by the id of the field they
 * belong to (so the error summary links to it). A draft only needs to be well formed; a section marked completed
 * needs a score or "not applicable" for every standard, evidence for any score above the lowest, and every
 * required question answered.
 */
public final class ReturnChecks {

    static final int MAX_TEXT = 10_000;

    private ReturnChecks() {}

    public static String scoreId(long standardId) {
        return "score-" + standardId;
    }

    public static String evidenceId(long standardId) {
        return "evidence-" + standardId;
    }

    public static String answerId(long standardId, long questionId) {
        return "answer-" + standardId + "-" + questionId;
    }

    /** Problems that stop even a draft being saved: unknown score, text too long. */
    public static Map<String, String> draft(TemplateStructure template, Standard standard, StandardEntry entry) {
        Map<String, String> problems = new LinkedHashMap<>();
        String code = standard.code();
        if (entry.notApplicable()) {
            if (!template.allowNotApplicable()) {
                problems.put(scoreId(standard.id()), "Select a score for " + code);
            }
        } else if (!entry.score().isEmpty()) {
            Integer n = entry.numericScore();
            if (n == null || template.scale().stream().noneMatch(l -> l.score() == n)) {
                problems.put(scoreId(standard.id()), "Select a score for " + code + " from the scale");
            }
        }
        if (entry.evidence().length() > MAX_TEXT) {
            problems.put(evidenceId(standard.id()), "Evidence for " + code + " must be 10,000 characters or fewer");
        }
        for (Question q : standard.questions()) {
            String answer = entry.answer(q.id());
            if (q.kind() == QuestionKind.YES_NO && !answer.isEmpty() && !answer.equals("YES") && !answer.equals("NO")) {
                problems.put(answerId(standard.id(), q.id()), "Select yes or no for " + q.code());
            } else if (answer.length() > MAX_TEXT) {
                problems.put(
                        answerId(standard.id(), q.id()),
                        "The answer to " + q.code() + " must be 10,000 characters or fewer");
            }
        }
        return problems;
    }

    /** Problems that stop a standard counting as complete; includes the draft problems. */
    public static Map<String, String> complete(TemplateStructure template, Standard standard, StandardEntry entry) {
        Map<String, String> problems = draft(template, standard, entry);
        String code = standard.code();
        if (entry.score().isEmpty()) {
            problems.putIfAbsent(
                    scoreId(standard.id()),
                    template.allowNotApplicable()
                            ? "Select a score for " + code + ", or not applicable"
                            : "Select a score for " + code);
        }
        Integer n = entry.numericScore();
        if (n != null && n > template.minScore() && entry.evidence().isBlank()) {
            problems.putIfAbsent(evidenceId(standard.id()), "Enter the evidence for the score you gave " + code);
        }
        for (Question q : standard.questions()) {
            if (q.required() && entry.answer(q.id()).isEmpty()) {
                problems.putIfAbsent(
                        answerId(standard.id(), q.id()),
                        q.kind() == QuestionKind.YES_NO
                                ? "Select yes or no for " + q.code()
                                : "Enter an answer to " + q.code());
            }
        }
        return problems;
    }
}
