package org.safeguardinghub.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguardinghub.shared.ReportingPeriod.AcademicYear;
import org.safeguardinghub.shared.ReportingPeriod.CalendarMonth;
import org.safeguardinghub.shared.ReportingPeriod.CalendarQuarter;
import org.safeguardinghub.shared.ReportingPeriod.FinancialQuarter;
import org.safeguardinghub.shared.ReportingPeriod.FinancialYear;
import org.safeguardinghub.shared.ReportingPeriod.Snapshot;

class ReportingPeriodTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class FinancialYears {

        private final FinancialYear fy2023 = new FinancialYear(2023);

        @Test
        void runsFromAprilToMarch() {
            assertThat(fy2023.type()).isEqualTo(PeriodType.FINANCIAL_YEAR);
            assertThat(fy2023.start()).isEqualTo(d("2023-04-01"));
            assertThat(fy2023.end()).isEqualTo(d("2024-03-31"));
            assertThat(fy2023.label()).isEqualTo("2023-24");
            assertThat(fy2023.code()).isEqualTo("FY2023");
        }

        @Test
        void containsBothEndsAndNothingOutside() {
            assertThat(fy2023.contains(d("2023-04-01"))).isTrue();
            assertThat(fy2023.contains(d("2024-03-31"))).isTrue();
            assertThat(fy2023.contains(d("2023-03-31"))).isFalse();
            assertThat(fy2023.contains(d("2024-04-01"))).isFalse();
        }

        @Test
        void hasNeighbours() {
            assertThat(fy2023.previous().label()).isEqualTo("2022-23");
            assertThat(fy2023.next().label()).isEqualTo("2024-25");
        }

