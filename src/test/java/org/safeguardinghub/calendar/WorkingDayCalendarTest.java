package org.safeguardinghub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar england = WorkingDayCalendar.england();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class BundledData {

        @Test
        void knowsTwentyFourteenToTwentyThirtyAndProjectsAfter() {
            assertThat(england.firstCovered()).isEqualTo(d("2014-01-01"));
            assertThat(england.knownUntil()).isEqualTo(d("2030-12-31"));
            assertThat(england.lastCovered()).isEqualTo(d("2999-12-31"));
            assertThat(england.isProjected(d("2030-12-31"))).isFalse();
            assertThat(england.isProjected(d("2031-01-01"))).isTrue();
        }

        @Test
        void isLoadedOnceAndCached() {
            assertThat(WorkingDayCalendar.england()).isSameAs(england);
        }

        @Test
        void hasEightHolidaysInAnOrdinaryYearAndTheExtraOnesInTwentyTwentyTwoAndThree() {
            Map<Integer, Long> perYear = england.bankHolidaysBetween(d("2014-01-01"), d("2030-12-31")).stream()
                    .collect(Collectors.groupingBy(h -> h.date().getYear(), Collectors.counting()));

            assertThat(perYear).hasSize(17);
            perYear.forEach((year, count) -> {
                long expected = switch (year) {
                    case 2022 -> 10; // Platinum Jubilee day and the Queen's State Funeral
                    case 2023 -> 9; // Coronation of King Charles III
                    default -> 8; // 2020 too: early May was moved for VE day, not added
                };
                assertThat(count).as("bank holidays in %d", year).isEqualTo(expected);
            });
        }

        @Test
        void everyBankHolidayFallsOnAWeekday() {
            // A holiday on a weekend would be a data error: substitute days exist so that this never happens.
            assertThat(england.bankHolidaysBetween(d("2014-01-01"), d("2030-12-31")))
                    .allSatisfy(h -> assertThat(h.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "2024-03-29|Good Friday",
                    "2024-04-01|Easter Monday",
                    "2025-04-18|Good Friday",
                    "2025-04-21|Easter Monday",
                    "2014-04-18|Good Friday",
                    "2019-04-22|Easter Monday",
                    "2016-03-25|Good Friday", // an early Easter
                    "2030-04-22|Easter Monday", // a late Easter
                    "2015-12-28|Boxing Day (substitute day)", // Boxing Day on a Saturday
                    "2016-12-27|Christmas Day (substitute day)", // Christmas on a Sunday
                    "2017-01-02|New Year's Day (substitute day)", // New Year's Day on a Sunday
                    "2020-05-08|Early May bank holiday (VE day)",
                    "2020-12-28|Boxing Day (substitute day)",
                    "2021-12-27|Christmas Day (substitute day)", // Christmas on a Saturday
                    "2021-12-28|Boxing Day (substitute day)",
                    "2022-01-03|New Year's Day (substitute day)", // New Year's Day on a Saturday
                    "2022-06-02|Spring bank holiday",
                    "2022-06-03|Platinum Jubilee bank holiday",
                    "2022-09-19|Bank Holiday for the State Funeral of Queen Elizabeth II",
                    "2022-12-26|Boxing Day",
                    "2022-12-27|Christmas Day (substitute day)",
                    "2023-05-08|Bank holiday for the coronation of King Charles III",
                    "2026-12-28|Boxing Day (substitute day)",
                    "2027-12-27|Christmas Day (substitute day)",
                    "2027-12-28|Boxing Day (substitute day)",
                    "2028-01-03|New Year's Day (substitute day)",
                })
        void knowsRealBankHolidays(LocalDate date, String title) {
            assertThat(england.isBankHoliday(date)).isTrue();
            assertThat(england.isWorkingDay(date)).isFalse();
            assertThat(england.bankHolidaysBetween(date, date)).containsExactly(new BankHoliday(date, title));
        }

        @ParameterizedTest
        @CsvSource({
            "2020-05-04", // the usual early May Monday, moved to Friday 8 May in 2020
            "2022-05-30", // the usual spring Monday, moved to Thursday 2 June in 2022
            "2021-12-29",
            "2023-12-27",
            "2024-03-28", // Maundy Thursday is a working day
            "2024-04-02"
        })
        void ordinaryWeekdaysAreWorkingDays(LocalDate date) {
            assertThat(england.isWorkingDay(date)).isTrue();
            assertThat(england.isBankHoliday(date)).isFalse();
        }

        @Test
        void weekendsAreNotWorkingDays() {
            assertThat(england.isWorkingDay(d("2024-06-08"))).as("Saturday").isFalse();
            assertThat(england.isWorkingDay(d("2024-06-09"))).as("Sunday").isFalse();
            assertThat(england.isWorkingDay(d("2024-06-10"))).as("Monday").isTrue();
        }

        /**
         * Re-derives every year from the rules (Gregorian Easter computus, fixed Mondays, substitute days) plus the
         * announced one-off changes, independently of the script that generated the CSV, and demands an exact match.
         */
        @Test
        void matchesTheRulesAndOneOffChangesExactly() {
            Set<LocalDate> expected = new TreeSet<>();
            for (int year = 2014; year <= 2030; year++) {
                expected.addAll(ruleBasedHolidays(year));
            }
            // One-offs by royal proclamation.
            expected.remove(d("2020-05-04"));
            expected.add(d("2020-05-08"));
            expected.remove(d("2022-05-30"));
            expected.add(d("2022-06-02"));
            expected.add(d("2022-06-03"));
            expected.add(d("2022-09-19"));
            expected.add(d("2023-05-08"));

            Set<LocalDate> actual = england.bankHolidaysBetween(d("2014-01-01"), d("2030-12-31")).stream()
                    .map(BankHoliday::date)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(actual).containsExactlyElementsOf(expected);
        }

        private static Set<LocalDate> ruleBasedHolidays(int year) {
            Set<LocalDate> days = new HashSet<>();
            days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
            LocalDate easter = easterSunday(year);
            days.add(easter.minusDays(2));
            days.add(easter.plusDays(1));
            days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
            days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
            days.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
            // Christmas takes the first free weekday on or after the 25th, then Boxing Day the next free one.
            LocalDate christmas = weekdayOnOrAfter(LocalDate.of(year, 12, 25));
            days.add(christmas);
            LocalDate boxing = weekdayOnOrAfter(LocalDate.of(year, 12, 26));
            if (boxing.equals(christmas)) {
                boxing = weekdayOnOrAfter(boxing.plusDays(1));
            }
            days.add(boxing);
            return days;
        }

        private static LocalDate weekdayOnOrAfter(LocalDate date) {
            LocalDate day = date;
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            return day;
        }

        /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
        private static LocalDate easterSunday(int year) {
            int a = year % 19;
            int b = year / 100;
            int c = year % 100;
            int d = b / 4;
            int e = b % 4;
            int f = (b + 8) / 25;
            int g = (b - f + 1) / 3;
            int h = (19 * a + b - d - g + 15) % 30;
            int i = c / 4;
            int k = c % 4;
            int l = (32 + 2 * e + 2 * i - h - k) % 7;
            int m = (a + 11 * h + 22 * l) / 451;
            int month = (h + l - 7 * m + 114) / 31;
            int day = (h + l - 7 * m + 114) % 31 + 1;
            return LocalDate.of(year, month, day);
        }

        @Test
        void easterAlgorithmInThisTestIsItselfRight() {
            // Known Easter Sundays, so a broken computus cannot make the exact-match test above pass by accident.
            assertThat(easterSunday(2016)).isEqualTo(d("2016-03-27"));
            assertThat(easterSunday(2019)).isEqualTo(d("2019-04-21"));
            assertThat(easterSunday(2024)).isEqualTo(d("2024-03-31"));
            assertThat(easterSunday(2025)).isEqualTo(d("2025-04-20"));
        }
    }

    @Nested
    class AddingWorkingDays {

        @Test
        void skipsChristmasAndBoxingDay2023() {
            // Monday 18 Dec 2023: Tue 19 (1), Wed 20 (2), Thu 21 (3), Fri 22 (4), weekend 23-24,
            // Mon 25 Christmas and Tue 26 Boxing Day are bank holidays, Wed 27 (5).
            assertThat(england.addWorkingDays(d("2023-12-18"), 5)).isEqualTo(d("2023-12-27"));
        }

        @Test
        void skipsTheEasterWeekend2024() {
            // Thu 28 Mar 2024: Fri 29 Good Friday, weekend, Mon 1 Apr Easter Monday, so Tue 2 Apr is the 1st.
            assertThat(england.addWorkingDays(d("2024-03-28"), 1)).isEqualTo(d("2024-04-02"));
        }

        @Test
        void countsFifteenWorkingDaysOverChristmas2026WithTheSubstituteBoxingDay() {
            // Mon 14 Dec 2026: 15-18 Dec (1-4), 21-24 Dec (5-8), Fri 25 Christmas, weekend, Mon 28 Boxing Day
            // (substitute: Boxing Day is a Saturday), 29-31 Dec (9-11), Fri 1 Jan 2027 New Year's Day, weekend,
            // 4-7 Jan (12-15).
            assertThat(england.addWorkingDays(d("2026-12-14"), 15)).isEqualTo(d("2027-01-07"));
        }

        @Test
        void theSubstituteDayMakesADifference() {
            // The same sum on a calendar that forgot 28 Dec 2026 lands a day early, so the test above is sensitive
            // to the substitute day.
            Set<LocalDate> withoutSubstitute = england.bankHolidaysBetween(d("2014-01-01"), d("2030-12-31")).stream()
                    .map(BankHoliday::date)
                    .filter(date -> !date.equals(d("2026-12-28")))
                    .collect(Collectors.toSet());
            assertThat(WorkingDayCalendar.of(withoutSubstitute).addWorkingDays(d("2026-12-14"), 15))
                    .isEqualTo(d("2027-01-06"));
        }

        @Test
        void neverCountsTheStartDay() {
            // Starting on a Saturday: Mon (1) ... Fri (5).
            assertThat(england.addWorkingDays(d("2024-06-08"), 5)).isEqualTo(d("2024-06-14"));
            // Starting on a Monday: Tue (1) ... Mon (5).
            assertThat(england.addWorkingDays(d("2024-06-10"), 5)).isEqualTo(d("2024-06-17"));
            assertThat(england.addWorkingDays(d("2024-06-14"), 1))
                    .as("Friday + 1")
                    .isEqualTo(d("2024-06-17"));
        }

        @Test
        void zeroDaysIsTheStartIfWorkingOtherwiseTheNextWorkingDay() {
            assertThat(england.addWorkingDays(d("2024-06-10"), 0)).isEqualTo(d("2024-06-10"));
            // Saturday 30 Mar 2024: Sunday, then Easter Monday, so Tuesday 2 April.
            assertThat(england.addWorkingDays(d("2024-03-30"), 0)).isEqualTo(d("2024-04-02"));
        }

        @Test
        void rejectsNegativeDays() {
            assertThatThrownBy(() -> england.addWorkingDays(d("2024-06-10"), -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }

        @Test
        void agreesWithWorkingDaysBetween() {
            for (LocalDate start = d("2022-11-20"); start.isBefore(d("2023-02-01")); start = start.plusDays(1)) {
                for (int n = 1; n <= 25; n++) {
                    LocalDate end = england.addWorkingDays(start, n);
                    assertThat(england.isWorkingDay(end)).isTrue();
                    assertThat(england.workingDaysBetween(start, end))
                            .as("%s + %d = %s", start, n, end)
                            .isEqualTo(n);
                }
            }
        }
    }

    @Nested
    class CountingWorkingDays {

        @Test
        void countsAfterTheFirstDateUpToAndIncludingTheSecond() {
            assertThat(england.workingDaysBetween(d("2023-12-18"), d("2023-12-27")))
                    .isEqualTo(5);
            assertThat(england.workingDaysBetween(d("2024-03-28"), d("2024-04-02")))
                    .isEqualTo(1);
            assertThat(england.workingDaysBetween(d("2024-06-10"), d("2024-06-10")))
                    .isZero();
            // Fri to the next Mon: only Monday counts.
            assertThat(england.workingDaysBetween(d("2024-06-07"), d("2024-06-10")))
                    .isEqualTo(1);
            // Over a weekend that contains no working day.
            assertThat(england.workingDaysBetween(d("2024-06-07"), d("2024-06-09")))
                    .isZero();
        }

        @Test
        void aWholeYearHasTheWeekdaysLessTheBankHolidays() {
            // 2023 has 260 weekdays (365 days, starting on a Sunday) and 9 bank holidays, all on weekdays.
            assertThat(england.workingDaysBetween(d("2022-12-31"), d("2023-12-31")))
                    .isEqualTo(251);
        }

        @Test
        void isNegativeAndSymmetricWhenReversed() {
            assertThat(england.workingDaysBetween(d("2023-12-27"), d("2023-12-18")))
                    .isEqualTo(-5);
            List<LocalDate> dates = List.of(
                    d("2014-01-01"),
                    d("2020-05-08"),
                    d("2021-12-25"),
                    d("2022-06-04"),
                    d("2024-03-31"),
                    d("2030-12-31"));
            for (LocalDate a : dates) {
                for (LocalDate b : dates) {
                    assertThat(england.workingDaysBetween(a, b))
                            .as("%s..%s", a, b)
                            .isEqualTo(-england.workingDaysBetween(b, a));
                }
            }
        }
    }

    @Nested
    class Coverage {

        @Test
        void refusesDatesBeforeTheFirstCoveredDay() {
            assertThatThrownBy(() -> england.isWorkingDay(d("2013-12-31")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2013-12-31")
                    .hasMessageContaining("2014-01-01")
                    .hasMessageContaining("2999-12-31");
        }

        @Test
        void answersAfterThePublishedListWithProjectedHolidays() {
            assertThat(england.isWorkingDay(d("2031-01-01"))).isFalse(); // New Year's Day 2031, projected
            assertThat(england.workingDaysBetween(d("2030-12-01"), d("2031-01-02")))
                    .isEqualTo(21);
            assertThat(england.bankHolidaysBetween(d("2030-12-25"), d("2031-01-01")))
                    .containsExactly(
                            new BankHoliday(d("2030-12-25"), "Christmas Day"),
                            new BankHoliday(d("2030-12-26"), "Boxing Day"),
                            new BankHoliday(d("2031-01-01"), "New Year's Day", true));
            assertThatThrownBy(() -> england.bankHolidaysBetween(d("2013-01-01"), d("2014-12-31")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> england.isWorkingDay(d("3000-01-01")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void acceptsTheFirstAndLastCoveredDays() {
            assertThat(england.isWorkingDay(d("2014-01-01"))).isFalse(); // New Year's Day
            assertThat(england.isWorkingDay(d("2030-12-31"))).isTrue();
            assertThat(england.covers(d("2014-01-01"))).isTrue();
            assertThat(england.covers(d("2013-12-31"))).isFalse();
        }

        @Test
        void addsWorkingDaysAcrossTheEndOfThePublishedList() {
            // Fri 20 Dec 2030: Mon 23 (1), Tue 24 (2), 25-26 holidays, Fri 27 (3), Mon 30 (4), Tue 31 (5),
            // Wed 1 Jan 2031 New Year's Day (projected), Thu 2 (6).
            assertThat(england.addWorkingDays(d("2030-12-20"), 5)).isEqualTo(d("2030-12-31"));
            assertThat(england.addWorkingDays(d("2030-12-20"), 6)).isEqualTo(d("2031-01-02"));
        }
    }

    @Nested
    class ProjectedHolidays {

        /** Years whose holidays follow the usual rules: no proclamation moved or added a day. */
        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(
                ints = {2014, 2015, 2016, 2017, 2018, 2019, 2021, 2024, 2025, 2026, 2027, 2028, 2029, 2030})
        void theRulesGiveThePublishedDatesAndTitles(int year) {
            List<BankHoliday> published =
                    england.bankHolidaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            List<BankHoliday> generated = EnglandAndWalesRules.holidays(year).stream()
                    .map(h -> new BankHoliday(h.date(), h.title()))
                    .toList();
            assertThat(generated).containsExactlyElementsOf(published);
            assertThat(EnglandAndWalesRules.holidays(year)).allMatch(BankHoliday::projected);
        }

        @Test
        void yearsWithAProclamationDifferAsExpected() {
            // 2020: early May moved to Friday 8 May for VE day; the rules give Monday 4 May
            assertThat(EnglandAndWalesRules.holidays(2020))
                    .extracting(BankHoliday::date)
                    .contains(d("2020-05-04"))
                    .doesNotContain(d("2020-05-08"));
            assertThat(england.isBankHoliday(d("2020-05-08"))).isTrue();
        }

        @Test
        void easterFollowsTheGregorianComputus() {
            assertThat(EnglandAndWalesRules.easterSunday(2031)).isEqualTo(d("2031-04-13"));
            assertThat(EnglandAndWalesRules.easterSunday(2038)).isEqualTo(d("2038-04-25")); // latest possible
            assertThat(EnglandAndWalesRules.easterSunday(2285)).isEqualTo(d("2285-03-22")); // earliest possible
        }

        @Test
        void substituteDaysForAWeekendChristmasAndNewYear() {
            // 2032: Christmas on Saturday, Boxing Day on Sunday; 2033: New Year's Day on Saturday
            assertThat(england.bankHolidaysBetween(d("2032-12-24"), d("2033-01-04")))
                    .extracting(BankHoliday::date, BankHoliday::title)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(d("2032-12-27"), "Christmas Day (substitute day)"),
                            org.assertj.core.groups.Tuple.tuple(d("2032-12-28"), "Boxing Day (substitute day)"),
                            org.assertj.core.groups.Tuple.tuple(d("2033-01-03"), "New Year's Day (substitute day)"));
        }

        @Test
        void anOfficialListReplacesTheProjectedYears() {
            // an official 2031 list with a one-off holiday on Friday 9 May that the rules cannot know
            List<BankHoliday> official = new java.util.ArrayList<>(EnglandAndWalesRules.holidays(2031));
            official.add(new BankHoliday(d("2031-05-09"), "A one-off holiday"));
            WorkingDayCalendar loaded = england.withOfficial(official, 2031, 2031);

            assertThat(loaded.knownUntil()).isEqualTo(d("2031-12-31"));
            assertThat(loaded.isProjected(d("2031-05-09"))).isFalse();
            assertThat(loaded.isBankHoliday(d("2031-05-09"))).isTrue();
            assertThat(england.isBankHoliday(d("2031-05-09"))).isFalse();
            assertThat(loaded.bankHolidaysBetween(d("2031-01-01"), d("2031-12-31")))
                    .hasSize(9)
                    .noneMatch(BankHoliday::projected);
            assertThat(loaded.isProjected(d("2032-01-01"))).isTrue();
            assertThat(loaded.isBankHoliday(d("2032-01-01"))).isTrue();
        }

        @Test
        void anOfficialListMustJoinOnToTheKnownOne() {
            assertThatThrownBy(() -> england.withOfficial(EnglandAndWalesRules.holidays(2032), 2032, 2032))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2031");
        }
    }

    @Nested
    class BankHolidaysBetween {

        @Test
        void listsTheHolidaysInOrderWithBothEndsIncluded() {
            assertThat(england.bankHolidaysBetween(d("2022-12-26"), d("2023-01-02")))
                    .containsExactly(
                            new BankHoliday(d("2022-12-26"), "Boxing Day"),
                            new BankHoliday(d("2022-12-27"), "Christmas Day (substitute day)"),
                            new BankHoliday(d("2023-01-02"), "New Year's Day (substitute day)"));
        }

        @Test
        void includesTheOneOffsOf2022() {
            assertThat(england.bankHolidaysBetween(d("2022-01-01"), d("2022-12-31")))
                    .hasSize(10)
                    .extracting(BankHoliday::date)
                    .contains(d("2022-06-02"), d("2022-06-03"), d("2022-09-19"))
                    .doesNotContain(d("2022-05-30"));
        }

        @Test
        void isEmptyWhenThereAreNone() {
            assertThat(england.bankHolidaysBetween(d("2024-06-01"), d("2024-07-31")))
                    .isEmpty();
        }

        @Test
        void rejectsAReversedRange() {
            assertThatThrownBy(() -> england.bankHolidaysBetween(d("2024-12-31"), d("2024-01-01")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class CustomCalendars {

        @Test
        void treatsTheGivenDatesAsHolidays() {
            WorkingDayCalendar calendar = WorkingDayCalendar.of(Set.of(d("2024-06-12")));
            assertThat(calendar.isWorkingDay(d("2024-06-12"))).isFalse();
            assertThat(calendar.isWorkingDay(d("2024-06-11"))).isTrue();
            // Christmas is not a holiday in this calendar.
            assertThat(calendar.isWorkingDay(d("2024-12-25"))).isTrue();
            // Mon 10 June: Tue 11 (1), Wed 12 holiday, Thu 13 (2).
            assertThat(calendar.addWorkingDays(d("2024-06-10"), 2)).isEqualTo(d("2024-06-13"));
        }

        @Test
        void canHaveItsOwnCoverage() {
            WorkingDayCalendar calendar = WorkingDayCalendar.of(Set.of(), d("2024-01-01"), d("2024-01-31"));
            assertThat(calendar.firstCovered()).isEqualTo(d("2024-01-01"));
            assertThatThrownBy(() -> calendar.isWorkingDay(d("2024-02-01")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsHolidaysOutsideItsCoverage() {
            assertThatThrownBy(() -> WorkingDayCalendar.of(Set.of(d("2031-01-01"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2031-01-01");
        }

        @Test
        void equalityIsByHolidaysAndCoverage() {
            assertThat(WorkingDayCalendar.of(Set.of(d("2024-06-12"))))
                    .isEqualTo(WorkingDayCalendar.of(Set.of(d("2024-06-12"))))
                    .hasSameHashCodeAs(WorkingDayCalendar.of(Set.of(d("2024-06-12"))))
                    .isNotEqualTo(WorkingDayCalendar.of(Set.of(d("2024-06-13"))));
        }
    }

    @Nested
    class CsvParsing {

        private WorkingDayCalendar parse(String csv) throws IOException {
            return WorkingDayCalendar.fromCsv(new StringReader(csv), d("2024-01-01"), d("2024-12-31"));
        }

        @Test
        void readsCommentsHeaderAndTitlesWithCommas() throws IOException {
            WorkingDayCalendar calendar =
                    parse("# source\ndate,title\n2024-12-25,Christmas Day\n\n2024-12-26,Boxing Day, observed\n");
            assertThat(calendar.bankHolidaysBetween(d("2024-12-01"), d("2024-12-31")))
                    .containsExactly(
                            new BankHoliday(d("2024-12-25"), "Christmas Day"),
                            new BankHoliday(d("2024-12-26"), "Boxing Day, observed"));
        }

        @Test
        void rejectsMissingHeaderBadDatesAndDuplicates() {
            assertThatThrownBy(() -> parse("2024-12-25,Christmas Day\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("header");
            assertThatThrownBy(() -> parse("date,title\n25/12/2024,Christmas Day\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Line 2");
            assertThatThrownBy(() -> parse("date,title\n2024-12-25,Christmas Day\n2024-12-25,Again\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("more than once");
            assertThatThrownBy(() -> parse("date,title\n2024-12-25,\n")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
