package org.safeguardinghub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatutoryClockTest {

    private static final WorkingDayCalendar ENGLAND = WorkingDayCalendar.england();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /**
     * Aware of a serious incident on Monday 25 March 2024: Tue 26 (1), Wed 27 (2), Thu 28 (3), Good Friday 29,
     * weekend, Easter Monday 1 April, Tue 2 (4), Wed 3 April (5).
     */
    private static StatutoryClock notification() {
        return StatutoryClock.workingDays("Serious incident notification", d("2024-03-25"), 5, ENGLAND);
    }

    @Nested
    class Targets {

        @Test
        void seriousIncidentNotificationSkipsEaster() {
            StatutoryClock clock = notification();
            assertThat(clock.targetDate()).isEqualTo(d("2024-04-03"));
            assertThat(clock.started()).isEqualTo(d("2024-03-25"));
            assertThat(clock.name()).isEqualTo("Serious incident notification");
            assertThat(clock.unit()).isEqualTo(StatutoryClock.Unit.WORKING_DAYS);
            assertThat(clock.amount()).isEqualTo(5);
            assertThat(clock.stoppedOn()).isEmpty();
            assertThat(clock.pauses()).isEmpty();
        }

        @Test
        void rapidReviewFifteenWorkingDays() {
            // Notified Wed 3 April 2024: Thu 4 (1), Fri 5 (2), 8-12 (3-7), 15-19 (8-12), Mon 22 (13), Tue 23 (14),
            // Wed 24 April (15). No bank holidays in between.
            StatutoryClock clock = StatutoryClock.workingDays("Rapid review", d("2024-04-03"), 15, ENGLAND);
            assertThat(clock.targetDate()).isEqualTo(d("2024-04-24"));
        }

        @Test
        void localReviewSixCalendarMonths() {
            StatutoryClock clock = StatutoryClock.calendarMonths("LCSPR publication", d("2024-01-15"), 6);
            assertThat(clock.targetDate()).isEqualTo(d("2024-07-15"));
            assertThat(clock.unit()).isEqualTo(StatutoryClock.Unit.CALENDAR_MONTHS);
        }

        @Test
        void calendarMonthsEndingOnAShorterMonthUseItsLastDay() {
            assertThat(StatutoryClock.calendarMonths("x", d("2023-08-31"), 6).targetDate())
                    .isEqualTo(d("2024-02-29"));
        }

        @Test
        void calendarDays() {
            assertThat(StatutoryClock.calendarDays("x", d("2024-01-01"), 30).targetDate())
                    .isEqualTo(d("2024-01-31"));
        }

        @Test
        void aClockPastThePublishedListStillWorksAndSaysItUsesProjectedHolidays() {
            // Fri 20 Dec 2030: 23, 24 (2), 25-26 holidays, 27, 30, 31 (5), 1 Jan 2031 New Year's Day (projected),
            // 2, 3 (7), 6, 7, 8 (10)
            StatutoryClock clock = StatutoryClock.workingDays("x", d("2030-12-20"), 10, ENGLAND);
            assertThat(clock.targetDate()).isEqualTo(d("2031-01-08"));
            assertThat(clock.usesProjectedHolidays()).isTrue();

            // a rapid review notified in March 2031: Good Friday 11 April and Easter Monday 14 April 2031 skipped
            StatutoryClock rapid = StatutoryClock.workingDays("Rapid review", d("2031-03-31"), 15, ENGLAND);
            assertThat(rapid.targetDate()).isEqualTo(d("2031-04-23"));
            assertThat(rapid.usesProjectedHolidays()).isTrue();
            assertThat(rapid.status(d("2031-04-22"))).isEqualTo(ClockStatus.DUE_SOON);
            assertThat(rapid.daysRemaining(d("2031-04-22"))).isEqualTo(1);
        }

        @Test
        void aClockWithinThePublishedListIsNotProjected() {
            assertThat(StatutoryClock.workingDays("x", d("2030-12-09"), 10, ENGLAND)
                            .usesProjectedHolidays())
                    .isFalse();
            assertThat(StatutoryClock.calendarMonths("x", d("2031-01-01"), 6).usesProjectedHolidays())
                    .isFalse();
        }

        @Test
        void refusesAClockBeyondACalendarThatDoesNotProject() {
            WorkingDayCalendar fixed = WorkingDayCalendar.of(java.util.Set.of());
            assertThatThrownBy(() -> StatutoryClock.workingDays("x", d("2030-12-20"), 10, fixed))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2030-12-31");
        }

        @Test
        void validatesItsArguments() {
            assertThatThrownBy(() -> StatutoryClock.workingDays("x", d("2024-01-01"), -1, ENGLAND))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> StatutoryClock.calendarMonths(" ", d("2024-01-01"), 6))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> notification().withDueSoonThreshold(-1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class PausingAndResuming {

        /** Mon 3 June 2024 + 5 working days = Mon 10 June. */
        private final StatutoryClock clock = StatutoryClock.workingDays("x", d("2024-06-03"), 5, ENGLAND);

        @Test
        void movesTheTargetOutByThePausedWorkingDays() {
            assertThat(clock.targetDate()).isEqualTo(d("2024-06-10"));

            // Paused Wed 5, resumed Fri 7: Thu 6 and Fri 7 elapsed while paused, so two more working days.
            StatutoryClock paused = clock.pause(d("2024-06-05"), "Awaiting police advice");
            StatutoryClock resumed = paused.resume(d("2024-06-07"));

            assertThat(resumed.targetDate()).isEqualTo(d("2024-06-12"));
            assertThat(resumed.pausedDays()).isEqualTo(2);
            assertThat(resumed.isPaused()).isFalse();
            assertThat(resumed.pauses())
                    .containsExactly(
                            new StatutoryClock.Pause(d("2024-06-05"), d("2024-06-07"), "Awaiting police advice"));
        }

        @Test
        void keepsTheTimeRemainingAcrossThePause() {
            StatutoryClock paused = clock.pause(d("2024-06-05"), "reason");
            // At the pause: Thu 6, Fri 7, Mon 10 were left.
            assertThat(paused.daysRemaining(d("2024-06-05"))).isEqualTo(3);
            // Frozen while paused, however long it lasts.
            assertThat(paused.daysRemaining(d("2024-06-20"))).isEqualTo(3);
            assertThat(paused.status(d("2024-06-20"))).isEqualTo(ClockStatus.PAUSED);
            // The target is not moved until the clock resumes.
            assertThat(paused.targetDate()).isEqualTo(d("2024-06-10"));

            StatutoryClock resumed = paused.resume(d("2024-06-20"));
            assertThat(resumed.daysRemaining(d("2024-06-20"))).isEqualTo(3);
            // Thu 20 + 3 working days = Tue 25 June.
            assertThat(resumed.targetDate()).isEqualTo(d("2024-06-25"));
        }

        @Test
        void aPauseOverABankHolidayWeekendCountsOnlyWorkingDays() {
            // Mon 20 May 2024 + 10: 21-24 (1-4), Mon 27 spring bank holiday, 28-31 (5-8), 3-4 June (9-10).
            StatutoryClock clock = StatutoryClock.workingDays("x", d("2024-05-20"), 10, ENGLAND);
            assertThat(clock.targetDate()).isEqualTo(d("2024-06-04"));
            // Paused Fri 24 to Tue 28: only Tue 28 is a working day elapsed, so the target moves by one.
            StatutoryClock resumed = clock.pause(d("2024-05-24"), "reason").resume(d("2024-05-28"));
            assertThat(resumed.pausedDays()).isEqualTo(1);
            assertThat(resumed.targetDate()).isEqualTo(d("2024-06-05"));
        }

        @Test
        void pausesAddUp() {
            StatutoryClock twice = clock.pause(d("2024-06-04"), "first")
                    .resume(d("2024-06-05"))
                    .pause(d("2024-06-06"), "second")
                    .resume(d("2024-06-10"));
            // (4,5] = 1 and (6,10] = Fri 7, Mon 10 = 2, so 5 + 3 = 8 working days from Mon 3 June: Thu 13 June.
            assertThat(twice.pausedDays()).isEqualTo(3);
            assertThat(twice.targetDate()).isEqualTo(d("2024-06-13"));
            assertThat(twice.pauses()).hasSize(2);
        }

        @Test
        void pausingAndResumingOnTheSameDayChangesNothing() {
            assertThat(clock.pause(d("2024-06-05"), "r").resume(d("2024-06-05")).targetDate())
                    .isEqualTo(d("2024-06-10"));
        }

        @Test
        void movesACalendarDayClockByCalendarDays() {
            StatutoryClock resumed = StatutoryClock.calendarDays("x", d("2024-01-01"), 30)
                    .pause(d("2024-01-10"), "r")
                    .resume(d("2024-01-20"));
            // 31 January moved out by the 10 days paused.
            assertThat(resumed.targetDate()).isEqualTo(d("2024-02-10"));
        }

        @Test
        void movesACalendarMonthClockByCalendarDays() {
            // 1 March to 15 April 2024 is 45 days; 15 July + 45 days = 29 August.
            StatutoryClock resumed = StatutoryClock.calendarMonths("LCSPR", d("2024-01-15"), 6)
                    .pause(d("2024-03-01"), "Criminal trial")
                    .resume(d("2024-04-15"));
            assertThat(resumed.pausedDays()).isEqualTo(45);
            assertThat(resumed.targetDate()).isEqualTo(d("2024-08-29"));
        }

        @Test
        void leavesTheOriginalUnchanged() {
            StatutoryClock paused = clock.pause(d("2024-06-05"), "r");
            assertThat(clock.isPaused()).isFalse();
            assertThat(clock.pauses()).isEmpty();
            assertThat(paused.isPaused()).isTrue();
            assertThat(paused.pauses().get(0).isOpen()).isTrue();
            assertThat(paused.pauses().get(0).resumed()).isEmpty();
            assertThat(paused).isNotEqualTo(clock);
        }

        @Test
        void rejectsTransitionsOutOfOrder() {
            StatutoryClock paused = clock.pause(d("2024-06-05"), "r");
            assertThatThrownBy(() -> clock.resume(d("2024-06-05"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> paused.pause(d("2024-06-06"), "again")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> paused.resume(d("2024-06-04"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> clock.pause(d("2024-06-02"), "before start"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> paused.resume(d("2024-06-07")).pause(d("2024-06-06"), "before last resume"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> clock.pause(d("2024-06-05"), " ")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Stopping {

        @Test
        void isMetOnOrBeforeTheTarget() {
            assertThat(notification().stop(d("2024-04-03")).status(d("2024-05-01")))
                    .isEqualTo(ClockStatus.MET);
            assertThat(notification().stop(d("2024-03-26")).status(d("2024-05-01")))
                    .isEqualTo(ClockStatus.MET);
            assertThat(notification().stop(d("2024-03-25")).status(d("2024-03-25")))
                    .isEqualTo(ClockStatus.MET);
        }

        @Test
        void isBreachedAfterTheTarget() {
            StatutoryClock stopped = notification().stop(d("2024-04-04"));
            assertThat(stopped.status(d("2024-04-04"))).isEqualTo(ClockStatus.BREACHED);
            assertThat(stopped.status(d("2024-04-04")).isFinal()).isTrue();
            assertThat(stopped.stoppedOn()).contains(d("2024-04-04"));
            assertThat(stopped.isStopped()).isTrue();
            // Frozen at the stop: one working day late.
            assertThat(stopped.daysRemaining(d("2024-06-01"))).isEqualTo(-1);
        }

        @Test
        void aPauseCanTurnABreachIntoAMeet() {
            // Without the pause, stopping on Thu 4 April breaches the Wed 3 April target; with Thu 28 March paused
            // to Tue 2 April (one working day elapsed: Tue 2 April), the target becomes Thu 4 April.
            StatutoryClock clock = notification().pause(d("2024-03-28"), "r").resume(d("2024-04-02"));
            assertThat(clock.targetDate()).isEqualTo(d("2024-04-04"));
            assertThat(clock.stop(d("2024-04-04")).status(d("2024-04-04"))).isEqualTo(ClockStatus.MET);
        }

        @Test
        void stoppingAPausedClockClosesThePauseOnTheSameDay() {
            // Mon 3 June + 5 = Mon 10 June. Paused Wed 5, stopped Wed 12: 5 working days elapsed while paused,
            // so the target is 10 working days from 3 June, Mon 17 June, and the clock was met.
            StatutoryClock stopped = StatutoryClock.workingDays("x", d("2024-06-03"), 5, ENGLAND)
                    .pause(d("2024-06-05"), "r")
                    .stop(d("2024-06-12"));
            assertThat(stopped.isPaused()).isFalse();
            assertThat(stopped.pauses().get(0).resumedOn()).isEqualTo(d("2024-06-12"));
            assertThat(stopped.targetDate()).isEqualTo(d("2024-06-17"));
            assertThat(stopped.status(d("2024-06-12"))).isEqualTo(ClockStatus.MET);
        }

        @Test
        void cannotChangeAfterStopping() {
            StatutoryClock stopped = notification().stop(d("2024-04-01"));
            assertThatThrownBy(() -> stopped.stop(d("2024-04-02"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> stopped.pause(d("2024-04-02"), "r")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> stopped.resume(d("2024-04-02"))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void cannotStopBeforeTheStartOrTheLastEvent() {
            assertThatThrownBy(() -> notification().stop(d("2024-03-24"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> notification()
                            .pause(d("2024-03-26"), "r")
                            .resume(d("2024-03-28"))
                            .stop(d("2024-03-27")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class StatusAndDaysRemaining {

        @Test
        void runsThenIsDueSoonThenOverdue() {
            StatutoryClock clock = notification(); // target Wed 3 April 2024
            assertThat(clock.status(d("2024-03-25"))).isEqualTo(ClockStatus.RUNNING);
            assertThat(clock.daysRemaining(d("2024-03-25"))).isEqualTo(5);
            // Wed 27 March: Thu 28, Tue 2, Wed 3 left.
            assertThat(clock.daysRemaining(d("2024-03-27"))).isEqualTo(3);
            assertThat(clock.status(d("2024-03-27"))).isEqualTo(ClockStatus.RUNNING);
            // Thu 28 March: Tue 2 and Wed 3 left, within the default 2 working days.
            assertThat(clock.daysRemaining(d("2024-03-28"))).isEqualTo(2);
            assertThat(clock.status(d("2024-03-28"))).isEqualTo(ClockStatus.DUE_SOON);
            // Good Friday: still 2, nothing counted over the bank holidays.
            assertThat(clock.daysRemaining(d("2024-03-29"))).isEqualTo(2);
            assertThat(clock.daysRemaining(d("2024-04-01"))).isEqualTo(2);
            // The target day itself is due soon with 0 left.
            assertThat(clock.daysRemaining(d("2024-04-03"))).isZero();
            assertThat(clock.status(d("2024-04-03"))).isEqualTo(ClockStatus.DUE_SOON);
            // The day after is overdue.
            assertThat(clock.status(d("2024-04-04"))).isEqualTo(ClockStatus.OVERDUE);
            assertThat(clock.daysRemaining(d("2024-04-04"))).isEqualTo(-1);
            assertThat(clock.daysRemaining(d("2024-04-05"))).isEqualTo(-2);
            assertThat(clock.daysRemaining(d("2024-04-08"))).isEqualTo(-3);
        }

        @Test
        void aMissedFridayDeadlineIsOverdueOverTheWeekend() {
            // Fri 7 June 2024 + 5 = Fri 14 June.
            StatutoryClock clock = StatutoryClock.workingDays("x", d("2024-06-07"), 5, ENGLAND);
            assertThat(clock.targetDate()).isEqualTo(d("2024-06-14"));
            assertThat(clock.status(d("2024-06-15"))).isEqualTo(ClockStatus.OVERDUE);
            assertThat(clock.daysRemaining(d("2024-06-15"))).isEqualTo(-1);
            assertThat(clock.daysRemaining(d("2024-06-16"))).isEqualTo(-1);
            assertThat(clock.daysRemaining(d("2024-06-17"))).isEqualTo(-1);
            assertThat(clock.daysRemaining(d("2024-06-18"))).isEqualTo(-2);
        }

        @Test
        void dueSoonThresholdIsAParameter() {
            StatutoryClock clock = notification();
            assertThat(clock.dueSoonThreshold()).isEqualTo(StatutoryClock.DEFAULT_DUE_SOON_WORKING_DAYS);
            assertThat(clock.status(d("2024-03-27"), 3)).isEqualTo(ClockStatus.DUE_SOON);

            StatutoryClock strict = clock.withDueSoonThreshold(0);
            assertThat(strict.status(d("2024-03-28"))).isEqualTo(ClockStatus.RUNNING);
            assertThat(strict.status(d("2024-04-03"))).isEqualTo(ClockStatus.DUE_SOON);
            assertThat(clock.dueSoonThreshold()).as("original unchanged").isEqualTo(2);
        }

        @Test
        void calendarClocksCountCalendarDaysWithASevenDayDefault() {
            StatutoryClock clock = StatutoryClock.calendarDays("x", d("2024-01-01"), 30); // target 31 January
            assertThat(clock.dueSoonThreshold()).isEqualTo(StatutoryClock.DEFAULT_DUE_SOON_CALENDAR_DAYS);
            assertThat(clock.daysRemaining(d("2024-01-23"))).isEqualTo(8);
            assertThat(clock.status(d("2024-01-23"))).isEqualTo(ClockStatus.RUNNING);
            assertThat(clock.status(d("2024-01-24"))).isEqualTo(ClockStatus.DUE_SOON);
            assertThat(clock.status(d("2024-02-01"))).isEqualTo(ClockStatus.OVERDUE);
            assertThat(clock.daysRemaining(d("2024-02-03"))).isEqualTo(-3);
        }

        @Test
        void aLocalReviewIsDueSoonInItsLastWeek() {
            StatutoryClock clock = StatutoryClock.calendarMonths("LCSPR", d("2024-01-15"), 6); // target 15 July
            assertThat(clock.status(d("2024-07-07"))).isEqualTo(ClockStatus.RUNNING);
            assertThat(clock.status(d("2024-07-08"))).isEqualTo(ClockStatus.DUE_SOON);
            assertThat(clock.status(d("2024-07-16"))).isEqualTo(ClockStatus.OVERDUE);
        }

        @Test
        void equalClocksAreEqual() {
            assertThat(notification()).isEqualTo(notification()).hasSameHashCodeAs(notification());
            assertThat(notification().toString()).contains("Serious incident notification", "2024-04-03");
        }
    }
}
