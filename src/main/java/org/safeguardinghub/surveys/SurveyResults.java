package org.safeguardinghub.surveys;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A survey's results: per link and question (and for all links together, {@code linkId} null) the answers counted
 * by value, and per link and tag the share of positive answers. Free-text answers are counted, never shown here.
 *
 * <p>"Positive" is agree or strongly agree, or yes. Answers saying the question does not apply are left out of the
 * denominator. A result whose denominator is below the partnership's small-number threshold is marked suppressed and
 * gives no percentage or counts: in a small team, a percentage of two or three people can tell a manager who said
 * what.
 */
public record SurveyResults(
        SurveySummary survey,
        List<SurveyQuestion> questions,
        List<SurveyLink> links,
        List<QuestionResult> byQuestion,
        List<TagResult> byTag,
        String suppressedText) {

    /** One question's answers through one link (or all links when {@code linkId} is null). */
    public record QuestionResult(
            @Nullable Long linkId,
            long questionId,
            long answered,
            long notApplicable,
            long positive,
            Map<String, Long> counts,
            boolean suppressed) {

        /** Positive answers as a percentage of answers that apply, unless suppressed or there are none. */
        public Optional<Double> percentPositive() {
            return suppressed || answered == 0 ? Optional.empty() : Optional.of(positive * 100.0 / answered);
        }
    }

    /**
     * The questions carrying one tag, through one link (or all): how many people answered at least one of them (not
     * counting "does not apply"), their answers, and how many were positive.
     */
    public record TagResult(
            @Nullable Long linkId, String tag, long respondents, long answers, long positive, boolean suppressed) {

        public Optional<Double> percentPositive() {
            return suppressed || answers == 0 ? Optional.empty() : Optional.of(positive * 100.0 / answers);
        }
    }

    public Optional<QuestionResult> question(@Nullable Long linkId, long questionId) {
        return byQuestion.stream()
                .filter(r -> Objects.equals(r.linkId(), linkId) && r.questionId() == questionId)
                .findFirst();
    }

    public Optional<TagResult> tag(@Nullable Long linkId, String tag) {
        return byTag.stream()
                .filter(r -> Objects.equals(r.linkId(), linkId) && r.tag().equals(tag))
                .findFirst();
    }

    /** The questions that have answer choices (not free text), in order. */
    public List<SurveyQuestion> choiceQuestions() {
        return questions.stream().filter(q -> !q.kind().freeText()).toList();
    }

    /** The distinct tags in question order. */
    public List<String> tags() {
        return questions.stream()
                .map(SurveyQuestion::tag)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    public Optional<SurveyLink> linkForAgency(long agencyId) {
        return links.stream()
                .filter(l -> Objects.equals(l.agencyId(), agencyId))
                .findFirst();
    }

    /** "72%", the suppression phrase, or "No answers". */
    public String percentText(@Nullable QuestionResult result) {
        if (result == null || !result.suppressed() && result.answered() == 0) {
            return "No answers";
        }
        return result.percentPositive().map(SurveyResults::percent).orElse(suppressedText);
    }

    public String percentText(@Nullable TagResult result) {
        if (result == null || !result.suppressed() && result.answers() == 0) {
            return "No answers";
        }
        return result.percentPositive().map(SurveyResults::percent).orElse(suppressedText);
    }

    /** The number of answers that apply, or the suppression phrase. */
    public String answeredText(@Nullable QuestionResult result) {
        if (result == null) {
            return "0";
        }
        return result.suppressed() ? suppressedText : String.valueOf(result.answered());
    }

    public String respondentsText(@Nullable TagResult result) {
        if (result == null) {
            return "0";
        }
        return result.suppressed() ? suppressedText : String.valueOf(result.respondents());
    }

    /** A percentage rounded to a whole number, e.g. "72%". */
    public static String percent(double value) {
        return Math.round(value) + "%";
    }
}
