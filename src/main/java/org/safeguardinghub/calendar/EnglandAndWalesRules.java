package org.safeguardinghub.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The usual bank holidays of England and Wales, generated for a year that the published list does not reach yet.
 *
 * <p>The Banking and Financial Dealings Act 1971 (schedule 1) and the annual royal proclamations give eight days:
 * New Year's Day (1 January, or the next Monday when it falls at a weekend), Good Friday and Easter Monday (from the
 * date of Easter Sunday, Gregorian computus), the early May bank holiday (first Monday in May), the spring bank
 * holiday (last Monday in May), the summer bank holiday (last Monday in August), Christmas Day and Boxing Day. When
 * Christmas Day or Boxing Day falls at a weekend, the substitute day is the next weekday not already a holiday.
 *
 * <p>One-off holidays (jubilees, coronations, state funerals) and moved days (the 2020 early May holiday) are
 * announced by proclamation and cannot be generated: that is why a generated holiday is marked
 * {@linkplain BankHoliday#projected() projected} and the official list should be loaded when GOV.UK publishes it.
 */
final class EnglandAndWalesRules {

    private EnglandAndWalesRules() {}

    /** The eight usual bank holidays of the year, in date order, each marked projected. */
    static List<BankHoliday> holidays(int year) {
        List<BankHoliday> list = new ArrayList<>(8);
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (weekend(newYear)) {
            list.add(projected(
                    newYear.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), "New Year's Day (substitute day)"));
        } else {
            list.add(projected(newYear, "New Year's Day"));
        }
        LocalDate easter = easterSunday(year);
        list.add(projected(easter.minusDays(2), "Good Friday"));
        list.add(projected(easter.plusDays(1), "Easter Monday"));
        LocalDate may = LocalDate.of(year, Month.MAY, 1);
        list.add(projected(may.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)), "Early May bank holiday"));
        list.add(projected(may.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Spring bank holiday"));
        list.add(projected(
                LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Summer bank holiday"));
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        LocalDate boxing = christmas.plusDays(1);
        switch (christmas.getDayOfWeek()) {
            case FRIDAY -> { // Boxing Day on Saturday: substitute Monday 28
                list.add(projected(christmas, "Christmas Day"));
                list.add(projected(christmas.plusDays(3), "Boxing Day (substitute day)"));
            }
            case SATURDAY -> { // Monday 27 and Tuesday 28
                list.add(projected(christmas.plusDays(2), "Christmas Day (substitute day)"));
                list.add(projected(christmas.plusDays(3), "Boxing Day (substitute day)"));
            }
            case SUNDAY -> { // Boxing Day on Monday 26 stands; Christmas moves to Tuesday 27
                list.add(projected(boxing, "Boxing Day"));
                list.add(projected(christmas.plusDays(2), "Christmas Day (substitute day)"));
            }
            default -> {
                list.add(projected(christmas, "Christmas Day"));
                list.add(projected(boxing, "Boxing Day"));
            }
        }
        return List.copyOf(list);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
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
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static BankHoliday projected(LocalDate date, String title) {
        return new BankHoliday(date, title, true);
    }
}
