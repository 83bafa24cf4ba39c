package org.safeguardinghub.section11.returns;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.section11.ReturnStatus;

/**
 * One agency's Section 11 self-assessment return in one cycle, as a lifecycle: who moves it from which state to which,
 * and what is refused. The answers to each standard live beside it (each with its own version, so colleagues on
 * different standards never collide); this object guards the return as a whole.
 *
 * <h2>Lifecycle</h2>
 *
 * <pre>
 *   NOT_STARTED ──start / any change──► IN_PROGRESS ──submit──► SUBMITTED ──(panel)──► MODERATED
 *                                             ▲                    │
 *                                             └──── reopened ──────┘  (business team, in the cycle pages)
 * </pre>
 *
 * <ul>
 *   <li>The cycle opens a return <em>not started</em> for each agency. Its lead (or a contributor they invited)
 *       {@linkplain #start starts} it blank or from the previous cycle's answers, each marked for review. Starting
 *       a return that is already started (another tab, a colleague) does nothing: there is nothing to choose any
 *       more. Any saved change to an answer, a section, a document or an improvement action also starts it
 *       ({@link #changed}).
 *   <li>The agency {@linkplain #submit submits} it with the accountable officer's declaration once every section
 *       is marked complete and every standard is scored (or not applicable) with what the template asks for. The
 *       declaration needs the officer's name and role (each up to {@value #MAX_DECLARATION} characters) and the
 *       confirmation ticked. A return changed since the check page was opened is refused as a concurrent edit, so
 *       nobody submits answers they have not seen.
 *   <li>Once submitted the return is locked for the agency ({@link #requireOpen}): the panel moderates it, and the
 *       agency answers the panel's challenges instead. Only the business team reopens it; moderation (per
 *       partnership) moves it to <em>moderated</em>. Both live in other parts of the Section 11 module.
 * </ul>
 *
 * A refused change throws {@link Refusal} (conflict: the return is locked) and changes nothing; an incomplete
 * submission is answered with the problems keyed by where to fix them.
 */
final class Section11Return {

    static final int MAX_DECLARATION = 200;
    static final String LOCKED = "This return was submitted and is locked: the panel is moderating it."
            + " Answer the panel's challenges instead, or ask the business team to reopen it.";

    private final long id;
    private final ReturnStatus loadedStatus;
    private final int version;
    private ReturnStatus status;
    private @Nullable Long carriedForwardFrom;
    private @Nullable String submittedByName;
    private @Nullable String declarationName;
    private @Nullable String declarationRole;

    Section11Return(
            long id,
            ReturnStatus status,
            int version,
            @Nullable Long carriedForwardFrom,
            @Nullable String submittedByName,
            @Nullable String declarationName,
            @Nullable String declarationRole) {
        this.id = id;
        this.loadedStatus = status;
        this.status = status;
        this.version = version;
        this.carriedForwardFrom = carriedForwardFrom;
        this.submittedByName = submittedByName;
        this.declarationName = declarationName;
        this.declarationRole = declarationRole;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Transitions

    /**
     * The agency starts the return, blank or carried forward from {@code previousReturnId}.
     *
     * @return false when it was started already (nothing changes)
     */
    boolean start(@Nullable Long previousReturnId) {
        requireOpen();
        if (status != ReturnStatus.NOT_STARTED) {
            return false;
        }
        status = ReturnStatus.IN_PROGRESS;
        carriedForwardFrom = previousReturnId;
        return true;
    }

    /**
     * Something in the return changed: a return not started is now in progress.
     *
     * @return true when this change started it
     */
    boolean changed() {
        requireOpen();
        boolean starts = status == ReturnStatus.NOT_STARTED;
        status = ReturnStatus.IN_PROGRESS;
        return starts;
    }

    /**
     * The agency submits the return with the accountable officer's declaration.
     *
     * @param incomplete what is still missing from the answers, keyed by where to fix it
     * @return the problems, keyed by where to fix them; empty when the return was submitted
     * @throws ConcurrentEditException when the return changed since {@code seenVersion}
     */
    Map<String, String> submit(
            int seenVersion,
            Map<String, String> incomplete,
            String officerName,
            String officerRole,
            boolean confirmed,
            String byName) {
        requireOpen();
        if (version != seenVersion) {
            throw new ConcurrentEditException("This return");
        }
        Map<String, String> problems = new LinkedHashMap<>(incomplete);
        officerNamed(officerName, problems);
        officerRoleGiven(officerRole, problems);
        declarationConfirmed(confirmed, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        status = ReturnStatus.SUBMITTED;
        submittedByName = byName;
        declarationName = officerName;
        declarationRole = officerRole;
        return Map.of();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rules

    /** Only a return the agency still holds (not started or in progress) changes. */
    void requireOpen() {
        if (!status.editable()) {
            throw Refusal.conflict(LOCKED);
        }
    }

    /** The declaration names the accountable officer. */
    private static void officerNamed(String officerName, Map<String, String> problems) {
        if (officerName.isBlank()) {
            problems.put("#declaration-name", "Enter the name of the accountable officer");
        } else if (officerName.length() > MAX_DECLARATION) {
            problems.put("#declaration-name", "The accountable officer's name must be 200 characters or fewer");
        }
    }

    /** The declaration gives the accountable officer's role. */
    private static void officerRoleGiven(String officerRole, Map<String, String> problems) {
        if (officerRole.isBlank()) {
            problems.put("#declaration-role", "Enter the accountable officer's role");
        } else if (officerRole.length() > MAX_DECLARATION) {
            problems.put("#declaration-role", "The accountable officer's role must be 200 characters or fewer");
        }
    }

    /** The officer confirms the declaration. */
    private static void declarationConfirmed(boolean confirmed, Map<String, String> problems) {
        if (!confirmed) {
            problems.put("#declaration-confirmed", "Confirm the declaration to submit the return");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // State

    long id() {
        return id;
    }

    /** The status it had when loaded (for the audit trail's "before"). */
    ReturnStatus loadedStatus() {
        return loadedStatus;
    }

    ReturnStatus status() {
        return status;
    }

    int version() {
        return version;
    }

    @Nullable
    Long carriedForwardFrom() {
        return carriedForwardFrom;
    }

    @Nullable
    String submittedByName() {
        return submittedByName;
    }

    @Nullable
    String declarationName() {
        return declarationName;
    }

    @Nullable
    String declarationRole() {
        return declarationRole;
    }
}
