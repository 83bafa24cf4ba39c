package org.safeguardinghub.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official bank holiday lists an administrator loaded from GOV.UK, and which one {@link
 * WorkingDayCalendar#england()} uses.
 *
 * <p>GOV.UK publishes the holidays of England and Wales a year or two ahead as {@code bank-holidays.json}. The Hub ships
 * a list to the end of 2030 and projects the usual holidays after it; when GOV.UK publishes more years (or a one-off
 * holiday is proclaimed), an administrator uploads the file: it is checked in full, stored (nothing is changed later;
 * the newest list is in force), audited, and the years it covers replace the bundled and projected holidays at once.
 * Each node reads the newest list at start and every few minutes, so every node of a cluster picks it up.
 *
 * <p>{@link #warning(LocalDate)} warns twelve months before the known list runs out: readiness reports it and the
 * administrator's home page shows it.
 */
@Service
public class BankHolidayLists implements SmartInitializingSingleton {

    /** How far ahead of the end of the known list the warning starts. */
    public static final int WARN_MONTHS_AHEAD = 12;

    /** The largest file accepted (GOV.UK's file is about 20 KB). */
    public static final int MAX_FILE_BYTES = 512 * 1024;

    private static final Logger log = LoggerFactory.getLogger(BankHolidayLists.class);
    private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final BankHolidayListRecords records;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile long installedId;

    /** One stored list, for the administration page. */
    public record StoredList(
            long id, int firstYear, int lastYear, int holidays, String fileName, java.time.LocalDateTime loadedAt) {}

    /** The outcome of an upload: the stored list, or the reason it was refused. */
    public record Outcome(
            @Nullable StoredList loaded, @Nullable String refusal) {}

    BankHolidayLists(BankHolidayListRecords records, AuditTrail audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        refresh();
    }

    /** Installs the newest stored list if it is not the one in use (every node, every 5 minutes). */
    @Scheduled(fixedDelayString = "${hub.calendar.refresh:PT5M}", initialDelayString = "${hub.calendar.refresh:PT5M}")
    public void refresh() {
        try {
            Optional<BankHolidayListRecords.Newest> newest = records.newest();
            if (newest.isEmpty()) {
                if (installedId != 0) {
                    WorkingDayCalendar.install(null);
                    installedId = 0;
                }
                return;
            }
            long id = newest.get().id();
            if (id == installedId) {
                return;
            }
            WorkingDayCalendar official = WorkingDayCalendar.fromCsv(
                    new StringReader(newest.get().holidaysCsv()),
                    WorkingDayCalendar.ENGLAND_FIRST_COVERED,
                    LocalDate.of(WorkingDayCalendar.LAST_PROJECTED_YEAR, 12, 31));
            int first = newest.get().firstYear();
            int last = newest.get().lastYear();
            List<BankHoliday> holidays =
                    official.bankHolidaysBetween(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31));
            WorkingDayCalendar.install(WorkingDayCalendar.bundled().withOfficial(holidays, first, last));
            installedId = id;
            log.info("Bank holidays: official list {} ({} to {}) in use", id, first, last);
        } catch (RuntimeException | IOException e) {
            // a node that cannot read the list keeps the one it has: the clocks still answer, marked projected
            log.warn("Bank holidays: could not read the stored official list: {}", e.toString());
        }
    }

    /**
     * Checks and loads a GOV.UK {@code bank-holidays.json}; the years it covers replace the known and projected
     * holidays for every clock from now on.
     */
    @Transactional
    public Outcome load(Actor actor, String fileName, byte[] content) {
        if (!actor.can(CalendarAccess.CALENDAR_MANAGE)) {
            throw new AccessDeniedException("Only an administrator loads bank holidays");
        }
        if (content.length == 0) {
            return new Outcome(null, "The selected file is empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            return new Outcome(null, "The selected file must be smaller than " + (MAX_FILE_BYTES / 1024) + " KB");
        }
        GovUkBankHolidays.OfficialList list;
        try {
            list = GovUkBankHolidays.read(content);
        } catch (GovUkBankHolidays.Refused e) {
            return new Outcome(null, e.getMessage());
        }
        try {
            WorkingDayCalendar.bundled().withOfficial(list.holidays(), list.firstYear(), list.lastYear());
        } catch (IllegalArgumentException e) {
            return new Outcome(
                    null, "The file covers " + list.firstYear() + " to " + list.lastYear() + ": " + e.getMessage());
        }
        StringBuilder csv = new StringBuilder("date,title\n");
        for (BankHoliday h : list.holidays()) {
            csv.append(h.date())
                    .append(',')
                    .append(h.title().replace('\n', ' ').replace('\r', ' '))
                    .append('\n');
        }
        String name = fileName.isBlank() ? "bank-holidays.json" : fileName.strip();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        String sha = sha256(content);
        long id = records.insert(new BankHolidayListRecords.NewList(
                list.firstYear(), list.lastYear(), csv.toString(), name, sha, actor.userId()));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("years", list.firstYear() + " to " + list.lastYear());
        values.put("holidays", list.holidays().size());
        values.put("file", name);
        values.put("sha256", sha);
        values.put(
                "knownUntil",
                WorkingDayCalendar.england().knownUntil().isAfter(LocalDate.of(list.lastYear(), 12, 31))
                        ? WorkingDayCalendar.england().knownUntil()
                        : LocalDate.of(list.lastYear(), 12, 31));
        audit.created("bank_holiday_list", id, values);
        installAfterCommit();
        return new Outcome(
                new StoredList(
                        id,
                        list.firstYear(),
                        list.lastYear(),
                        list.holidays().size(),
                        name,
                        java.time.LocalDateTime.now(clock.withZone(UK))),
                null);
    }

    private void installAfterCommit() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            refresh();
                        }
                    });
        } else {
            refresh();
        }
    }

    /** The lists loaded so far, newest first. */
    @Transactional(readOnly = true)
    public List<StoredList> history() {
        return records.history();
    }

    /** The last day of the official list in use; after it, holidays are projected. */
    public LocalDate knownUntil() {
        return WorkingDayCalendar.england().knownUntil();
    }

    /**
     * A warning when the official list runs out within {@link #WARN_MONTHS_AHEAD} months of {@code today} (or has
     * run out), for readiness and the administrator's home page; empty otherwise.
     */
    public Optional<String> warning(LocalDate today) {
        LocalDate until = knownUntil();
        if (until.isBefore(today)) {
            return Optional.of("The official bank holiday list ended on " + DATE.format(until)
                    + ". Statutory clocks now count projected bank holidays. Load the newer list from GOV.UK.");
        }
        if (until.isBefore(today.plusMonths(WARN_MONTHS_AHEAD))) {
            return Optional.of("The official bank holiday list ends on " + DATE.format(until)
                    + ". Load the newer list from GOV.UK before then; after it, statutory clocks count projected"
                    + " bank holidays.");
        }
        return Optional.empty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
