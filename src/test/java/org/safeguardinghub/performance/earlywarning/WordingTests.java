package org.safeguardinghub.performance.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Polarity;

/** The plain-words explanation of each kind of signal, and good or bad news by polarity. */
class WordingTests {

    private static final Wording MISSING =
            new Wording("Missing episodes", Polarity.LOWER_IS_BETTER, Frequency.MONTHLY, 0, "");

    private static List<String> months(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(org.safeguardinghub.performance.catalogue.Period.containing(
                            Frequency.MONTHLY,
                            java.time.LocalDate.of(2025, 11, 1).plusMonths(i))
                    .label());
        }
        return labels;
    }

    private static ControlChart chart(List<Double> values, double centre, double lower, double upper) {
        return new ControlChart(
                ControlChart.Kind.XMR,
                values,
                centre,
                Collections.nCopies(values.size(), upper),
                Collections.nCopies(values.size(), lower),
                Math.min(values.size(), 24),
                null);
    }

    @Test
    void aPointAboveTheUpperLimitOfALowerIsBetterIndicatorIsAConcern() {
        List<Double> values = new ArrayList<>(Collections.nCopies(11, 470.0));
        values.add(612.0);
        String text = MISSING.explain(
                new Spc.Found(11, 11, 11, SpcRule.OUTSIDE_LIMITS, Direction.UP),
                chart(values, 470, 379, 561),
                months(12));
        assertThat(text)
                .isEqualTo("Missing episodes in Oct 2026 (612) is above the upper control limit (561). Ordinary"
                        + " month-to-month variation would very rarely produce this: something has changed."
                        + " Lower is better for this indicator, so this is a concern.");
    }

    @Test
    void aRunToTheLatestPointIsASustainedShift() {
        List<Double> values = new ArrayList<>(Collections.nCopies(12, 1200.0));
        Wording cp = new Wording("Children on a child protection plan", Polarity.NEITHER, Frequency.MONTHLY, 0, "");
        String text = cp.explain(
                new Spc.Found(11, 4, 11, SpcRule.RUN_OF_8, Direction.DOWN),
                chart(values, 1236, 1100, 1400),
                months(12));
        assertThat(text)
                .isEqualTo("The last 8 months (Mar 2026 to Oct 2026) have all been below the average of the baseline"
                        + " (1,236): a sustained shift, not chance. Neither direction is better in itself for this"
                        + " indicator: read it in context.");
        // an earlier run is not "the last"
        assertThat(cp.explain(
                        new Spc.Found(10, 3, 10, SpcRule.RUN_OF_8, Direction.UP),
                        chart(values, 1236, 1100, 1400),
                        months(12)))
                .startsWith("The 8 months (Feb 2026 to " + months(12).get(10) + ") have all been above");
    }

    @Test
    void aTrendSaysHowManyPeriodsInWordsAndGoodNewsForHigherIsBetter() {
        List<Double> values = new ArrayList<>(Collections.nCopies(6, 80.0));
        values.addAll(List.of(81.0, 82.0, 83.0, 84.0, 85.5, 86.0));
        Wording timely = new Wording("Assessments on time", Polarity.HIGHER_IS_BETTER, Frequency.QUARTERLY, 1, "%");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            labels.add("Q" + i);
        }
        String text = timely.explain(
                new Spc.Found(10, 5, 11, SpcRule.TREND_OF_6, Direction.UP), chart(values, 80, 70, 90), labels);
        assertThat(text)
                .isEqualTo("Seven quarters in a row have risen (Q5 80.0% to Q11 86.0%): a trend worth investigating."
                        + " Higher is better for this indicator, so this is good news.");
        assertThat(Wording.reading(Polarity.HIGHER_IS_BETTER, Direction.DOWN)).isEqualTo(Wording.Reading.BAD);
        assertThat(Wording.reading(Polarity.LOWER_IS_BETTER, Direction.DOWN)).isEqualTo(Wording.Reading.GOOD);
        assertThat(Wording.reading(Polarity.NEITHER, Direction.UP)).isEqualTo(Wording.Reading.CONTEXT);
    }
}
