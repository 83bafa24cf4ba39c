package org.safeguardinghub.section11.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.section11.access.ReturnRef;

/** The read models of the self-assessment pages. */
public final class ReturnViews {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private ReturnViews() {}

    static String date(@Nullable LocalDate d) {
        return d == null ? "" : d.format(DATE);
    }

    public static String dateTime(@Nullable Instant i) {
        return i == null ? "" : i.atZone(UK).format(DATE_TIME);
    }

    public static String time(@Nullable Instant i) {
        return i == null ? "" : i.atZone(UK).format(TIME);
    }

    /** The header facts of a return beyond its access reference. */
    public record ReturnDetails(
            ReturnRef ref,
            String templateName,
            LocalDate closesOn,
            @Nullable Instant startedAt,
            @Nullable Instant submittedAt,
            @Nullable String submittedByName,
            @Nullable String declarationName,
            @Nullable String declarationRole,
            @Nullable String carriedForwardFrom,
            int version) {

        public String closes() {
            return date(closesOn);
        }

        public String submitted() {
            return dateTime(submittedAt);
        }
    }

    /** The same agency's return in the cycle before, which this one can start from. */
    public record PreviousReturn(long id, String cycleName, long templateId) {}

    /** Where a section is, as the task list shows it. */
    public enum Progress {
        NOT_STARTED("Not started", "govuk-tag--blue"),
        IN_PROGRESS("In progress", "govuk-tag--light-blue"),
        COMPLETED("Completed", "");

        private final String label;
        private final String tagClass;

        Progress(String label, String tagClass) {
            this.label = label;
            this.tagClass = tagClass;
        }

        public String label() {
            return label;
        }

        public String tagClass() {
            return tagClass;
        }
    }

    public record Improvement(
            long id, long standardId, String text, String ownerName, LocalDate dueOn, String createdByName) {

        public String due() {
            return date(dueOn);
        }
    }

    record Contributor(long userId, String name, String email, String invitedByName, Instant invitedAt) {

        public String invited() {
            return dateTime(invitedAt);
        }
    }

    record Colleague(long userId, String name, String email) {}

    /** One entry of a return's history: who did what to which part, with each field's before and after. */
    record HistoryEntry(Instant at, String who, String subject, String action, List<Change> changes) {

        public String when() {
            return dateTime(at);
        }
    }

    record Change(
            String field, @Nullable String before, @Nullable String after) {}
}
