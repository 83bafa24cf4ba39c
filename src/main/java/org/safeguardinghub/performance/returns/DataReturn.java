package org.safeguardinghub.performance.returns;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.PerformanceAccess;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Refusal;

/**
 * One agency's data return for one frequency and period, as a lifecycle: who may move it from which state to which,
 * and what is refused. The figures themselves are checked cell by cell in {@link ReturnChecks}; this object guards
 * the return as a whole.
 *
 * <h2>Lifecycle</h2>
 *
 * <pre>
 *   DRAFT ──submit──► SUBMITTED ──accept──► ACCEPTED ──correct──► ACCEPTED (revision + 1) ...
 *                      │     ▲
 *            send back │     │ submit again
 *                      ▼     │
 *                     RETURNED
 * </pre>
 *
 * <ul>
 *   <li>The daily chasing job opens a <em>draft</em> for the latest ended period. The agency (its staff, by form,
 *       template upload, API or record-level extract) saves figures into a draft or a returned return as often as
 *       it likes ({@link #saveFigures}), and submits it ({@link #submit}) once every cell passes the checks for
 *       submitting.
 *   <li>While a return is <em>submitted</em> or <em>accepted</em> its figures are frozen: a save is refused with the
 *       reason ({@link #lockReason}) naming who submitted or accepted it and when, and what to do instead.
 *   <li>Only the business team (permission to review returns) sends a submitted return back with a comment
 *       ({@link #sendBack}) or accepts it ({@link #accept}). Any other state is refused: a draft was never
 *       submitted, a returned one is back with the agency and an accepted one is final. Sending back without a
 *       comment is refused, because the agency must be told what to change.
 *   <li>An accepted return is never reopened. A figure is corrected as a <em>revision</em> ({@link #correct}) by
 *       the business team or the agency's own lead ({@link #correctableBy}); the revision number goes up. A
 *       correction of a return that is not accepted is refused: before acceptance the figures are changed on the
 *       return itself.
 * </ul>
 *
 * Every transition is made against the version the user had open: a return someone else moved on meanwhile is a
 * {@link ConcurrentEditException}, never silently overwritten. A refused transition throws {@link Refusal} with a
 * message written for the person who tried, and changes nothing.
 */
public final class DataReturn {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final ReturnRow loaded;
    private ReturnStatus status;
    private @Nullable Instant submittedAt;
    private @Nullable String submittedByName;
    private @Nullable String returnedComment;
    private @Nullable Instant returnedAt;
    private @Nullable String returnedByName;
    private @Nullable Instant acceptedAt;
    private @Nullable String acceptedByName;
    private int revision;
    private @Nullable String lastChannel;

    private DataReturn(ReturnRow row) {
        this.loaded = row;
        this.status = row.status();
        this.submittedAt = row.submittedAt();
        this.submittedByName = row.submittedByName();
        this.returnedComment = row.returnedComment();
        this.returnedAt = row.returnedAt();
        this.returnedByName = row.returnedByName();
        this.acceptedAt = row.acceptedAt();
        this.acceptedByName = row.acceptedByName();
        this.revision = row.revision();
        this.lastChannel = row.lastChannel();
    }

