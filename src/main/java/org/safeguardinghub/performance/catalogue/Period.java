package org.safeguardinghub.performance.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A reporting period: a calendar month, a financial quarter (Q1 is April to June) or a financial year (April to
 * March). Values are keyed by the period's last day.
 */
public record Period(Frequency frequency, LocalDate start, LocalDate end) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    /** The period of {@code frequency} that contains {@code date}. */
    public static Period containing(Frequency frequency, LocalDate date) {
        YearMonth month = YearMonth.from(date);
        return switch (frequency) {
            case MONTHLY -> new Period(frequency, month.atDay(1), month.atEndOfMonth());
            case QUARTERLY -> {
                // financial quarters start in April, July, October and January
                int offset = (month.getMonthValue() - 1) % 3;
                YearMonth first = month.minusMonths(offset);
                yield new Period(frequency, first.atDay(1), first.plusMonths(2).atEndOfMonth());
            }
            case ANNUAL -> {
                int startYear = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
                yield new Period(frequency, LocalDate.of(startYear, 4, 1), LocalDate.of(startYear + 1, 3, 31));
            }
        };
    }

    /** The period of {@code frequency} that ends on {@code end}; throws if no period ends that day. */
    public static Period endingOn(Frequency frequency, LocalDate end) {
        Period p = containing(frequency, end);
        if (!p.end().equals(end)) {
            throw new IllegalArgumentException(
                    "No " + frequency.label().toLowerCase(Locale.ROOT) + " period ends on " + end);
        }
        return p;
    }

    public Period previous() {
        return containing(frequency, start.minusDays(1));
    }

    public Period next() {
        return containing(frequency, end.plusDays(1));
    }

    /** The same period a year earlier. */
    public Period yearEarlier() {
        return containing(frequency, end.minusYears(1).withDayOfMonth(1));
    }

    /** "Mar 2024", "Q4 2023-24 (Jan to Mar 2024)" or "2023-24". */
    public String label() {
        return switch (frequency) {
            case MONTHLY -> MONTH.format(start);
            case QUARTERLY -> {
                int fyStart = start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1;
                int q = ((start.getMonthValue() + 8) % 12) / 3 + 1;
                yield "Q" + q + " " + financialYear(fyStart) + " ("
                        + MONTH.format(start).substring(0, 3) + " to " + MONTH.format(end) + ")";
            }
            case ANNUAL -> financialYear(start.getYear());
        };
    }

    /** A short label for chart axes: "Mar 24", "Q4 23-24", "2023-24". */
    public String shortLabel() {
        return switch (frequency) {
            case MONTHLY -> DateTimeFormatter.ofPattern("MMM yy", Locale.UK).format(start);
            case QUARTERLY -> {
                int fyStart = start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1;
                int q = ((start.getMonthValue() + 8) % 12) / 3 + 1;
                yield "Q" + q + " " + String.format("%02d-%02d", fyStart % 100, (fyStart + 1) % 100);
            }
            case ANNUAL -> financialYear(start.getYear());
        };
    }

    static String financialYear(int startYear) {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
