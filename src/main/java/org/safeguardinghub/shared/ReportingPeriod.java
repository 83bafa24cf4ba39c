package org.safeguardinghub.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A period that figures are reported for: a calendar month or quarter, a financial quarter or year (April to March, as
 * used in local authority and NHS returns), an academic year (September to August, as used for schools), or a single
 * snapshot day.
 *
 * <p>Every period has a stable {@link #code()} (for example {@code FY2023} for the financial year 2023-24) that is safe
 * to store in a database or a URL and can be read back with {@link #parse(String)}, and a human {@link #label()} for
 * screens and reports. Start and end dates are both inclusive.
 */
public sealed interface ReportingPeriod
        permits ReportingPeriod.CalendarMonth,
                ReportingPeriod.CalendarQuarter,
                ReportingPeriod.FinancialQuarter,
                ReportingPeriod.FinancialYear,
                ReportingPeriod.AcademicYear,
                ReportingPeriod.Snapshot {

    /** The kind of period. */
    PeriodType type();

    /** First day of the period (inclusive). */
    LocalDate start();

    /** Last day of the period (inclusive). */
    LocalDate end();

    /** A label for people, such as {@code "2023-24 Q1"} or {@code "2023/24"}. */
    String label();

    /** A stable code that {@link #parse(String)} reads back, such as {@code "FQ2023-1"}. */
    String code();

    /** The period of the same type immediately before this one. */
    ReportingPeriod previous();

    /** The period of the same type immediately after this one. */
    ReportingPeriod next();

    /** Whether {@code date} falls within this period, both ends included. */
    default boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** The period of the given type that contains {@code date}. */
    static ReportingPeriod containing(PeriodType type, LocalDate date) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        return switch (type) {
            case MONTH -> new CalendarMonth(YearMonth.from(date));
            case QUARTER -> new CalendarQuarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
            case FINANCIAL_QUARTER -> {
                // Months since the start of the financial year: April = 0 ... March = 11.
                int offset = (date.getMonthValue() + 8) % 12;
                yield new FinancialQuarter(financialYearStarting(date), offset / 3 + 1);
            }
            case FINANCIAL_YEAR -> new FinancialYear(financialYearStarting(date));
            case ACADEMIC_YEAR -> new AcademicYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
            case SNAPSHOT -> new Snapshot(date);
        };
    }

    /**
     * Reads a code produced by {@link #code()}: {@code M2024-03}, {@code Q2024-1}, {@code FQ2023-1}, {@code FY2023},
     * {@code AY2023} or {@code S2024-03-31}. Codes are case-sensitive and must match exactly.
     *
     * @throws IllegalArgumentException if the code is not a valid period code
     */
    static ReportingPeriod parse(String code) {
        return PeriodCodes.parse(code);
    }

    private static int financialYearStarting(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    /** Year range keeps every code and label four-digit (and the end year of a 2-year label valid). */
    private static void requireYear(int year) {
        if (year < 1000 || year > 9998) {
            throw new IllegalArgumentException("Year out of range for a reporting period: " + year);
        }
    }

    private static void requireQuarter(int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("Quarter must be 1 to 4, was " + quarter);
        }
    }

    /** "2023-24": the conventional label for a year running across two calendar years. */
    private static String twoYearLabel(int startYear, char separator) {
        return startYear + String.valueOf(separator) + String.format("%02d", (startYear + 1) % 100);
    }

    /** A calendar month; code {@code M2024-03}, label {@code "March 2024"}. */
    record CalendarMonth(YearMonth month) implements ReportingPeriod {

        public CalendarMonth {
            Objects.requireNonNull(month, "month");
            requireYear(month.getYear());
        }

        @Override
        public PeriodType type() {
            return PeriodType.MONTH;
        }

        @Override
        public LocalDate start() {
            return month.atDay(1);
        }

        @Override
        public LocalDate end() {
            return month.atEndOfMonth();
        }

        @Override
        public String label() {
            return month.format(PeriodCodes.MONTH_LABEL);
        }

        @Override
        public String code() {
            return String.format("M%04d-%02d", month.getYear(), month.getMonthValue());
        }

        @Override
        public CalendarMonth previous() {
            return new CalendarMonth(month.minusMonths(1));
        }

        @Override
        public CalendarMonth next() {
            return new CalendarMonth(month.plusMonths(1));
        }
    }

    /** A calendar quarter (Q1 is January to March); code {@code Q2024-1}, label {@code "2024 Q1"}. */
    record CalendarQuarter(int year, int quarter) implements ReportingPeriod {

        public CalendarQuarter {
            requireYear(year);
            requireQuarter(quarter);
        }

        @Override
        public PeriodType type() {
            return PeriodType.QUARTER;
        }

        @Override
        public LocalDate start() {
            return LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        }

        @Override
        public LocalDate end() {
            return start().plusMonths(3).minusDays(1);
        }

        @Override
        public String label() {
            return year + " Q" + quarter;
        }

        @Override
        public String code() {
            return "Q" + year + "-" + quarter;
        }

        @Override
        public CalendarQuarter previous() {
            return quarter == 1 ? new CalendarQuarter(year - 1, 4) : new CalendarQuarter(year, quarter - 1);
        }

        @Override
        public CalendarQuarter next() {
            return quarter == 4 ? new CalendarQuarter(year + 1, 1) : new CalendarQuarter(year, quarter + 1);
        }
    }

    /**
     * A quarter of the financial year starting 1 April {@code startYear}: Q1 April to June, Q2 July to September, Q3
     * October to December, Q4 January to March of the next calendar year. Code {@code FQ2023-1}, label {@code "2023-24
     * Q1"}.
     */
    record FinancialQuarter(int startYear, int quarter) implements ReportingPeriod {

        public FinancialQuarter {
            requireYear(startYear);
            requireQuarter(quarter);
        }

        @Override
        public PeriodType type() {
            return PeriodType.FINANCIAL_QUARTER;
        }

        @Override
        public LocalDate start() {
            return LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1));
        }

        @Override
        public LocalDate end() {
            return start().plusMonths(3).minusDays(1);
        }

        @Override
        public String label() {
            return twoYearLabel(startYear, '-') + " Q" + quarter;
        }

        @Override
        public String code() {
            return "FQ" + startYear + "-" + quarter;
        }

        @Override
        public FinancialQuarter previous() {
            return quarter == 1 ? new FinancialQuarter(startYear - 1, 4) : new FinancialQuarter(startYear, quarter - 1);
        }

        @Override
        public FinancialQuarter next() {
            return quarter == 4 ? new FinancialQuarter(startYear + 1, 1) : new FinancialQuarter(startYear, quarter + 1);
        }

        /** The financial year this quarter belongs to. */
        public FinancialYear financialYear() {
            return new FinancialYear(startYear);
        }
    }

    /** The financial year 1 April {@code startYear} to 31 March the next year; code {@code FY2023}, label "2023-24". */
    record FinancialYear(int startYear) implements ReportingPeriod {

        public FinancialYear {
            requireYear(startYear);
        }

        @Override
        public PeriodType type() {
            return PeriodType.FINANCIAL_YEAR;
        }

        @Override
        public LocalDate start() {
            return LocalDate.of(startYear, 4, 1);
        }

        @Override
        public LocalDate end() {
            return LocalDate.of(startYear + 1, 3, 31);
        }

        @Override
        public String label() {
            return twoYearLabel(startYear, '-');
        }

        @Override
        public String code() {
            return "FY" + startYear;
        }

        @Override
        public FinancialYear previous() {
            return new FinancialYear(startYear - 1);
        }

        @Override
        public FinancialYear next() {
            return new FinancialYear(startYear + 1);
        }
    }

    /**
     * The academic year 1 September {@code startYear} to 31 August the next year; code {@code AY2023}, label
     * "2023/24".
     */
    record AcademicYear(int startYear) implements ReportingPeriod {

        public AcademicYear {
            requireYear(startYear);
        }

        @Override
        public PeriodType type() {
            return PeriodType.ACADEMIC_YEAR;
        }

        @Override
        public LocalDate start() {
            return LocalDate.of(startYear, 9, 1);
        }

        @Override
        public LocalDate end() {
            return LocalDate.of(startYear + 1, 8, 31);
        }

        @Override
        public String label() {
            return twoYearLabel(startYear, '/');
        }

        @Override
        public String code() {
            return "AY" + startYear;
        }

        @Override
        public AcademicYear previous() {
            return new AcademicYear(startYear - 1);
        }

        @Override
        public AcademicYear next() {
            return new AcademicYear(startYear + 1);
        }
    }

    /** A single day, for point-in-time figures; code {@code S2024-03-31}, label {@code "31 March 2024"}. */
    record Snapshot(LocalDate date) implements ReportingPeriod {

        public Snapshot {
            Objects.requireNonNull(date, "date");
            requireYear(date.getYear());
        }

        @Override
        public PeriodType type() {
            return PeriodType.SNAPSHOT;
        }

        @Override
        public LocalDate start() {
            return date;
        }

        @Override
        public LocalDate end() {
            return date;
        }

        @Override
        public String label() {
            return date.format(PeriodCodes.DAY_LABEL);
        }

        @Override
        public String code() {
            return "S" + date;
        }

        @Override
        public Snapshot previous() {
            return new Snapshot(date.minusDays(1));
        }

        @Override
        public Snapshot next() {
            return new Snapshot(date.plusDays(1));
        }
    }
}