    /** The return as it was loaded. */
    public static DataReturn of(ReturnRow row) {
        return new DataReturn(row);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Transitions

    /** The agency saves figures into the draft (or returned) return; the status stays as it is. */
    void saveFigures(Channel channel) {
        requireFiguresOpen();
        lastChannel = channel.name();
    }

    /** The agency submits its figures to the business team for review. */
    void submit(String byName, Channel channel, Instant at) {
        requireFiguresOpen();
        status = ReturnStatus.SUBMITTED;
        submittedAt = at;
        submittedByName = byName;
        lastChannel = channel.name();
    }

    /** The business team sends the submitted return back to the agency, saying what to change. */
    void sendBack(String byName, @Nullable String comment, Instant at) {
        requireSubmitted("sent back");
        requireComment(comment);
        status = ReturnStatus.RETURNED;
        returnedComment = comment.trim();
        returnedAt = at;
        returnedByName = byName;
    }

    /** The business team accepts the submitted return: it is locked and its figures are published. */
    void accept(String byName, Instant at) {
        requireSubmitted("accepted");
        status = ReturnStatus.ACCEPTED;
        acceptedAt = at;
        acceptedByName = byName;
    }

    /** Figures of the accepted return were corrected on the form: a new revision. */
    void correct() {
        requireAccepted();
        revision++;
        lastChannel = Channel.FORM.name();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rules

    /** The transition is made against the version the user had open. */
    void requireVersion(int version) {
        if (loaded.version() != version) {
            throw new ConcurrentEditException("This return");
        }
    }

    /** Figures change only while the agency holds the return (draft or returned). */
    private void requireFiguresOpen() {
        String reason = lockReason();
        if (reason != null) {
            throw Refusal.invalid(reason);
        }
    }

    /** Only a return waiting for review can be reviewed. */
    private void requireSubmitted(String what) {
        if (status != ReturnStatus.SUBMITTED) {
            throw Refusal.invalid("Only a submitted return can be " + what + "; this one is "
                    + status.label().toLowerCase(Locale.ROOT) + ".");
        }
    }

    /** Sending back says what the agency needs to change. */
    private static void requireComment(@Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            throw Refusal.invalid("comment", "Enter a comment saying what the agency needs to change");
        }
    }

    /** Before acceptance the figures are changed on the return, not corrected. */
    private void requireAccepted() {
        if (status != ReturnStatus.ACCEPTED) {
            throw Refusal.invalid("Only an accepted return is corrected; change the figures on the return.");
        }
    }

    /** Why figures cannot be changed now, or null when they can. */
    @Nullable
    public String lockReason() {
        return switch (status) {
            case ACCEPTED ->
                "This return was accepted on " + date(acceptedAt) + " by " + acceptedByName
                        + " and is locked. To change a figure, ask the business team for a correction.";
            case SUBMITTED ->
                "This return was submitted on " + date(submittedAt) + " by " + submittedByName
                        + " and is waiting for the business team's review. To change a figure, ask the business team"
                        + " to send it back.";
            default -> null;
        };
    }

    /** Whether the actor reviews returns (sends back, accepts): the business team. */
    static boolean reviewer(Actor actor) {
        return actor.can(PerformanceAccess.RETURNS_REVIEW);
    }

    /** Whether the actor may correct this return once accepted: the business team, or the agency's own lead. */
    public boolean correctableBy(Actor actor) {
        return reviewer(actor)
                || (actor.can(PerformanceAccess.RETURNS_SUBMIT)
                        && Objects.equals(actor.agencyId(), loaded.agencyId())
                        && actor.isIn(Audience.AGENCY_LEAD));
    }

    // ---------------------------------------------------------------------------------------------------------
    // State

    ReturnStatus status() {
        return status;
    }

    /** The version the return had when loaded (the one a save must still find). */
    int version() {
        return loaded.version();
    }

    long id() {
        return loaded.id();
    }

    /** The return as it now is (the version still the loaded one). */
    ReturnRow row() {
        ReturnRow r = loaded;
        return new ReturnRow(
                r.id(),
                r.partnershipId(),
                r.agencyId(),
                r.frequency(),
                r.periodStart(),
                r.periodEnd(),
                r.dueOn(),
                status,
                submittedAt,
                submittedByName,
                returnedComment,
                returnedAt,
                returnedByName,
                acceptedAt,
                acceptedByName,
                revision,
                lastChannel,
                r.version());
    }

    /** The status change as the audit trail records it. */
    Map<String, Object> auditStatus() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.name());
        return m;
    }

    public static String date(@Nullable Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(LONDON));
    }
}
