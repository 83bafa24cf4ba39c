package org.safeguardinghub.performance.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Aggregation;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.Factor;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.performance.catalogue.PeriodType;
import org.safeguardinghub.performance.catalogue.Polarity;
import org.safeguardinghub.performance.compute.IndicatorCalculator.Series;

/** The calculator's arithmetic and choice of version, without a database. */
class IndicatorCalculatorUnitTests {

    private static DataItem item(String code, PeriodType type) {
        return new DataItem(
                1,
                1,
                code,
                code,
                "",
                "COUNT",
                type,
                Frequency.MONTHLY,
                1L,
                "A",
                EnumSet.of(Breakdown.DISTRICT),
                true,
                null,
                null,
                false,
                0);
    }

    private static IndicatorDefinition def(
            int version,
            String numerator,
            String denominator,
            Factor factor,
            Aggregation aggregation,
            LocalDate from,
            boolean recomputed) {
        return new IndicatorDefinition(
                7,
                1,
                "x",
                "X",
                version,
                numerator,
                "",
                denominator,
                "",
                factor,
                aggregation,
                1,
                Polarity.NEITHER,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                "",
                from,
                recomputed,
                0);
    }

    @Test
    void rollingTwelveMonthsFallsBackToThePublishedCompanionTotal() {
        Series series = new Series(Map.of(
                "m", item("m", PeriodType.MONTHLY),
                "m_12m", item("m_12m", PeriodType.ROLLING_12_MONTHS),
                "pop", item("pop", PeriodType.SNAPSHOT)));
        LocalDate march = LocalDate.of(2024, 3, 31);
        series.put("m_12m", Series.TOTAL, march, new BigDecimal("5684"), new BigDecimal("5684"), false);
        series.put(
                "pop",
                Series.TOTAL,
                LocalDate.of(2023, 3, 31),
                new BigDecimal("342400"),
                new BigDecimal("342400"),
                false);
        IndicatorDefinition d = def(1, "m", "pop", Factor.PER_10000, Aggregation.ROLLING_12_MONTHS, march, false);
        Series.Result r = series.compute(d, Series.TOTAL, march).orElseThrow();
        assertThat(r.numerator()).isEqualByComparingTo("5684");
        assertThat(r.value()).isEqualByComparingTo("166.0");

        // with twelve monthly values (one of them revised after publication and one fictional) the months win
        for (YearMonth m = YearMonth.of(2023, 4); !m.isAfter(YearMonth.of(2024, 3)); m = m.plusMonths(1)) {
            boolean fictional = m.getMonthValue() == 6;
            series.put(
                    "m",
                    Series.TOTAL,
                    m.atEndOfMonth(),
                    new BigDecimal("500"),
                    new BigDecimal(m.getMonthValue() == 1 ? "400" : "500"),
                    fictional);
        }
        Series.Result months = series.compute(d, Series.TOTAL, march).orElseThrow();
        assertThat(months.numerator()).isEqualByComparingTo("6000");
        assertThat(months.firstValue()).isEqualByComparingTo("172.3"); // 5,900 / 342,400
        assertThat(months.fictional()).isTrue();
        assertThat(series.supports(d, new Series.Key("DISTRICT", "Thanet"))).isTrue();
        assertThat(series.supports(d, new Series.Key("GENDER", "1"))).isFalse();
    }

    @Test
    void theVersionInForceFollowsEffectiveDatesUnlessHistoryWasRecomputed() {
        IndicatorDefinition v1 = def(1, "a", null, Factor.COUNT, Aggregation.LATEST, LocalDate.of(2014, 4, 1), false);
        IndicatorDefinition v2 =
                def(2, "a + b", null, Factor.COUNT, Aggregation.LATEST, LocalDate.of(2020, 4, 1), false);
        List<IndicatorDefinition> all = List.of(v1, v2);
        assertThat(IndicatorCalculator.inForce(all, v2, LocalDate.of(2020, 3, 31)))
                .isEqualTo(v1);
        assertThat(IndicatorCalculator.inForce(all, v2, LocalDate.of(2020, 4, 30)))
                .isEqualTo(v2);
        assertThat(IndicatorCalculator.inForce(all, v2, LocalDate.of(2010, 3, 31)))
                .as("before any")
                .isEqualTo(v1);
        IndicatorDefinition v2recomputed =
                def(2, "a + b", null, Factor.COUNT, Aggregation.LATEST, LocalDate.of(2020, 4, 1), true);
        assertThat(IndicatorCalculator.inForce(List.of(v1, v2recomputed), v2recomputed, LocalDate.of(2015, 3, 31)))
                .isEqualTo(v2recomputed);
    }
}
