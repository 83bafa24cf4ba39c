package org.safeguardinghub.surveys;

import java.util.List;
import java.util.Set;
import org.safeguardinghub.platform.web.Option;

/** How a survey question is answered, with the answers offered and which of them count as positive. */
public enum QuestionKind {
    LIKERT(
            List.of(
                    new Option("STRONGLY_AGREE", "Strongly agree"),
                    new Option("AGREE", "Agree"),
                    new Option("NEITHER", "Neither agree nor disagree"),
                    new Option("DISAGREE", "Disagree"),
                    new Option("STRONGLY_DISAGREE", "Strongly disagree"),
                    new Option("NOT_APPLICABLE", "Does not apply to my role")),
            Set.of("STRONGLY_AGREE", "AGREE")),
    YES_NO_DONT_KNOW(
            List.of(new Option("YES", "Yes"), new Option("NO", "No"), new Option("DONT_KNOW", "I do not know")),
            Set.of("YES")),
    FREE_TEXT(List.of(), Set.of());

    /** Answers that say the question does not apply: left out of the denominator of "% positive". */
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

    /** The longest free-text answer kept. */
    public static final int MAX_TEXT = 2000;

    private final List<Option> options;
    private final Set<String> positive;

    QuestionKind(List<Option> options, Set<String> positive) {
        this.options = options;
        this.positive = positive;
    }

    /** The answers offered, in the order shown; empty for free text. */
    public List<Option> options() {
        return options;
    }

    public boolean offers(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }

    /** Agree or strongly agree; yes. */
    public boolean positive(String value) {
        return positive.contains(value);
    }

    public Set<String> positiveValues() {
        return positive;
    }

    /** The label of an answer value, e.g. "Strongly agree". */
    public String label(String value) {
        return options.stream()
                .filter(o -> o.value().equals(value))
                .map(Option::label)
                .findFirst()
                .orElse(value);
    }

    public boolean freeText() {
        return this == FREE_TEXT;
    }
}
