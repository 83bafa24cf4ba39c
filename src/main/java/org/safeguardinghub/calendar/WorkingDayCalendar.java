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
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Working days in England: Monday to Friday, excluding bank holidays in England and Wales.
 *
 * <p>The calendar knows the official bank holidays from {@link #firstCovered()} to {@link #knownUntil()}: the bundled
 * file {@code calendar/bank-holidays-england.csv}, and any newer official list an administrator loaded from GOV.UK
 * ({@code BankHolidayLists}). After that, {@link #england()} does not stop: it generates each year's usual holidays
 * by the England and Wales rules ({@link EnglandAndWalesRules}) and marks them {@linkplain BankHoliday#projected()
 * projected}, so a statutory clock still works and can say it {@linkplain StatutoryClock#usesProjectedHolidays()
 * includes projected bank holidays}. Dates before {@link #firstCovered()} are refused with an {@link
 * IllegalArgumentException} (callers validate typed dates against {@link #covers(LocalDate)} first). Calendars made
 * with {@link #of} project nothing and refuse dates after their coverage too.
 *
 * <p>Instances are immutable and thread-safe; {@link #england()} is replaced as a whole when an official list is
 * loaded.
 */
public final class WorkingDayCalendar {

    /** First day covered by the bundled England and Wales data. */
    public static final LocalDate ENGLAND_FIRST_COVERED = LocalDate.of(2014, 1, 1);

    /** Last day of the bundled official England and Wales list. */
    public static final LocalDate ENGLAND_BUNDLED_UNTIL = LocalDate.of(2030, 12, 31);

    /** The last year for which holidays are projected: far enough for any clock, near enough to refuse nonsense. */
    public static final int LAST_PROJECTED_YEAR = 2999;

    static final String ENGLAND_RESOURCE = "/calendar/bank-holidays-england.csv";

    private static final String CSV_HEADER = "date,title";

    private static volatile @Nullable WorkingDayCalendar installed;

    private final NavigableMap<LocalDate, BankHoliday> holidays;
    private final LocalDate firstCovered;
    private final LocalDate knownUntil;
    private final boolean projects;
    private final Map<Integer, Map<LocalDate, BankHoliday>> projectedYears = new ConcurrentHashMap<>();

    private WorkingDayCalendar(List<BankHoliday> holidays, LocalDate firstCovered, LocalDate lastCovered) {
        this(holidays, firstCovered, lastCovered, false);
    }

    private WorkingDayCalendar(
            List<BankHoliday> holidays, LocalDate firstCovered, LocalDate lastCovered, boolean projects) {
        Objects.requireNonNull(firstCovered, "firstCovered");
        Objects.requireNonNull(lastCovered, "lastCovered");
        if (firstCovered.isAfter(lastCovered)) {
            throw new IllegalArgumentException(
                    "Coverage starts " + firstCovered + " which is after it ends " + lastCovered);
        }
        this.firstCovered = firstCovered;
        this.knownUntil = lastCovered;
        this.projects = projects;
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

    /**
     * Bank holidays in England and Wales: the bundled CSV file (loaded once and cached), or the official list an
     * administrator loaded since, with projected holidays after it.
     */
    public static WorkingDayCalendar england() {
        WorkingDayCalendar current = installed;
        return current != null ? current : EnglandHolder.INSTANCE;
    }

    /** The calendar {@link #england()} answers with from now on (an official list was loaded or withdrawn). */
    static void install(@Nullable WorkingDayCalendar calendar) {
        installed = calendar;
    }

    /** The bundled list alone, with projection after it: what {@link #england()} is before anything is loaded. */
    static WorkingDayCalendar bundled() {
        return EnglandHolder.INSTANCE;
    }

    /**
     * This calendar with the official holidays of the years {@code firstYear} to {@code lastYear} (inclusive)
     * replaced by {@code official}; the known list then reaches at least the end of {@code lastYear}. The years must
     * join on to the known list (no gap), so that nothing between is taken as official.
     *
     * @throws IllegalArgumentException if the years leave a gap, start before the coverage or a holiday lies outside
     *     them
     */
    WorkingDayCalendar withOfficial(List<BankHoliday> official, int firstYear, int lastYear) {
        if (lastYear < firstYear) {
            throw new IllegalArgumentException("The list ends in " + lastYear + " before it starts in " + firstYear);
        }
        if (firstYear < firstCovered.getYear() || firstYear > knownUntil.getYear() + 1) {
            throw new IllegalArgumentException("The list must start between " + firstCovered.getYear() + " and "
                    + (knownUntil.getYear() + 1) + ", the year after the known list ends; it starts in " + firstYear);
        }
        if (lastYear > LAST_PROJECTED_YEAR) {
            throw new IllegalArgumentException("The list runs past " + LAST_PROJECTED_YEAR);
        }
        List<BankHoliday> merged = new ArrayList<>();
        for (BankHoliday h : holidays.values()) {
            int year = h.date().getYear();
            if (year < firstYear || year > lastYear) {
                merged.add(h);
            }
        }
        for (BankHoliday h : official) {
            int year = h.date().getYear();
            if (year < firstYear || year > lastYear) {
                throw new IllegalArgumentException(
                        "Bank holiday " + h.date() + " is outside " + firstYear + " to " + lastYear);
            }
            merged.add(h.projected() ? new BankHoliday(h.date(), h.title()) : h);
        }
        LocalDate end = LocalDate.of(lastYear, 12, 31);
        return new WorkingDayCalendar(merged, firstCovered, end.isAfter(knownUntil) ? end : knownUntil, projects);
    }

    /**
     * A calendar with the given holidays, covering the bundled list's range, without projection. Intended for tests and what-if
     * calculations; each holiday is titled "Bank holiday".
     */
    public static WorkingDayCalendar of(Set<LocalDate> holidays) {
        return of(holidays, ENGLAND_FIRST_COVERED, ENGLAND_BUNDLED_UNTIL);
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

    /**
     * Last day (inclusive) for which this calendar can answer: the end of the official list, or for {@link
     * #england()} the end of {@link #LAST_PROJECTED_YEAR}.
     */
    public LocalDate lastCovered() {
        return projects ? LocalDate.of(LAST_PROJECTED_YEAR, 12, 31) : knownUntil;
    }

    /** Last day (inclusive) of the official list; after it holidays are projected (or refused, without projection). */
    public LocalDate knownUntil() {
        return knownUntil;
    }

    /** Whether the calendar can answer for the date (without projection, whether the official list covers it). */
    public boolean covers(LocalDate date) {
        return !date.isBefore(firstCovered) && !date.isAfter(lastCovered());
    }

    /** Whether the date lies after the official list, where the holidays are generated by the usual rules. */
    public boolean isProjected(LocalDate date) {
        return projects && date.isAfter(knownUntil);
    }

    /** Whether the date is a working day: Monday to Friday and not a bank holiday. */
    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date, "date");
        return isWorkingDayUnchecked(date);
    }

    /** Whether the date is a bank holiday. */
    public boolean isBankHoliday(LocalDate date) {
        requireCovered(date, "date");
        return holiday(date) != null;
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
        if (next.isAfter(lastCovered())) {
            throw new IllegalArgumentException("Adding " + n + " working days to " + start
                    + " runs past the last date with known bank holidays (" + lastCovered()
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
        List<BankHoliday> list =
                new ArrayList<>(holidays.subMap(from, true, to, true).values());
        if (isProjected(to)) {
            LocalDate start = from.isAfter(knownUntil) ? from : knownUntil.plusDays(1);
            for (int year = start.getYear(); year <= to.getYear(); year++) {
                for (BankHoliday h : projectedYear(year).values()) {
                    if (!h.date().isBefore(start) && !h.date().isAfter(to)) {
                        list.add(h);
                    }
                }
            }
        }
        return List.copyOf(list);
    }

    private @Nullable BankHoliday holiday(LocalDate date) {
        if (isProjected(date)) {
            return projectedYear(date.getYear()).get(date);
        }
        return holidays.get(date);
    }

    private Map<LocalDate, BankHoliday> projectedYear(int year) {
        return projectedYears.computeIfAbsent(year, y -> {
            Map<LocalDate, BankHoliday> byDate = new TreeMap<>();
            for (BankHoliday h : EnglandAndWalesRules.holidays(y)) {
                byDate.put(h.date(), h);
            }
            return Collections.unmodifiableMap(byDate);
        });
    }

    private boolean isWorkingDayUnchecked(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && holiday(date) == null;
    }

    private void requireCovered(LocalDate date, String what) {
        Objects.requireNonNull(date, what);
        if (!covers(date)) {
            throw new IllegalArgumentException("The " + what + " " + date
                    + " is outside the dates with known bank holidays (" + firstCovered + " to " + lastCovered()
                    + "); working days cannot be computed reliably for it");
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof WorkingDayCalendar that
                && projects == that.projects
                && firstCovered.equals(that.firstCovered)
                && knownUntil.equals(that.knownUntil)
                && holidays.keySet().equals(that.holidays.keySet());
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstCovered, knownUntil, holidays.keySet());
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + firstCovered + ".." + knownUntil + (projects ? " then projected" : "") + ", "
                + holidays.size() + " bank holidays]";
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
                WorkingDayCalendar file = fromCsv(reader, ENGLAND_FIRST_COVERED, ENGLAND_BUNDLED_UNTIL);
                return new WorkingDayCalendar(
                        List.copyOf(file.holidays.values()), ENGLAND_FIRST_COVERED, ENGLAND_BUNDLED_UNTIL, true);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + ENGLAND_RESOURCE, e);
            }
        }
    }
}
