package org.safeguardinghub.casereviews.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.Refusal;

/**
 * The rapid review that follows a notification to the national Child Safeguarding Practice Review Panel.
 *
 * <p><i>Working Together to Safeguard Children 2023</i> (chapter 5) asks the safeguarding partners to complete a
 * rapid review and send it to the national panel within <b>15 working days</b> of the notification (reference.md
 * section 2.6; the clock is in {@link CaseClocks}). The partners gather the facts from each agency involved (a
 * summary of involvement or a chronology, requested here and answered by the agency lead), meet, and decide what
 * happens next.
 *
 * <p>Its life: created when the referral is notified; a <b>meeting</b> date and members are recorded; the
 * <b>outcome</b> is recorded on or after the meeting (a local child safeguarding practice review, no further review
 * with a learning action plan, or another type of review, always with the rationale); finally it is <b>sent to the
 * national panel</b>, which stops the clock. An outcome cannot be recorded before the meeting, nor the review sent
 * before it has an outcome; once sent it is not changed here.
 */
public record RapidReview(
        long id,
        long referralId,
        @Nullable LocalDate meetingOn,
        @Nullable String outcome,
        @Nullable String otherReviewType,
        @Nullable String outcomeReason,
        @Nullable LocalDate completedOn,
        @Nullable LocalDate sentToPanelOn,
        int version) {

    public static final String OTHER_REVIEW = "OTHER_REVIEW";

    /** Sets the meeting date. */
    RapidReview holdMeetingOn(LocalDate on) {
        requireNotSent();
        if (completedOn != null && on.isAfter(completedOn)) {
            throw Refusal.invalid(
                    "The meeting cannot be after the outcome was recorded on " + CaseFormats.date(completedOn));
        }
        return new RapidReview(
                id, referralId, on, outcome, otherReviewType, outcomeReason, completedOn, sentToPanelOn, version);
    }

    /** Records the outcome agreed at (or after) the meeting. */
    RapidReview recordOutcome(String newOutcome, @Nullable String reviewType, String reason, LocalDate completed) {
        requireNotSent();
        if (meetingOn == null) {
            throw Refusal.invalid("Record the date of the rapid review meeting before its outcome");
        }
        if (completed.isBefore(meetingOn)) {
            throw Refusal.invalid(
                    "The outcome cannot be recorded before the rapid review meeting on " + CaseFormats.date(meetingOn));
        }
        if (OTHER_REVIEW.equals(newOutcome) && (reviewType == null || reviewType.isBlank())) {
            throw Refusal.invalid("Select the type of review");
        }
        if (reason.isBlank()) {
            throw Refusal.invalid("Enter the rationale for the outcome");
        }
        return new RapidReview(
                id,
                referralId,
                meetingOn,
                newOutcome,
                OTHER_REVIEW.equals(newOutcome) ? reviewType : null,
                reason,
                completed,
                null,
                version);
    }

    /** Sends the completed rapid review to the national panel: stops the 15-working-day clock. */
    RapidReview sendToPanel(LocalDate on) {
        requireNotSent();
        if (outcome == null || completedOn == null) {
            throw Refusal.invalid(
                    "Record the outcome of the rapid review before sending it to the" + " national panel");
        }
        if (on.isBefore(completedOn)) {
            throw Refusal.invalid("The rapid review cannot be sent before its outcome was recorded on "
                    + CaseFormats.date(completedOn));
        }
        return new RapidReview(
                id, referralId, meetingOn, outcome, otherReviewType, outcomeReason, completedOn, on, version);
    }

    boolean sent() {
        return sentToPanelOn != null;
    }

    private void requireNotSent() {
        if (sentToPanelOn != null) {
            throw Refusal.invalid("The rapid review was sent to the national panel on "
                    + CaseFormats.date(sentToPanelOn) + " and can no longer be changed");
        }
    }

    Map<String, Object> auditValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("meeting_on", meetingOn);
        m.put("outcome", outcome);
        m.put("other_review_type", otherReviewType);
        m.put("outcome_reason", outcomeReason);
        m.put("completed_on", completedOn);
        m.put("sent_to_panel_on", sentToPanelOn);
        return m;
    }
}