        @Test
        void labelsTheTurnOfACenturyAndDecade() {
            assertThat(new FinancialYear(1999).label()).isEqualTo("1999-00");
            assertThat(new FinancialYear(2009).label()).isEqualTo("2009-10");
        }
    }

    @Nested
    class FinancialQuarters {

        @Test
        void firstQuarterIsAprilToJune() {
            FinancialQuarter q1 = new FinancialQuarter(2023, 1);
            assertThat(q1.start()).isEqualTo(d("2023-04-01"));
            assertThat(q1.end()).isEqualTo(d("2023-06-30"));
            assertThat(q1.label()).isEqualTo("2023-24 Q1");
            assertThat(q1.code()).isEqualTo("FQ2023-1");
            assertThat(q1.financialYear()).isEqualTo(new FinancialYear(2023));
        }

        @Test
        void fourthQuarterIsJanuaryToMarchOfTheNextCalendarYear() {
            FinancialQuarter q4 = new FinancialQuarter(2023, 4);
            assertThat(q4.start()).isEqualTo(d("2024-01-01"));
            assertThat(q4.end()).isEqualTo(d("2024-03-31"));
            assertThat(q4.label()).isEqualTo("2023-24 Q4");
        }

        @Test
        void neighboursCrossTheFinancialYear() {
            assertThat(new FinancialQuarter(2023, 4).next()).isEqualTo(new FinancialQuarter(2024, 1));
            assertThat(new FinancialQuarter(2023, 1).previous()).isEqualTo(new FinancialQuarter(2022, 4));
            assertThat(new FinancialQuarter(2023, 2).next()).isEqualTo(new FinancialQuarter(2023, 3));
        }

        @Test
        void rejectsQuarterFive() {
            assertThatThrownBy(() -> new FinancialQuarter(2023, 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new CalendarQuarter(2023, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class OtherPeriods {

        @Test
        void academicYearRunsFromSeptemberToAugust() {
            AcademicYear ay = new AcademicYear(2023);
            assertThat(ay.start()).isEqualTo(d("2023-09-01"));
            assertThat(ay.end()).isEqualTo(d("2024-08-31"));
            assertThat(ay.label()).isEqualTo("2023/24");
            assertThat(ay.code()).isEqualTo("AY2023");
            assertThat(ay.previous().label()).isEqualTo("2022/23");
            assertThat(ay.next().label()).isEqualTo("2024/25");
            assertThat(ay.contains(d("2023-08-31"))).isFalse();
            assertThat(ay.contains(d("2024-09-01"))).isFalse();
        }

        @Test
        void calendarQuarters() {
            CalendarQuarter q1 = new CalendarQuarter(2024, 1);
            assertThat(q1.start()).isEqualTo(d("2024-01-01"));
            assertThat(q1.end()).isEqualTo(d("2024-03-31"));
            assertThat(q1.label()).isEqualTo("2024 Q1");
            assertThat(q1.code()).isEqualTo("Q2024-1");
            CalendarQuarter q4 = new CalendarQuarter(2024, 4);
            assertThat(q4.start()).isEqualTo(d("2024-10-01"));
            assertThat(q4.end()).isEqualTo(d("2024-12-31"));
            assertThat(q4.next()).isEqualTo(new CalendarQuarter(2025, 1));
            assertThat(q1.previous()).isEqualTo(new CalendarQuarter(2023, 4));
        }

        @Test
        void monthsKnowLeapYears() {
            CalendarMonth feb = new CalendarMonth(YearMonth.of(2024, 2));
            assertThat(feb.start()).isEqualTo(d("2024-02-01"));
            assertThat(feb.end()).isEqualTo(d("2024-02-29"));
            assertThat(feb.label()).isEqualTo("February 2024");
            assertThat(feb.code()).isEqualTo("M2024-02");
            assertThat(new CalendarMonth(YearMonth.of(2023, 2)).end()).isEqualTo(d("2023-02-28"));
            assertThat(new CalendarMonth(YearMonth.of(2024, 12)).next().code()).isEqualTo("M2025-01");
            assertThat(new CalendarMonth(YearMonth.of(2024, 1)).previous().code())
                    .isEqualTo("M2023-12");
        }

        @Test
        void snapshotIsASingleDay() {
            Snapshot snapshot = new Snapshot(d("2024-03-31"));
            assertThat(snapshot.start()).isEqualTo(snapshot.end()).isEqualTo(d("2024-03-31"));
            assertThat(snapshot.label()).isEqualTo("31 March 2024");
            assertThat(snapshot.code()).isEqualTo("S2024-03-31");
            assertThat(snapshot.contains(d("2024-03-31"))).isTrue();
            assertThat(snapshot.contains(d("2024-03-30"))).isFalse();
            assertThat(snapshot.contains(d("2024-04-01"))).isFalse();
            assertThat(snapshot.next().code()).isEqualTo("S2024-04-01");
            assertThat(snapshot.previous().code()).isEqualTo("S2024-03-30");
        }
    }

    @Nested
    class Containing {

        @ParameterizedTest(name = "{0} containing {1} is {2}")
        @CsvSource({
            "FINANCIAL_YEAR, 2024-03-31, FY2023",
            "FINANCIAL_YEAR, 2024-04-01, FY2024",
            "FINANCIAL_QUARTER, 2023-04-01, FQ2023-1",
            "FINANCIAL_QUARTER, 2023-06-30, FQ2023-1",
            "FINANCIAL_QUARTER, 2023-07-01, FQ2023-2",
            "FINANCIAL_QUARTER, 2023-12-31, FQ2023-3",
            "FINANCIAL_QUARTER, 2024-02-10, FQ2023-4",
            "FINANCIAL_QUARTER, 2024-03-31, FQ2023-4",
            "ACADEMIC_YEAR, 2024-08-31, AY2023",
            "ACADEMIC_YEAR, 2024-09-01, AY2024",
            "QUARTER, 2024-06-30, Q2024-2",
            "QUARTER, 2024-07-01, Q2024-3",
            "MONTH, 2024-02-29, M2024-02",
            "SNAPSHOT, 2024-03-31, S2024-03-31",
        })
        void findsThePeriodForADate(PeriodType type, LocalDate date, String code) {
            assertThat(ReportingPeriod.containing(type, date).code()).isEqualTo(code);
        }

        @Test
        void periodsTileTheCalendarWithoutGapsOrOverlaps() {
            for (PeriodType type : PeriodType.values()) {
                for (LocalDate day = d("2022-12-01"); day.isBefore(d("2025-02-01")); day = day.plusDays(1)) {
                    ReportingPeriod period = ReportingPeriod.containing(type, day);
                    assertThat(period.type()).isEqualTo(type);
                    assertThat(period.contains(day))
                            .as("%s contains %s", period, day)
                            .isTrue();
                    assertThat(period.next().start()).isEqualTo(period.end().plusDays(1));
                    assertThat(period.previous().end()).isEqualTo(period.start().minusDays(1));
                    assertThat(period.next().previous()).isEqualTo(period);
                    assertThat(ReportingPeriod.containing(type, period.start())).isEqualTo(period);
                    assertThat(ReportingPeriod.containing(type, period.end())).isEqualTo(period);
                }
            }
        }
    }

    @Nested
    class Parsing {

        @ParameterizedTest
        @ValueSource(strings = {"M2024-03", "Q2024-1", "FQ2023-1", "FQ2023-4", "FY2023", "AY2023", "S2024-03-31"})
        void readsBackEveryKindOfCode(String code) {
            assertThat(ReportingPeriod.parse(code).code()).isEqualTo(code);
        }

        @Test
        void parsesToTheRightPeriods() {
            assertThat(ReportingPeriod.parse("FY2023")).isEqualTo(new FinancialYear(2023));
            assertThat(ReportingPeriod.parse("AY2023")).isEqualTo(new AcademicYear(2023));
            assertThat(ReportingPeriod.parse("FQ2023-1")).isEqualTo(new FinancialQuarter(2023, 1));
            assertThat(ReportingPeriod.parse("Q2024-1")).isEqualTo(new CalendarQuarter(2024, 1));
            assertThat(ReportingPeriod.parse("M2024-03")).isEqualTo(new CalendarMonth(YearMonth.of(2024, 3)));
            assertThat(ReportingPeriod.parse("S2024-03-31")).isEqualTo(new Snapshot(d("2024-03-31")));
        }

        @Test
        void roundTripsEveryPeriodOverSeveralYears() {
            List<ReportingPeriod> periods = new ArrayList<>();
            for (PeriodType type : PeriodType.values()) {
                ReportingPeriod period = ReportingPeriod.containing(type, d("2019-01-01"));
                for (int i = 0; i < 40; i++) {
                    periods.add(period);
                    period = period.next();
                }
            }
            assertThat(periods)
                    .allSatisfy(p -> assertThat(ReportingPeriod.parse(p.code())).isEqualTo(p));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "FY23",
                    "fy2023",
                    " FY2023",
                    "FY2023 ",
                    "M2024-3",
                    "M2024-13",
                    "M2024-00",
                    "Q2024-5",
                    "Q2024-0",
                    "FQ2023",
                    "FQ2023-5",
                    "AY2023-1",
                    "S2024-02-30",
                    "S2024-3-31",
                    "X2024",
                    "FY0999"
                })
        void rejectsInvalidCodesWithAClearMessage(String code) {
            assertThatThrownBy(() -> ReportingPeriod.parse(code))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reporting period code");
        }
    }
}
