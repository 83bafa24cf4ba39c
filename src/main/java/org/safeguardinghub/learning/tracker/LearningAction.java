package org.safeguardinghub.learning.tracker;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.Refusal;

/**
 * An action agreed to carry out a recommendation from a case review (or a national review, an audit or a Section
 * 11 round), owned by one agency, tracked by the Learning and Improvement Group until it is signed off and its
 * impact is known. This is Kent's "LIG action tracker" (catalogue F27): "SMART action plans monitored by the group",
 * reported each year as "19 of 68 actions signed off".
 *
 * <h2>Lifecycle</h2>
 *
 * <pre>
 *   not started ──► underway ──► completed, awaiting sign-off ──► signed off (final)
 *        │  ▲           │  ▲            │
 *        │  └───────────┘  └────────────┘  reopened before sign-off (back to underway)
 *        └──► awaiting national decision ◄──┘  (and back, when the national panel or government decides)
 * </pre>
 *
 * <ul>
 *   <li>The owning agency's lead records progress updates; an update may move the action between <em>not
 *       started</em>, <em>underway</em>, <em>completed</em> and <em>awaiting national decision</em> (used when the
 *       recommendation is for a national body and the agency can only wait). Completing records the completion
 *       date; reopening a completed action clears it.
 *   <li>Only the Learning and Improvement Group (panel members or the business team for it) signs an action off,
 *       and only once it is completed, on a date no earlier than completion and not in the future. Sign-off is
 *       final: the action can no longer be updated or edited.
 *   <li>The impact note ("how we know it made a difference") is recorded once the action is completed or signed
 *       off, usually after an audit or survey shows the change in practice.
 * </ul>
 *
 * <h2>Clock</h2>
 *
 * Each action has a due date agreed with its owner (no statutory timescale applies: Working Together 2023 leaves
 * the monitoring of local learning to the partnership). An action is <em>overdue</em> when the due date has passed
 * and it is not yet completed or signed off; the task raised for the owning agency's lead carries the same due date
 * so the home page shows it as overdue too.
 */
public final class LearningAction {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ActionStatus status;
    private @Nullable LocalDate dueOn;
    private @Nullable LocalDate completedOn;
    private @Nullable LocalDate signedOffOn;
    private @Nullable String signedOffByName;
    private @Nullable String signOffNote;
    private @Nullable String impactNote;

    public LearningAction(
            ActionStatus status,
            @Nullable LocalDate dueOn,
            @Nullable LocalDate completedOn,
            @Nullable LocalDate signedOffOn,
            @Nullable String signedOffByName,
            @Nullable String signOffNote,
            @Nullable String impactNote) {
        this.status = status;
        this.dueOn = dueOn;
        this.completedOn = completedOn;
        this.signedOffOn = signedOffOn;
        this.signedOffByName = signedOffByName;
        this.signOffNote = signOffNote;
        this.impactNote = impactNote;
    }

    /** A new action: not started. */
    public static LearningAction agreed(@Nullable LocalDate dueOn) {
        return new LearningAction(ActionStatus.NOT_STARTED, dueOn, null, null, null, null, null);
    }

    /**
     * The owning agency reports progress, optionally moving the action to another status.
     *
     * @param to the new status, or null to leave it as it is
     * @return true when the status changed
     * @throws IllegalStateException when the action is signed off, or the update tries to sign it off
     */
    public boolean recordProgress(@Nullable ActionStatus to, LocalDate today) {
        if (status == ActionStatus.SIGNED_OFF) {
            throw Refusal.invalid("This action has been signed off, so it can no longer be updated");
        }
        if (to == null || to == status) {
            return false;
        }
        if (to == ActionStatus.SIGNED_OFF) {
            throw Refusal.invalid(
                    "An update cannot sign an action off: the Learning and Improvement Group signs it off");
        }
        if (to == ActionStatus.COMPLETED) {
            completedOn = today;
        } else if (status == ActionStatus.COMPLETED) {
            completedOn = null; // reopened before sign-off
        }
        status = to;
        return true;
    }

    /**
     * The Learning and Improvement Group signs the completed action off.
     *
     * @throws IllegalStateException when the action is not completed, is already signed off, or the date is
     *     impossible
     */
    public void signOff(LocalDate on, String byName, @Nullable String note, LocalDate today) {
        if (status == ActionStatus.SIGNED_OFF) {
            throw Refusal.invalid("This action has already been signed off");
        }
        if (status != ActionStatus.COMPLETED) {
            throw Refusal.invalid("This action cannot be signed off until its owner has marked it as completed");
        }
        if (on.isAfter(today)) {
            throw Refusal.invalid("The sign-off date must be today or in the past");
        }
        if (completedOn != null && on.isBefore(completedOn)) {
            throw Refusal.invalid("The sign-off date must be on or after the date the action was completed, "
                    + DAY.format(completedOn));
        }
        status = ActionStatus.SIGNED_OFF;
        signedOffOn = on;
        signedOffByName = byName;
        signOffNote = note;
    }

    /**
     * Records how the partnership knows the action made a difference.
     *
     * @throws IllegalStateException before the action is completed
     */
    public void recordImpact(String note) {
        if (status != ActionStatus.COMPLETED && status != ActionStatus.SIGNED_OFF) {
            throw Refusal.invalid("Record the impact once the action has been completed");
        }
        impactNote = note;
    }

    /**
     * The agreed details change (a new due date, another owner).
     *
     * @throws IllegalStateException when the action is signed off
     */
    public void reschedule(@Nullable LocalDate newDueOn) {
        if (status == ActionStatus.SIGNED_OFF) {
            throw Refusal.invalid("This action has been signed off, so it can no longer be changed");
        }
        dueOn = newDueOn;
    }

    /** Past its due date and still with work to do. */
    public boolean overdue(LocalDate today) {
        return status.open() && dueOn != null && dueOn.isBefore(today);
    }

    public ActionStatus status() {
        return status;
    }

    public @Nullable LocalDate dueOn() {
        return dueOn;
    }

    public @Nullable LocalDate completedOn() {
        return completedOn;
    }

    public @Nullable LocalDate signedOffOn() {
        return signedOffOn;
    }

    public @Nullable String signedOffByName() {
        return signedOffByName;
    }

    public @Nullable String signOffNote() {
        return signOffNote;
    }

    public @Nullable String impactNote() {
        return impactNote;
    }

    /** The lifecycle fields as the audit trail records them. */
    Map<String, @Nullable Object> auditValues() {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("status", status.name());
        m.put("dueOn", dueOn);
        m.put("completedOn", completedOn);
        m.put("signedOffOn", signedOffOn);
        m.put("signedOffBy", signedOffByName);
        m.put("signOffNote", signOffNote);
        m.put("impactNote", impactNote);
        return m;
    }
}
