package org.safeguardinghub.performance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Formula, IndicatorMaths, RagRule and Period without Spring. */
class CatalogueArithmeticTests {

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void formulaAddsAndSubtractsCodesAndNeverReadsAMissingFigureAsZero() {
        Formula f = Formula.parse("cla_total - cla_uasc + ola_placements");
        assertThat(f.codes()).containsExactly("cla_total", "cla_uasc", "ola_placements");
        assertThat(f.evaluate(Map.of("cla_total", n("1963"), "cla_uasc", n("500"), "ola_placements", n("10"))))
                .contains(n("1473"));
        assertThat(f.evaluate(Map.of("cla_total", n("1963"), "cla_uasc", n("500"))))
                .isEmpty();
        assertThat(Formula.parse("cp_plans-cp_plans_second_time").codes())
                .containsExactly("cp_plans", "cp_plans_second_time");
    }

    @Test
    void formulaRejectsWhatIsNotCodesJoinedByPlusOrMinus() {
        assertThatThrownBy(() -> Formula.parse(" ")).hasMessageContaining("Enter a formula");
        assertThatThrownBy(() -> Formula.parse("cp_plans * 2")).hasMessageContaining("Join data item codes");
        assertThatThrownBy(() -> Formula.parse("cp_plans +")).hasMessageContaining("ends with an operator");
        assertThatThrownBy(() -> Formula.parse("CP_plans")).hasMessageContaining("is not a data item code");
    }

    @Test
    void ratePer10000AndPercentageRoundHalfUp() {
        // 1,338 children on a plan of 343,800 under 18 (2019-20): 38.9 per 10,000
        assertThat(IndicatorMaths.value(n("1338"), n("343800"), Factor.PER_10000, 1))
                .contains(n("38.9"));
        // 342 second-time of 1,338: 25.56...% -> 25.6
        assertThat(IndicatorMaths.value(n("342"), n("1338"), Factor.PERCENT, 1)).contains(n("25.6"));
        assertThat(IndicatorMaths.value(n("1"), n("8"), Factor.PERCENT, 0)).contains(n("13"));
        assertThat(IndicatorMaths.value(n("1212"), null, Factor.COUNT, 0)).contains(n("1212"));
        assertThat(IndicatorMaths.value(n("5"), null, Factor.PER_1000, 1)).isEmpty();
        assertThat(IndicatorMaths.value(n("5"), BigDecimal.ZERO, Factor.PER_1000, 1))
                .isEmpty();
    }

    @Test
    void yearToDateSumsFromAprilAndRollingSumsTwelveMonths() {
        Map<YearMonth, BigDecimal> monthly = new HashMap<>();
        for (YearMonth m = YearMonth.of(2023, 1); !m.isAfter(YearMonth.of(2024, 6)); m = m.plusMonths(1)) {
            monthly.put(m, BigDecimal.valueOf(m.getMonthValue()));
        }
        // April to June 2024: 4 + 5 + 6
        assertThat(IndicatorMaths.yearToDate(monthly, LocalDate.of(2024, 6, 30)))
                .contains(n("15"));
        // Jan to Mar 2024 is the end of 2023-24: April 2023 .. March 2024 = 4+..+12 + 1+2+3
        assertThat(IndicatorMaths.yearToDate(monthly, LocalDate.of(2024, 3, 31)))
                .contains(n("78"));
        // any twelve consecutive months sum to 78
        assertThat(IndicatorMaths.rolling12Months(monthly, LocalDate.of(2024, 6, 30)))
                .contains(n("78"));
    }

    @Test
    void aMissingMonthMakesTheSumEmpty() {
        Map<YearMonth, BigDecimal> monthly = new HashMap<>();
        for (YearMonth m = YearMonth.of(2023, 4); !m.isAfter(YearMonth.of(2024, 3)); m = m.plusMonths(1)) {
            monthly.put(m, BigDecimal.TEN);
        }
        assertThat(IndicatorMaths.rolling12Months(monthly, LocalDate.of(2024, 3, 31)))
                .contains(n("120"));
        monthly.remove(YearMonth.of(2023, 9));
        assertThat(IndicatorMaths.rolling12Months(monthly, LocalDate.of(2024, 3, 31)))
                .isEmpty();
        assertThat(IndicatorMaths.yearToDate(monthly, LocalDate.of(2023, 12, 31)))
                .isEmpty();
        assertThat(IndicatorMaths.yearToDate(monthly, LocalDate.of(2023, 8, 31)))
                .contains(n("50"));
    }

