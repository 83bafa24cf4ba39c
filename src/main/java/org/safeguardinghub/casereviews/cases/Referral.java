package org.safeguardinghub.casereviews.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.Refusal;

/**
 * A referral of a serious incident as the business team triages it.
 *
 * <p>Under <i>Working Together to Safeguard Children 2023</i> (chapter 5) the local authority must notify the
 * national Child Safeguarding Practice Review Panel of a serious incident within 5 working days of becoming aware of
 * it. The business team records that <b>national decision</b> here: <em>notify</em> (with the date the panel was
 * notified), or <em>do not notify</em>, always with the rationale, who decided and when.
 *
 * <p>States: a submitted referral is {@code RECEIVED}, awaiting triage. Notifying moves it to {@code RAPID_REVIEW}
 * (the rapid review must then be sent to the panel within 15 working days, see {@link RapidReview}). Not notifying
 * moves it to {@code LOCAL_CONSIDERATION}: the practice review group decides whether to hold a local review. A
 * <b>local decision</b> to review keeps it there until a practice review is commissioned ({@code
 * REVIEW_COMMISSIONED}, set by the practice review pages); a decision not to review closes it ({@code CLOSED}).
 *
 * <p>Decisions can be corrected through their forms, but a notification to the national panel cannot be withdrawn,
 * and once the local route has been decided the referral cannot be notified from here. The clocks are in {@link
 * CaseClocks}.
 */
public record Referral(
        long id,
        long partnershipId,
        String reference,
        String status,
        @Nullable LocalDate laAwareDate,
        LocalDate receivedOn,
        @Nullable String nationalDecision,
        @Nullable LocalDate nationalDecisionOn,
        @Nullable String nationalDecisionBy,
        @Nullable String nationalDecisionReason,
        @Nullable LocalDate notifiedOn,
        @Nullable String localDecision,
        @Nullable LocalDate localDecisionOn,
        @Nullable String localDecisionBy,
        @Nullable String localDecisionReason,
        @Nullable LocalDate closedOn,
        int version) {

    public static final String NOTIFY = "NOTIFY";
    public static final String DO_NOT_NOTIFY = "DO_NOT_NOTIFY";
    public static final String LOCAL_REVIEW = "LOCAL_REVIEW";
    public static final String NO_REVIEW = "NO_REVIEW";

    /**
     * Records (or corrects) the decision whether to notify the national panel.
     *
     * @throws IllegalStateException when the decision cannot be made or changed in the referral's state
     * @throws IllegalArgumentException for a decision that is not NOTIFY or DO_NOT_NOTIFY
     */
    Referral decideNationalNotification(
            String decision, LocalDate decidedOn, @Nullable LocalDate notified, String reason, String by) {
        if ("DRAFT".equals(status)) {
            throw Refusal.invalid("A draft referral cannot be triaged until it is submitted");
        }
        if (!NOTIFY.equals(decision) && !DO_NOT_NOTIFY.equals(decision)) {
            throw new IllegalArgumentException("Unknown decision " + decision);
        }
        if (NOTIFY.equals(nationalDecision) && DO_NOT_NOTIFY.equals(decision)) {
            throw Refusal.invalid(
                    "This incident was notified to the national panel; a notification cannot be withdrawn");
        }
        if (DO_NOT_NOTIFY.equals(nationalDecision) && NOTIFY.equals(decision) && localDecision != null) {
            throw Refusal.invalid("The practice review group has already decided on a local review;"
                    + " record a change to the local decision first");
        }
        if ("REVIEW_COMMISSIONED".equals(status) && !decision.equals(nationalDecision)) {
            throw Refusal.invalid("A practice review has been commissioned for this referral");
        }
        LocalDate aware = laAwareDate != null ? laAwareDate : receivedOn;
        if (decidedOn.isBefore(aware) && laAwareDate != null) {
            throw Refusal.invalid("The decision date must be on or after the date the local authority"
                    + " became aware of the incident");
        }
        if (NOTIFY.equals(decision)) {
            if (notified == null) {
                throw Refusal.invalid("Enter the date the national panel was notified");
            }
            if (laAwareDate != null && notified.isBefore(laAwareDate)) {
                throw Refusal.invalid("The date notified must be on or after the date the local authority"
                        + " became aware of the incident");
            }
        }
        String next = NOTIFY.equals(decision)
                ? ("REVIEW_COMMISSIONED".equals(status) ? status : "RAPID_REVIEW")
                : ("RECEIVED".equals(status) || "RAPID_REVIEW".equals(status) ? "LOCAL_CONSIDERATION" : status);
        return new Referral(
                id,
                partnershipId,
                reference,
                next,
                laAwareDate,
                receivedOn,
                decision,
                decidedOn,
                by,
                reason,
                NOTIFY.equals(decision) ? notified : null,
                localDecision,
                localDecisionOn,
                localDecisionBy,
                localDecisionReason,
                closedOn,
                version);
    }

    /**
     * Records (or corrects) the practice review group's decision on a referral not notified nationally.
     *
     * @throws IllegalStateException when the referral is not on the local route, or a review is already commissioned
     */
    Referral decideLocalReview(String decision, LocalDate decidedOn, String reason, String by) {
        if (!DO_NOT_NOTIFY.equals(nationalDecision)) {
            throw Refusal.invalid("Only a referral that was not notified to the national panel follows"
                    + " the local route; record the triage decision first");
        }
        if ("REVIEW_COMMISSIONED".equals(status)) {
            throw Refusal.invalid(
                    "A practice review has been commissioned for this referral; the local decision cannot change");
        }
        if (!LOCAL_REVIEW.equals(decision) && !NO_REVIEW.equals(decision)) {
            throw new IllegalArgumentException("Unknown decision " + decision);
        }
        if (nationalDecisionOn != null && decidedOn.isBefore(nationalDecisionOn)) {
            throw Refusal.invalid("The local decision cannot be dated before the triage decision on "
                    + CaseFormats.date(nationalDecisionOn));
        }
        boolean close = NO_REVIEW.equals(decision);
        return new Referral(
                id,
                partnershipId,
                reference,
                close ? "CLOSED" : "LOCAL_CONSIDERATION",
                laAwareDate,
                receivedOn,
                nationalDecision,
                nationalDecisionOn,
                nationalDecisionBy,
                nationalDecisionReason,
                notifiedOn,
                decision,
                decidedOn,
                by,
                reason,
                close ? decidedOn : null,
                version);
    }

    boolean awaitingTriage() {
        return "RECEIVED".equals(status) || "NOTIFIED".equals(status) && nationalDecision == null;
    }

    /** The fields the audit trail records for a decision. */
    Map<String, Object> auditValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("national_decision", nationalDecision);
        m.put("national_decision_on", nationalDecisionOn);
        m.put("national_decision_reason", nationalDecisionReason);
        m.put("notified_on", notifiedOn);
        m.put("local_decision", localDecision);
        m.put("local_decision_on", localDecisionOn);
        m.put("local_decision_reason", localDecisionReason);
        m.put("closed_on", closedOn);
        return m;
    }
}
