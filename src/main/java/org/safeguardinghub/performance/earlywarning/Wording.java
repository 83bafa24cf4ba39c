package org.safeguardinghub.performance.earlywarning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Polarity;

/**
 * Plain words for an episode: what "Making Data Count" calls it, what the chart shows, and whether the direction is
 * good or bad news for children given the indicator's polarity. Every figure is written as the indicator writes it
 * (its decimals and unit), limits included; an indicator whose value is a total over several months is quoted with
 * the figure it shows, next to the monthly figure the chart is drawn from.
 *
 * @param name the indicator's name, e.g. "Missing episodes"
 * @param unit suffix after a value, e.g. "%" or " per 10,000"
 */
record Wording(String name, Polarity polarity, Frequency frequency, int decimals, String unit) {

    private static final List<String> NUMBERS = List.of(
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");

    /** The whole explanation of one episode on a chart whose points are labelled {@code labels}. */
    String explain(
            Episode e,
            ControlChart chart,
            List<String> labels,
            List<LocalDate> periods,
            SeriesAnalysis.IndicatorRow indicator,
            Map<LocalDate, String> shown) {
        List<String> sentences = new ArrayList<>();
        Variation variation = Variation.of(polarity, e.direction());
        sentences.add(variation.label(e.direction()) + " in " + name + " since " + labels.get(e.from()) + ".");
        String latestShown = shown.get(periods.get(e.to()));
        boolean cumulative = indicator.cumulative();
        if (cumulative && latestShown != null) {
            sentences.add("The indicator shows " + latestShown + " for the "
                    + (indicator.aggregation() == Aggregation.YEAR_TO_DATE ? "year" : "12 months") + " to "
                    + labels.get(e.to()) + "; the chart is of the " + unitWord() + "ly figures behind it.");
        }
        String subject = cumulative ? "The " + unitWord() + "ly figure" : name;
        for (SpcRule rule : e.rules()) {
            MdcRules.Found f = e.found().stream()
                    .filter(x -> x.rule() == rule)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            sentences.add(sentence(f, chart, labels, subject));
        }
        sentences.add(polaritySentence(e.direction()));
        return String.join(" ", sentences);
    }

    private String sentence(MdcRules.Found f, ControlChart chart, List<String> labels, String subject) {
        boolean up = f.direction() == Direction.UP;
        int count = f.to() - f.from() + 1;
        return switch (f.rule()) {
            case OUTSIDE_LIMITS ->
                subject + " for " + labels.get(f.index()) + " (" + number(chart.value(f.index())) + ") is "
                        + (up ? "above the upper" : "below the lower") + " control limit ("
                        + number(up ? chart.upper(f.index()) : chart.lower(f.index())) + "): ordinary " + unitWord()
                        + "-to-" + unitWord() + " variation would very rarely produce it.";
            case RUN_OF_7 ->
                capitalise(words(count)) + " " + unitWord() + "s in a row (" + labels.get(f.from()) + " to "
                        + labels.get(f.to()) + ") have been " + (up ? "above" : "below") + " the average ("
                        + number(chart.centre(f.to())) + "): a sustained shift, not chance.";
            case TREND_OF_6 ->
                capitalise(words(count)) + " " + unitWord() + "s in a row have " + (up ? "risen" : "fallen") + " ("
                        + labels.get(f.from()) + " " + number(chart.value(f.from())) + " to " + labels.get(f.to())
                        + " " + number(chart.value(f.to())) + "): a trend worth investigating.";
            case TWO_OF_THREE ->
                "Two of three " + unitWord() + "s to " + labels.get(f.to()) + " were close to the "
                        + (up ? "upper" : "lower") + " limit (" + (up ? "above " : "below ")
                        + number(chart.centre(f.to()) + (up ? 2 : -2) * chart.sigma(f.to()))
                        + "): more than chance would put there.";
        };
    }

    String polaritySentence(Direction direction) {
        return switch (Variation.of(polarity, direction)) {
            case IMPROVEMENT ->
                (polarity == Polarity.HIGHER_IS_BETTER ? "Higher" : "Lower")
                        + " is better for this indicator, so this is an improvement.";
            case CONCERN ->
                (polarity == Polarity.HIGHER_IS_BETTER ? "Higher" : "Lower")
                        + " is better for this indicator, so this is a concern.";
            default -> "Neither direction is better in itself for this indicator: read it in context.";
        };
    }

    /** A value as the indicator shows it: grouped thousands, its decimals and unit. */
    String number(double value) {
        return String.format(Locale.UK, "%,." + decimals + "f", value) + unit;
    }

    String unitWord() {
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
