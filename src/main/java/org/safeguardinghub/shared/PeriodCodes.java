package org.safeguardinghub.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and formatting details of {@link ReportingPeriod}, kept out of its public surface. */
final class PeriodCodes {

    static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);
    static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    // One exact shape per prefix, so each period has exactly one code (no "M2024-3" alongside "M2024-03").
    private static final Pattern MONTH = Pattern.compile("M(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("Q(\\d{4})-([1-4])");
    private static final Pattern FINANCIAL_QUARTER = Pattern.compile("FQ(\\d{4})-([1-4])");
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("FY(\\d{4})");
    private static final Pattern ACADEMIC_YEAR = Pattern.compile("AY(\\d{4})");
    private static final Pattern SNAPSHOT = Pattern.compile("S(\\d{4}-\\d{2}-\\d{2})");

    private PeriodCodes() {}

    static ReportingPeriod parse(String code) {
        Objects.requireNonNull(code, "code");
        try {
            Matcher m;
            if ((m = MONTH.matcher(code)).matches()) {
                return new ReportingPeriod.CalendarMonth(YearMonth.of(group(m, 1), group(m, 2)));
            }
            if ((m = QUARTER.matcher(code)).matches()) {
                return new ReportingPeriod.CalendarQuarter(group(m, 1), group(m, 2));
            }
            if ((m = FINANCIAL_QUARTER.matcher(code)).matches()) {
                return new ReportingPeriod.FinancialQuarter(group(m, 1), group(m, 2));
            }
            if ((m = FINANCIAL_YEAR.matcher(code)).matches()) {
                return new ReportingPeriod.FinancialYear(group(m, 1));
            }
            if ((m = ACADEMIC_YEAR.matcher(code)).matches()) {
                return new ReportingPeriod.AcademicYear(group(m, 1));
            }
            if ((m = SNAPSHOT.matcher(code)).matches()) {
                return new ReportingPeriod.Snapshot(LocalDate.parse(m.group(1)));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid reporting period code: '" + code + "'", e);
        }
        throw new IllegalArgumentException("Not a reporting period code: '" + code
                + "' (expected e.g. M2024-03, Q2024-1, FQ2023-1, FY2023, AY2023 or S2024-03-31)");
    }

    private static int group(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
