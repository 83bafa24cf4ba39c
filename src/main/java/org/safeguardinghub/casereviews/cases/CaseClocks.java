package org.safeguardinghub.casereviews.cases;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.StatutoryClock;
import org.safeguardinghub.calendar.WorkingDayCalendar;

/**
 * The statutory clocks of a serious incident, in one place.
 *
 * <p><i>Working Together to Safeguard Children 2023</i> (chapter 5) and the national Child Safeguarding Practice
 * Review Panel's guidance set three time limits after a serious incident (reference.md section 2.6):
 *
 * <ol>
 *   <li><b>Serious incident notification</b>: the local authority notifies the national panel within <b>5 working
 *       days</b> of becoming aware of the incident. The clock starts on the day the local authority became aware
 *       ({@code la_aware_date}); when the referral does not say, on the day the referral was received. It stops on
 *       the day the panel was notified, or on the day it was decided not to notify.
 *   <li><b>Rapid review</b>: the safeguarding partners complete a rapid review and send it to the national panel
 *       within <b>15 working days</b>. Guidance and practice differ on when that starts, so each partnership
 *       chooses ({@link RapidReviewStart}): from the notification (the default), or from the local authority
 *       becoming aware of the incident (from receipt when that date is not known). It stops on the day the rapid
 *       review is sent.
 *   <li><b>Practice review publication</b>: a local child safeguarding practice review is published within <b>6
 *       calendar months</b> of being commissioned (SI 2018/789 regulation 14 and the panel's guidance). It stops on
 *       publication.
 * </ol>
 *
 * <p>Working days skip weekends and bank holidays in England ({@link WorkingDayCalendar#england()}, read each time a
 * clock is made so that an official list loaded later is used; after that list the holidays are projected and the
 * clock says so); the day that
 * starts a clock is not counted. A request to an agency for its summary of involvement or chronology is a local
 * standard rather than a statutory one: it is due by the date the business team sets, by default 5 working days
 * after the request, so that the contributions are in before the rapid review meeting.
 */
public final class CaseClocks {

    static final String NOTIFICATION = "National panel notification";
    static final String RAPID_REVIEW = "Rapid review sent to national panel";
    static final String PRACTICE_REVIEW = "Practice review published";
    static final String AGENCY_REQUEST = "Agency contribution";

    static final int NOTIFICATION_WORKING_DAYS = 5;
    static final int RAPID_REVIEW_WORKING_DAYS = 15;
    static final int PRACTICE_REVIEW_MONTHS = 6;
    static final int AGENCY_REQUEST_WORKING_DAYS = 5;

    private final @Nullable WorkingDayCalendar fixed;

    CaseClocks(@Nullable WorkingDayCalendar calendar) {
        this.fixed = calendar;
    }

    /** Clocks on England's calendar as it stands when each clock is made. */
    public static CaseClocks england() {
        return new CaseClocks(null);
    }

    private WorkingDayCalendar calendar() {
        return fixed != null ? fixed : WorkingDayCalendar.england();
    }

    /**
     * The notification decision clock: 5 working days from the local authority becoming aware, or from receipt when
     * that date is not known; stopped by the decision (a decision dated before the clock started meets it).
     */
    public StatutoryClock notification(
            @Nullable LocalDate laAwareOn, LocalDate receivedOn, @Nullable LocalDate decidedOn) {
        LocalDate start = laAwareOn != null ? laAwareOn : receivedOn;
        StatutoryClock clock = StatutoryClock.workingDays(NOTIFICATION, start, NOTIFICATION_WORKING_DAYS, calendar());
        return decidedOn == null ? clock : clock.stop(latest(start, decidedOn));
    }

    /** The rapid review clock: 15 working days from notification, stopped when the review is sent to the panel. */
    StatutoryClock rapidReview(LocalDate notifiedOn, @Nullable LocalDate sentToPanelOn) {
        return rapidReview(RapidReviewStart.NOTIFICATION, null, notifiedOn, notifiedOn, sentToPanelOn);
    }

    /**
     * The rapid review clock from the start the partnership chose: 15 working days from notification, or from the
     * local authority becoming aware (from receipt when that is not known); stopped when the review is sent.
     */
    StatutoryClock rapidReview(
            RapidReviewStart start,
            @Nullable LocalDate laAwareOn,
            LocalDate receivedOn,
            LocalDate notifiedOn,
            @Nullable LocalDate sentToPanelOn) {
        LocalDate from = rapidReviewStartDate(start, laAwareOn, receivedOn, notifiedOn);
        StatutoryClock clock = StatutoryClock.workingDays(RAPID_REVIEW, from, RAPID_REVIEW_WORKING_DAYS, calendar());
        return sentToPanelOn == null ? clock : clock.stop(latest(from, sentToPanelOn));
    }

    /** The day the rapid review clock starts under the partnership's choice. */
    static LocalDate rapidReviewStartDate(
            RapidReviewStart start, @Nullable LocalDate laAwareOn, LocalDate receivedOn, LocalDate notifiedOn) {
        if (start == RapidReviewStart.LA_AWARE) {
            return laAwareOn != null ? laAwareOn : receivedOn;
        }
        return notifiedOn;
    }

    /** The publication clock of a practice review: 6 calendar months from commissioning, stopped on publication. */
    StatutoryClock practiceReview(LocalDate commissionedOn, @Nullable LocalDate publishedOn) {
        StatutoryClock clock = StatutoryClock.calendarMonths(PRACTICE_REVIEW, commissionedOn, PRACTICE_REVIEW_MONTHS);
        return publishedOn == null ? clock : clock.stop(latest(commissionedOn, publishedOn));
    }

    /** An agency's contribution, due on the date set when it was requested; stopped when answered. */
    public StatutoryClock agencyRequest(LocalDate requestedOn, LocalDate dueOn, @Nullable LocalDate answeredOn) {
        long days = Math.max(0, ChronoUnit.DAYS.between(requestedOn, dueOn));
        StatutoryClock clock = StatutoryClock.calendarDays(AGENCY_REQUEST, requestedOn, Math.toIntExact(days))
                .withDueSoonThreshold(2);
        return answeredOn == null ? clock : clock.stop(latest(requestedOn, answeredOn));
    }

    /** The default due date of a request to an agency: 5 working days after it is sent. */
    public LocalDate requestDueDate(LocalDate requestedOn) {
        return calendar().addWorkingDays(requestedOn, AGENCY_REQUEST_WORKING_DAYS);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return b.isBefore(a) ? a : b;
    }
}
