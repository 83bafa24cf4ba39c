package org.safeguardinghub.performance.earlywarning;

import java.util.List;
import java.util.Locale;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Polarity;

/**
 * Plain words for a signal: what happened, why it is unlikely to be chance, and whether the direction is good or bad
 * news for children given the indicator's polarity.
 *
 * @param name the indicator's name, e.g. "Missing episodes"
 * @param unit suffix after a value, e.g. "%" or " per 10,000"
 */
record Wording(String name, Polarity polarity, Frequency frequency, int decimals, String unit) {

    private static final List<String> NUMBERS = List.of(
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");

    /** Whether a direction is good news, bad news or neither for this indicator. */
    enum Reading {
        GOOD("Good news", "govuk-tag--green"),
        BAD("Concern", "govuk-tag--red"),
        CONTEXT("Context", "govuk-tag--grey");

        private final String label;
        private final String tagClass;

        Reading(String label, String tagClass) {
            this.label = label;
            this.tagClass = tagClass;
        }

        public String label() {
            return label;
        }

        public String tagClass() {
            return tagClass;
        }
    }

    static Reading reading(Polarity polarity, Direction direction) {
        return switch (polarity) {
            case HIGHER_IS_BETTER -> direction == Direction.UP ? Reading.GOOD : Reading.BAD;
            case LOWER_IS_BETTER -> direction == Direction.DOWN ? Reading.GOOD : Reading.BAD;
            case NEITHER -> Reading.CONTEXT;
        };
    }

    /** The whole explanation of one signal on a chart whose points are labelled {@code labels}. */
    String explain(Spc.Found s, ControlChart chart, List<String> labels) {
        String unitWord = unitWord();
        String what = switch (s.rule()) {
            case OUTSIDE_LIMITS -> {
                boolean up = s.direction() == Direction.UP;
                yield name + " in " + labels.get(s.index()) + " (" + number(chart.value(s.index())) + ") is "
                        + (up ? "above the upper" : "below the lower") + " control limit ("
                        + number(up ? chart.upper(s.index()) : chart.lower(s.index())) + "). Ordinary "
                        + unitWord + "-to-" + unitWord + " variation would very rarely produce this: something has"
                        + " changed.";
            }
            case RUN_OF_8 -> {
                int count = s.to() - s.from() + 1;
                boolean latest = s.to() == chart.size() - 1;
                yield (latest ? "The last " : "The ") + count + " " + unitWord + "s"
                        + " (" + labels.get(s.from()) + " to " + labels.get(s.to()) + ") have all been "
                        + (s.direction() == Direction.UP ? "above" : "below") + " the average of the baseline ("
                        + number(chart.centre()) + "): a sustained shift, not chance.";
            }
            case TREND_OF_6 -> {
                int count = s.to() - s.from() + 1;
                yield capitalise(words(count)) + " " + unitWord + "s in a row have "
                        + (s.direction() == Direction.UP ? "risen" : "fallen") + " ("
                        + labels.get(s.from()) + " " + number(chart.value(s.from())) + " to "
                        + labels.get(s.to()) + " " + number(chart.value(s.to()))
                        + "): a trend worth investigating.";
            }
        };
        return what + " " + polaritySentence(s.direction());
    }

    String polaritySentence(Direction direction) {
        return switch (reading(polarity, direction)) {
            case GOOD ->
                (polarity == Polarity.HIGHER_IS_BETTER ? "Higher" : "Lower")
                        + " is better for this indicator, so this is good news.";
            case BAD ->
                (polarity == Polarity.HIGHER_IS_BETTER ? "Higher" : "Lower")
                        + " is better for this indicator, so this is a concern.";
            case CONTEXT -> "Neither direction is better in itself for this indicator: read it in context.";
        };
    }

    /** A value as the indicator shows it: grouped thousands, its decimals and unit. */
    String number(double value) {
        return String.format(Locale.UK, "%,." + decimals + "f", value) + unit;
    }

    private String unitWord() {
        return switch (frequency) {
            case MONTHLY -> "month";
            case QUARTERLY -> "quarter";
            case ANNUAL -> "year";
        };
    }

    private static String words(int n) {
        return n < NUMBERS.size() ? NUMBERS.get(n) : String.valueOf(n);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
