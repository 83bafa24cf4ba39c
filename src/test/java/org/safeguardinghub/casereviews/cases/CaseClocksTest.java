package org.safeguardinghub.casereviews.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.calendar.ClockStatus;
import org.safeguardinghub.calendar.WorkingDayCalendar;

/** The serious incident clocks skip weekends and bank holidays in England (Working Together 2023, chapter 5). */
class CaseClocksTest {

    private final CaseClocks clocks = CaseClocks.england();
    private final WorkingDayCalendar england = WorkingDayCalendar.england();

    @Test
    void notificationAfterChristmasEveSkipsChristmasBoxingDaySubstituteAndNewYear() {
        LocalDate christmasEve = LocalDate.of(2026, 12, 24); // a Thursday
        var clock = clocks.notification(christmasEve, LocalDate.of(2026, 12, 28), null);
        // Fri 25 Dec and Mon 28 Dec (Boxing Day substitute) and Fri 1 Jan are bank holidays:
        // Tue 29, Wed 30, Thu 31, Mon 4, Tue 5
        assertThat(clock.targetDate()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(clock.targetDate()).isEqualTo(england.addWorkingDays(christmasEve, 5));
        assertThat(clock.status(LocalDate.of(2026, 12, 29))).isEqualTo(ClockStatus.RUNNING);
        assertThat(clock.status(LocalDate.of(2027, 1, 4))).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(clock.status(LocalDate.of(2027, 1, 5))).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(clock.status(LocalDate.of(2027, 1, 6))).isEqualTo(ClockStatus.OVERDUE);
    }

    @Test
    void notificationBeforeTheEasterWeekendSkipsGoodFridayAndEasterMonday() {
        LocalDate maundyThursday = LocalDate.of(2026, 4, 2);
        var clock = clocks.notification(maundyThursday, maundyThursday, null);
        assertThat(clock.targetDate()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(clock.targetDate()).isEqualTo(england.addWorkingDays(maundyThursday, 5));
    }

    @Test
    void notificationStartsFromReceiptWhenTheDateTheLocalAuthorityBecameAwareIsUnknown() {
        LocalDate received = LocalDate.of(2026, 11, 16); // a Monday
        assertThat(clocks.notification(null, received, null).targetDate()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void theDecisionStopsTheNotificationClockMetOnTheTargetDayLateAfterIt() {
        LocalDate aware = LocalDate.of(2026, 11, 16);
        assertThat(clocks.notification(aware, aware, LocalDate.of(2026, 11, 23)).status(LocalDate.of(2027, 1, 1)))
                .isEqualTo(ClockStatus.MET);
        assertThat(clocks.notification(aware, aware, LocalDate.of(2026, 11, 24)).status(LocalDate.of(2027, 1, 1)))
                .isEqualTo(ClockStatus.BREACHED);
    }

    @Test
    void rapidReviewIsDueFifteenWorkingDaysAfterNotificationAcrossChristmas() {
        LocalDate notified = LocalDate.of(2026, 12, 24);
        var clock = clocks.rapidReview(notified, null);
        assertThat(clock.targetDate()).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(clock.targetDate()).isEqualTo(england.addWorkingDays(notified, 15));
        assertThat(clock.daysRemaining(LocalDate.of(2027, 1, 15))).isEqualTo(2);
        assertThat(clocks.rapidReview(notified, LocalDate.of(2027, 1, 20)).status(LocalDate.of(2027, 2, 1)))
                .isEqualTo(ClockStatus.BREACHED);
    }

    @Test
    void practiceReviewIsPublishedWithinSixCalendarMonths() {
        var clock = clocks.practiceReview(LocalDate.of(2026, 8, 31), null);
        assertThat(clock.targetDate()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(clock.status(LocalDate.of(2027, 3, 1))).isEqualTo(ClockStatus.OVERDUE);
    }

    @Test
    void agencyRequestsAreDueFiveWorkingDaysLaterByDefaultAndOverdueTheDayAfter() {
        LocalDate requested = LocalDate.of(2026, 12, 23);
        LocalDate due = clocks.requestDueDate(requested);
        assertThat(due).isEqualTo(LocalDate.of(2027, 1, 4));
        var clock = clocks.agencyRequest(requested, due, null);
        assertThat(clock.status(due)).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(clock.status(due.plusDays(1))).isEqualTo(ClockStatus.OVERDUE);
        assertThat(clocks.agencyRequest(requested, due, due).status(due.plusDays(9)))
                .isEqualTo(ClockStatus.MET);
    }

    @Test
    void theClockViewSaysHowLongIsLeftInWorkingDays() {
        var view = ClockView.of(clocks.rapidReview(LocalDate.of(2026, 12, 24), null), LocalDate.of(2027, 1, 18));
        assertThat(view.remaining()).isEqualTo("1 working day left");
        assertThat(view.label()).isEqualTo("Due soon");
        var late = ClockView.of(clocks.rapidReview(LocalDate.of(2026, 12, 24), null), LocalDate.of(2027, 1, 21));
        assertThat(late.remaining()).isEqualTo("2 working days overdue");
        assertThat(late.tagClass()).isEqualTo("govuk-tag--red");
    }

    @Test
    void aClockIn2031WorksAndSaysItIncludesProjectedBankHolidays() {
        // notified Thursday 10 April 2031: Good Friday and Easter Monday 2031 are projected, not published
        var view = ClockView.of(clocks.rapidReview(LocalDate.of(2031, 4, 10), null), LocalDate.of(2031, 4, 15));
        assertThat(view.targetDate()).isEqualTo(LocalDate.of(2031, 5, 6)); // after the early May bank holiday
        assertThat(view.projected()).isTrue();
        assertThat(view.hint()).isEqualTo("Includes projected bank holidays");
        assertThat(view.withBasis("15 working days from notification").hint())
                .isEqualTo("15 working days from notification; includes projected bank holidays");
        var published = ClockView.of(clocks.rapidReview(LocalDate.of(2026, 4, 2), null), LocalDate.of(2026, 4, 3));
        assertThat(published.projected()).isFalse();
        assertThat(published.hint()).isNull();
    }

    @Test
    void theRapidReviewCanCountFromTheLocalAuthorityBecomingAware() {
        LocalDate aware = LocalDate.of(2026, 11, 16);
        LocalDate notified = LocalDate.of(2026, 11, 19);
        assertThat(clocks.rapidReview(RapidReviewStart.LA_AWARE, aware, notified, notified, null)
                        .targetDate())
                .isEqualTo(england.addWorkingDays(aware, 15));
        assertThat(clocks.rapidReview(RapidReviewStart.NOTIFICATION, aware, notified, notified, null)
                        .targetDate())
                .isEqualTo(england.addWorkingDays(notified, 15));
        // not known when the local authority became aware: from receipt
        assertThat(clocks.rapidReview(RapidReviewStart.LA_AWARE, null, aware.plusDays(1), notified, null)
                        .targetDate())
                .isEqualTo(england.addWorkingDays(aware.plusDays(1), 15));
    }
}
