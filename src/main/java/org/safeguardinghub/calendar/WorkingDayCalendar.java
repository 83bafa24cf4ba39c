package org.safeguardinghub.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Working days in England: Monday to Friday, excluding bank holidays in England and Wales.
 *
 * <p>The calendar only knows bank holidays for a fixed range of dates ({@link #firstCovered()} to {@link
 * #lastCovered()}). Every method refuses dates outside that range with an {@link IllegalArgumentException} rather than
 * guess, so that nobody silently computes a statutory deadline with missing holidays. When the range needs extending,
 * update {@code calendar/bank-holidays-england.csv} from GOV.UK.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WorkingDayCalendar {

    /** First day covered by the bundled England and Wales data. */
    public static final LocalDate ENGLAND_FIRST_COVERED = LocalDate.of(2014, 1, 1);

    /** Last day covered by the bundled England and Wales data. */
    public static final LocalDate ENGLAND_LAST_COVERED = LocalDate.of(2030, 12, 31);

    static final String ENGLAND_RESOURCE = "/calendar/bank-holidays-england.csv";

    private static final String CSV_HEADER = "date,title";

    private final NavigableMap<LocalDate, BankHoliday> holidays;
    private final LocalDate firstCovered;
    private final LocalDate lastCovered;

    private WorkingDayCalendar(List<BankHoliday> holidays, LocalDate firstCovered, LocalDate lastCovered) {
        Objects.requireNonNull(firstCovered, "firstCovered");
        Objects.requireNonNull(lastCovered, "lastCovered");
        if (firstCovered.isAfter(lastCovered)) {
            throw new IllegalArgumentException(
                    "Coverage starts " + firstCovered + " which is after it ends " + lastCovered);
        }
        this.firstCovered = firstCovered;
        this.lastCovered = lastCovered;
        TreeMap<LocalDate, BankHoliday> byDate = new TreeMap<>();
        for (BankHoliday holiday : holidays) {
            LocalDate date = holiday.date();
            if (date.isBefore(firstCovered) || date.isAfter(lastCovered)) {
                throw new IllegalArgumentException("Bank holiday " + date + " is outside the calendar's coverage "
                        + firstCovered + " to " + lastCovered);
            }
            if (byDate.putIfAbsent(date, holiday) != null) {
                throw new IllegalArgumentException("Bank holiday " + date + " is listed more than once");
            }
        }
        this.holidays = Collections.unmodifiableNavigableMap(byDate);
    }

    /** Bank holidays in England and Wales from the bundled, maintained CSV file. Loaded once and cached. */
    public static WorkingDayCalendar england() {
        return EnglandHolder.INSTANCE;
    }

    /**
     * A calendar with the given holidays, covering the same range as {@link #england()}. Intended for tests and what-if
     * calculations; each holiday is titled "Bank holiday".
     */
    public static WorkingDayCalendar of(Set<LocalDate> holidays) {
        return of(holidays, ENGLAND_FIRST_COVERED, ENGLAND_LAST_COVERED);
    }

    /** A calendar with the given holidays and coverage (both ends inclusive). */
    public static WorkingDayCalendar of(Set<LocalDate> holidays, LocalDate firstCovered, LocalDate lastCovered) {
        List<BankHoliday> list = new ArrayList<>(holidays.size());
        for (LocalDate date : holidays) {
            list.add(new BankHoliday(date, "Bank holiday"));
        }
        return new WorkingDayCalendar(list, firstCovered, lastCovered);
    }

    /**
     * Reads a {@code date,title} CSV (optional {@code #} comment lines, then a header row, then one holiday per line).
     * Titles may contain commas; only the first comma separates the columns.
     */
    static WorkingDayCalendar fromCsv(Reader csv, LocalDate firstCovered, LocalDate lastCovered) throws IOException {
        List<BankHoliday> list = new ArrayList<>();
        BufferedReader reader = new BufferedReader(csv);
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!trimmed.equals(CSV_HEADER)) {
                    throw new IllegalArgumentException("Line " + lineNumber + ": expected header '" + CSV_HEADER
                            + "' but found '" + trimmed + "'");
                }
                headerSeen = true;
                continue;
            }
            int comma = trimmed.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(
                        "Line " + lineNumber + ": expected 'date,title' but found '" + trimmed + "'");
            }
            try {
                LocalDate date = LocalDate.parse(trimmed.substring(0, comma).strip());
                list.add(new BankHoliday(date, trimmed.substring(comma + 1).strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Line " + lineNumber + ": not an ISO date in '" + trimmed + "'", e);
            }
        }
        if (!headerSeen) {
            throw new IllegalArgumentException("Bank holiday CSV has no '" + CSV_HEADER + "' header");
        }
        return new WorkingDayCalendar(list, firstCovered, lastCovered);
    }

    /** First day (inclusive) for which this calendar knows the bank holidays. */
    public LocalDate firstCovered() {
        return firstCovered;
    }

    /** Last day (inclusive) for which this calendar knows the bank holidays. */
    public LocalDate lastCovered() {
        return lastCovered;
    }

    /** Whether the date is a working day: Monday to Friday and not a bank holiday. */
    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date, "date");
        return isWorkingDayUnchecked(date);
    }

    /** Whether the date is a bank holiday. */
    public boolean isBankHoliday(LocalDate date) {
        requireCovered(date, "date");
        return holidays.containsKey(date);
    }

    /**
     * The {@code n}th working day after {@code start}. The start day itself is never counted, whatever day it is, so
     * "within 5 working days of becoming aware on Monday" is the following Monday (with no holidays).
     *
     * <p>For {@code n == 0} the result is {@code start} if it is a working day, otherwise the next working day: a clock
     * with no time allowed is due on the first working day on or after it starts. So for {@code n >= 1},
     * {@code workingDaysBetween(start, addWorkingDays(start, n)) == n}.
     *
     * @throws IllegalArgumentException if {@code n} is negative, or {@code start} or the result is outside coverage
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        requireCovered(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("Number of working days must not be negative, was " + n);
        }
        LocalDate day = start;
        if (n == 0) {
            while (!isWorkingDayUnchecked(day)) {
                day = nextCoveredDay(day, start, n);
            }
            return day;
        }
        int counted = 0;
        while (counted < n) {
            day = nextCoveredDay(day, start, n);
            if (isWorkingDayUnchecked(day)) {
                counted++;
            }
        }
        return day;
    }

    private LocalDate nextCoveredDay(LocalDate day, LocalDate start, int n) {
        LocalDate next = day.plusDays(1);
        if (next.isAfter(lastCovered)) {
            throw new IllegalArgumentException("Adding " + n + " working days to " + start
                    + " runs past the last date with known bank holidays (" + lastCovered
                    + "); update the bank holiday data before computing this date");
        }
        return next;
    }

    /**
     * The number of working days after {@code fromExclusive} up to and including {@code toInclusive}; negative (the
     * same count, negated) when {@code toInclusive} is before {@code fromExclusive}, so that {@code
     * workingDaysBetween(a, b) == -workingDaysBetween(b, a)}.
     *
     * @throws IllegalArgumentException if either date is outside coverage
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        requireCovered(fromExclusive, "fromExclusive");
        requireCovered(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDayUnchecked(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Bank holidays from {@code from} to {@code to}, both inclusive, in date order.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from} or either is outside coverage
     */
    public List<BankHoliday> bankHolidaysBetween(LocalDate from, LocalDate to) {
        requireCovered(from, "from");
        requireCovered(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Range ends " + to + " before it starts " + from);
        }
        return List.copyOf(holidays.subMap(from, true, to, true).values());
    }

    private boolean isWorkingDayUnchecked(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.containsKey(date);
    }

    private void requireCovered(LocalDate date, String what) {
        Objects.requireNonNull(date, what);
        if (date.isBefore(firstCovered) || date.isAfter(lastCovered)) {
            throw new IllegalArgumentException("The " + what + " " + date
                    + " is outside the dates with known bank holidays (" + firstCovered + " to " + lastCovered
                    + "); working days cannot be computed reliably for it");
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof WorkingDayCalendar that
                && firstCovered.equals(that.firstCovered)
                && lastCovered.equals(that.lastCovered)
                && holidays.keySet().equals(that.holidays.keySet());
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstCovered, lastCovered, holidays.keySet());
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + firstCovered + ".." + lastCovered + ", " + holidays.size() + " bank holidays]";
    }

    /** Lazy, thread-safe loading of the bundled data on first use. */
    private static final class EnglandHolder {
        static final WorkingDayCalendar INSTANCE = load();

        private static WorkingDayCalendar load() {
            InputStream in = WorkingDayCalendar.class.getResourceAsStream(ENGLAND_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("Missing bank holiday data on the classpath: " + ENGLAND_RESOURCE);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return fromCsv(reader, ENGLAND_FIRST_COVERED, ENGLAND_LAST_COVERED);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + ENGLAND_RESOURCE, e);
            }
        }
    }
}