    @Test
    void percentChangeIsOneDecimalAndEmptyFromZero() {
        assertThat(IndicatorMaths.percentChange(n("1212"), n("1336"))).contains(n("-9.3"));
        assertThat(IndicatorMaths.percentChange(n("5"), BigDecimal.ZERO)).isEmpty();
    }

    @Test
    void ragWithABareTargetAndLowerIsBetter() {
        RagRule rule = new RagRule(Polarity.LOWER_IS_BETTER, n("35.7"), null, null);
        assertThat(rule.rate(n("35.7"))).isEqualTo(Rag.GREEN);
        assertThat(rule.rate(n("30"))).isEqualTo(Rag.GREEN);
        assertThat(rule.rate(n("38.0"))).isEqualTo(Rag.AMBER); // within 10% above
        assertThat(rule.rate(n("39.27"))).isEqualTo(Rag.AMBER); // exactly on the tolerance edge
        assertThat(rule.rate(n("39.3"))).isEqualTo(Rag.RED);
        assertThat(rule.rate(null)).isEqualTo(Rag.NONE);
    }

    @Test
    void ragWithExplicitThresholdsAndHigherIsBetter() {
        RagRule rule = new RagRule(Polarity.HIGHER_IS_BETTER, n("90"), n("85"), n("70"));
        assertThat(rule.rate(n("85"))).isEqualTo(Rag.GREEN);
        assertThat(rule.rate(n("84.9"))).isEqualTo(Rag.AMBER);
        assertThat(rule.rate(n("70"))).isEqualTo(Rag.RED);
        assertThat(rule.rate(n("12"))).isEqualTo(Rag.RED);
        RagRule bare = new RagRule(Polarity.HIGHER_IS_BETTER, n("100"), null, null);
        assertThat(bare.rate(n("95"))).isEqualTo(Rag.AMBER);
        assertThat(bare.rate(n("89"))).isEqualTo(Rag.RED);
    }

    @Test
    void noRatingWithoutDirectionOrTarget() {
        assertThat(new RagRule(Polarity.NEITHER, n("10"), null, null).rate(n("50")))
                .isEqualTo(Rag.NONE);
        assertThat(new RagRule(Polarity.LOWER_IS_BETTER, null, null, null).rate(n("50")))
                .isEqualTo(Rag.NONE);
        assertThat(Rag.RED.label()).isEqualTo("Red");
        assertThat(Rag.AMBER.tagClass()).isEqualTo("govuk-tag--yellow");
    }

    @Test
    void financialQuartersAndYearsAndTheirLabels() {
        Period q = Period.containing(Frequency.QUARTERLY, LocalDate.of(2024, 2, 10));
        assertThat(q.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(q.label()).isEqualTo("Q4 2023-24 (Jan to Mar 2024)");
        assertThat(q.shortLabel()).isEqualTo("Q4 23-24");
        Period q1 = Period.containing(Frequency.QUARTERLY, LocalDate.of(2024, 4, 1));
        assertThat(q1.label()).isEqualTo("Q1 2024-25 (Apr to Jun 2024)");
        assertThat(q1.previous()).isEqualTo(q);
        assertThat(q.next()).isEqualTo(q1);

        Period year = Period.containing(Frequency.ANNUAL, LocalDate.of(2024, 3, 31));
        assertThat(year.start()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(year.label()).isEqualTo("2023-24");
        assertThat(year.yearEarlier().label()).isEqualTo("2022-23");

        Period month = Period.endingOn(Frequency.MONTHLY, LocalDate.of(2024, 2, 29));
        assertThat(month.label()).isEqualTo("Feb 2024");
        assertThat(month.shortLabel()).isEqualTo("Feb 24");
        assertThat(month.yearEarlier().end()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThatThrownBy(() -> Period.endingOn(Frequency.QUARTERLY, LocalDate.of(2024, 2, 29)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
