package org.safeguardinghub.surveys;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.shared.SafeTable;

/**
 * A survey's results: per link and question (and for all links together, {@code linkId} null) the answers counted
 * by value, and per link and tag the share of positive answers. Free-text answers are counted, never shown here.
 *
 * <p>"Positive" is agree or strongly agree, or yes. Answers saying the question does not apply are left out of the
 * denominator. Every published count goes through the shared rule ({@link SafeTable}: small counts hidden, the rest
 * rounded to 5, secondary suppression across links and totals), and a percentage is worked out from the published
 * counts and withheld when either is hidden: in a small team, a percentage of two or three people can tell a manager
 * who said what, and the total minus the other agencies would tell it too.
 */
public record SurveyResults(
        SurveySummary survey,
        List<SurveyQuestion> questions,
        List<SurveyLink> links,
        List<QuestionResult> byQuestion,
        List<TagResult> byTag,
        String suppressedText) {

    /**
     * One question's answers through one link (or all links when {@code linkId} is null). {@code answered},
     * {@code notApplicable}, {@code positive} and {@code counts} are exact and for the module's own checks only;
     * pages and downloads publish {@code answeredCell} and {@code positiveCell}, which the shared rule made safe.
     */
    public record QuestionResult(
            @Nullable Long linkId,
            long questionId,
            long answered,
            long notApplicable,
            long positive,
            Map<String, Long> counts,
            boolean suppressed,
            SafeTable.Cell answeredCell,
            SafeTable.Cell positiveCell) {

        /** Positive answers as a percentage of answers that apply, from the published counts; empty if either is hidden. */
        public Optional<Double> percentPositive() {
            return share(positiveCell, answeredCell);
        }
    }

    /**
     * The questions carrying one tag, through one link (or all): how many people answered at least one of them (not
     * counting "does not apply"), their answers, and how many were positive. As for {@link QuestionResult}, the
     * exact numbers are the module's; the cells are what is published.
     */
    public record TagResult(
            @Nullable Long linkId,
            String tag,
            long respondents,
            long answers,
            long positive,
            boolean suppressed,
            SafeTable.Cell respondentsCell,
            SafeTable.Cell answersCell,
            SafeTable.Cell positiveCell) {

        public Optional<Double> percentPositive() {
            return respondentsCell.hidden() ? Optional.empty() : share(positiveCell, answersCell);
        }
    }

    private static Optional<Double> share(SafeTable.Cell part, SafeTable.Cell whole) {
        if (part.hidden() || whole.hidden() || whole.shown() == null || part.shown() == null || whole.shown() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.shown() * 100.0 / whole.shown());
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

    /** "72%" worked out from the published counts, or why it is not shown ("fewer than 6", "suppressed"). */
    public String percentText(@Nullable QuestionResult result) {
        if (result == null) {
            return suppressedText;
        }
        return percentText(result.percentPositive(), result.answeredCell(), result.positiveCell());
    }

    public String percentText(@Nullable TagResult result) {
        if (result == null) {
            return suppressedText;
        }
        return percentText(
                result.percentPositive(),
                result.respondentsCell().hidden() ? result.respondentsCell() : result.answersCell(),
                result.positiveCell());
    }

    private static String percentText(Optional<Double> percent, SafeTable.Cell whole, SafeTable.Cell part) {
        if (percent.isPresent()) {
            return percent(percent.get());
        }
        if (whole.hidden()) {
            return whole.text();
        }
        return part.text() + " positive";
    }

    /** The number of answers that apply, as published. */
    public String answeredText(@Nullable QuestionResult result) {
        return result == null ? suppressedText : result.answeredCell().text();
    }

    /** The number of positive answers, as published. */
    public String positiveText(@Nullable QuestionResult result) {
        return result == null ? suppressedText : result.positiveCell().text();
    }

    public String respondentsText(@Nullable TagResult result) {
        return result == null ? suppressedText : result.respondentsCell().text();
    }

    /** A percentage rounded to a whole number, e.g. "72%". */
    public static String percent(double value) {
        return Math.round(value) + "%";
    }
}
