package org.safeguardinghub.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A statutory clock: a time limit, set by law or statutory guidance, that starts on an event and must be met by a
 * target date.
 *
 * <p>Safeguarding partnerships work to several of these. Under <i>Working Together to Safeguard Children 2023</i>, for
 * example, the local authority notifies the national Child Safeguarding Practice Review Panel of a serious incident
 * within 5 working days of becoming aware of it; the safeguarding partners complete a rapid review within 15 working
 * days of that notification; and a local child safeguarding practice review is published within 6 calendar months of
 * being commissioned. The first two count working days, so weekends and bank holidays in England are skipped (see
 * {@link WorkingDayCalendar}); the last counts calendar months. This class does not hard-code those rules: the caller
 * names the clock and chooses the start event and allowance from the guidance in force.
 *
 * <p>A clock can be <b>paused</b> (for instance while waiting for a criminal trial to finish) and later <b>resumed</b>.
 * The time that passed while paused does not count: on resuming, the target moves out by the number of working days
 * (for working-day clocks) or calendar days (for calendar clocks) that elapsed between the pause and the resume, so
 * the time remaining is the same as when the clock was paused. Once <b>stopped</b> the clock is finished: it was
 * {@link ClockStatus#MET met} if stopped on or before the target date, otherwise {@link ClockStatus#BREACHED
 * breached}.
 *
 * <p>Instances are immutable: {@link #pause}, {@link #resume} and {@link #stop} return a new clock and leave this one
 * unchanged. Events must be applied in date order.
 */
public final class StatutoryClock {

    /** How a clock's allowance is counted. */
    public enum Unit {
        /** Working days in England: weekends and bank holidays are skipped. */
        WORKING_DAYS,
        /** Calendar days. */
        CALENDAR_DAYS,
        /** Calendar months, as {@link LocalDate#plusMonths} (31 August plus 6 months is the end of February). */
        CALENDAR_MONTHS
    }

    /** Default due-soon threshold for working-day clocks: 2 working days or fewer left. */
    public static final int DEFAULT_DUE_SOON_WORKING_DAYS = 2;

    /** Default due-soon threshold for calendar clocks: 7 days or fewer left. */
    public static final int DEFAULT_DUE_SOON_CALENDAR_DAYS = 7;

    /**
     * One period in which the clock was paused.
     *
     * @param pausedOn the day the clock was paused
     * @param resumedOn the day it was resumed, or {@code null} while it is still paused
     * @param reason why it was paused, for the record
     */
    public record Pause(LocalDate pausedOn, @Nullable LocalDate resumedOn, String reason) {

        public Pause {
            Objects.requireNonNull(pausedOn, "pausedOn");
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("A pause needs a reason");
            }
            if (resumedOn != null && resumedOn.isBefore(pausedOn)) {
                throw new IllegalArgumentException("Resumed on " + resumedOn + " before paused on " + pausedOn);
            }
        }

        /** Whether the clock is still paused. */
        public boolean isOpen() {
            return resumedOn == null;
        }

        /** The day the clock was resumed, if it has been. */
        public Optional<LocalDate> resumed() {
            return Optional.ofNullable(resumedOn);
        }

        Pause closedOn(LocalDate on) {
            return new Pause(pausedOn, on, reason);
        }
    }

    private final String name;
    private final Unit unit;
    private final LocalDate started;
    private final int amount;
    private final @Nullable WorkingDayCalendar calendar;
    private final List<Pause> pauses;
    private final @Nullable LocalDate stoppedOn;
    private final int dueSoonThreshold;
    private final LocalDate targetDate;

    private StatutoryClock(
            String name,
            Unit unit,
            LocalDate started,
            int amount,
            @Nullable WorkingDayCalendar calendar,
            List<Pause> pauses,
            @Nullable LocalDate stoppedOn,
            int dueSoonThreshold) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(started, "started");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A statutory clock needs a name");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("Time allowed must not be negative, was " + amount);
        }
        if (dueSoonThreshold < 0) {
            throw new IllegalArgumentException("Due-soon threshold must not be negative, was " + dueSoonThreshold);
        }
        if ((unit == Unit.WORKING_DAYS) != (calendar != null)) {
            throw new IllegalArgumentException("A working calendar is needed for, and only for, working-day clocks");
        }
        this.name = name;
        this.unit = unit;
        this.started = started;
        this.amount = amount;
        this.calendar = calendar;
        this.pauses = List.copyOf(pauses);
        this.stoppedOn = stoppedOn;
        this.dueSoonThreshold = dueSoonThreshold;
        // Computed eagerly so that a clock outside the calendar's coverage fails when created, not when first shown.
        this.targetDate = computeTarget();
    }

    /**
     * A clock that must be met within {@code days} working days after {@code started} (the start day is not counted).
     *
     * @throws IllegalArgumentException if the target falls outside the calendar's coverage
     */
    public static StatutoryClock workingDays(String name, LocalDate started, int days, WorkingDayCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        return new StatutoryClock(
                name, Unit.WORKING_DAYS, started, days, calendar, List.of(), null, DEFAULT_DUE_SOON_WORKING_DAYS);
    }

    /** A clock that must be met within {@code days} calendar days after {@code started}. */
    public static StatutoryClock calendarDays(String name, LocalDate started, int days) {
        return new StatutoryClock(
                name, Unit.CALENDAR_DAYS, started, days, null, List.of(), null, DEFAULT_DUE_SOON_CALENDAR_DAYS);
    }

    /** A clock that must be met within {@code months} calendar months after {@code started}. */
    public static StatutoryClock calendarMonths(String name, LocalDate started, int months) {
        return new StatutoryClock(
                name, Unit.CALENDAR_MONTHS, started, months, null, List.of(), null, DEFAULT_DUE_SOON_CALENDAR_DAYS);
    }

    /**
     * This clock with a different due-soon threshold, in the clock's own days (working days for working-day clocks,
     * calendar days otherwise).
     */
    public StatutoryClock withDueSoonThreshold(int threshold) {
        return new StatutoryClock(name, unit, started, amount, calendar, pauses, stoppedOn, threshold);
    }

    /**
     * Pauses the clock from {@code on}.
     *
     * @throws IllegalStateException if the clock is already paused or has been stopped
     * @throws IllegalArgumentException if {@code on} is before the start or the last resume
     */
    public StatutoryClock pause(LocalDate on, String reason) {
        Objects.requireNonNull(on, "on");
        requireNotStopped("pause");
        if (isPaused()) {
            throw new IllegalStateException("Clock '" + name + "' is already paused");
        }
        requireNotBeforeLastEvent(on, "paused");
        List<Pause> next = new ArrayList<>(pauses);
        next.add(new Pause(on, null, reason));
        return new StatutoryClock(name, unit, started, amount, calendar, next, null, dueSoonThreshold);
    }

    /**
     * Resumes a paused clock from {@code on}; the target moves out by the days that elapsed while paused.
     *
     * @throws IllegalStateException if the clock is not paused
     * @throws IllegalArgumentException if {@code on} is before the day it was paused
     */
    public StatutoryClock resume(LocalDate on) {
        Objects.requireNonNull(on, "on");
        requireNotStopped("resume");
        if (!isPaused()) {
            throw new IllegalStateException("Clock '" + name + "' is not paused");
        }
        return new StatutoryClock(name, unit, started, amount, calendar, closeOpenPause(on), null, dueSoonThreshold);
    }

    /**
     * Stops the clock on {@code on}: it is met if that is on or before the target date, otherwise breached. Stopping a
     * paused clock first resumes it on the same day, so the paused time still does not count.
     *
     * @throws IllegalStateException if the clock has already been stopped
     * @throws IllegalArgumentException if {@code on} is before the start or the last pause or resume
     */
    public StatutoryClock stop(LocalDate on) {
        Objects.requireNonNull(on, "on");
        requireNotStopped("stop");
        List<Pause> next = isPaused() ? closeOpenPause(on) : pauses;
        requireNotBeforeLastEvent(on, "stopped");
        return new StatutoryClock(name, unit, started, amount, calendar, next, on, dueSoonThreshold);
    }

    /** The status on {@code today}, using this clock's due-soon threshold. */
    public ClockStatus status(LocalDate today) {
        return status(today, dueSoonThreshold);
    }

    /**
     * The status on {@code today}. A running clock is {@link ClockStatus#DUE_SOON} when {@link #daysRemaining} is at
     * most {@code dueSoonThreshold} (so it is always due soon on the target date itself), and {@link
     * ClockStatus#OVERDUE} once the target date has passed.
     */
    public ClockStatus status(LocalDate today, int dueSoonThreshold) {
        Objects.requireNonNull(today, "today");
        if (stoppedOn != null) {
            return stoppedOn.isAfter(targetDate) ? ClockStatus.BREACHED : ClockStatus.MET;
        }
        if (isPaused()) {
            return ClockStatus.PAUSED;
        }
        if (today.isAfter(targetDate)) {
            return ClockStatus.OVERDUE;
        }
        return daysRemaining(today) <= dueSoonThreshold ? ClockStatus.DUE_SOON : ClockStatus.RUNNING;
    }

    /**
     * Days left until the target date: working days for working-day clocks, calendar days otherwise; zero on the target
     * date and negative once it has passed. A paused clock's count is frozen at the day it was paused, and a stopped
     * clock's at the day it was stopped.
     *
     * <p>A working-day clock whose target has passed is at least 1 day overdue even on a weekend or bank holiday, so
     * the count never reads 0 for a deadline that has been missed.
     */
    public int daysRemaining(LocalDate today) {
        Objects.requireNonNull(today, "today");
        LocalDate asOf = today;
        if (stoppedOn != null) {
            asOf = stoppedOn;
        } else if (isPaused()) {
            asOf = pauses.get(pauses.size() - 1).pausedOn();
        }
        if (calendar == null) {
            return Math.toIntExact(ChronoUnit.DAYS.between(asOf, targetDate));
        }
        if (asOf.isAfter(targetDate)) {
            return -Math.max(1, calendar.workingDaysBetween(targetDate, asOf));
        }
        return calendar.workingDaysBetween(asOf, targetDate);
    }

    /**
     * The date by which the clock must be stopped, allowing for every completed pause. While the clock is paused this
     * is the target as it stood when paused; it moves out when the clock is resumed.
     */
    public LocalDate targetDate() {
        return targetDate;
    }

    /**
     * Whether counting this clock relied on bank holidays generated by the usual rules, because its dates run past
     * the official list (see {@link WorkingDayCalendar#knownUntil()}): pages then say it "includes projected bank
     * holidays". Only working-day clocks use holidays at all.
     */
    public boolean usesProjectedHolidays() {
        if (calendar == null) {
            return false;
        }
        LocalDate last = stoppedOn != null && stoppedOn.isAfter(targetDate) ? stoppedOn : targetDate;
        return calendar.isProjected(last);
    }

    /** The clock's name, for example "Serious incident notification". */
    public String name() {
        return name;
    }

    /** How the allowance is counted. */
    public Unit unit() {
        return unit;
    }

    /** The time allowed, in {@link #unit()}s, before any pauses. */
    public int amount() {
        return amount;
    }

    /** The day the clock started; that day itself is not counted. */
    public LocalDate started() {
        return started;
    }

    /** The day the clock was stopped, if it has been. */
    public Optional<LocalDate> stoppedOn() {
        return Optional.ofNullable(stoppedOn);
    }

    /** Every pause, oldest first; the last may still be open. */
    public List<Pause> pauses() {
        return pauses;
    }

    /** Whether the clock is paused now (a stopped clock is never paused). */
    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
    }

    /** Whether the clock has been stopped. */
    public boolean isStopped() {
        return stoppedOn != null;
    }

    /** The due-soon threshold used by {@link #status(LocalDate)}. */
    public int dueSoonThreshold() {
        return dueSoonThreshold;
    }

    /** Days (in the clock's counting) added to the target by completed pauses. */
    public int pausedDays() {
        int total = 0;
        for (Pause pause : pauses) {
            LocalDate resumedOn = pause.resumedOn();
            if (resumedOn != null) {
                total += calendar != null
                        ? calendar.workingDaysBetween(pause.pausedOn(), resumedOn)
                        : Math.toIntExact(ChronoUnit.DAYS.between(pause.pausedOn(), resumedOn));
            }
        }
        return total;
    }

    private LocalDate computeTarget() {
        int paused = pausedDays();
        return switch (unit) {
            case WORKING_DAYS -> Objects.requireNonNull(calendar).addWorkingDays(started, amount + paused);
            case CALENDAR_DAYS -> started.plusDays((long) amount + paused);
            case CALENDAR_MONTHS -> started.plusMonths(amount).plusDays(paused);
        };
    }

    private List<Pause> closeOpenPause(LocalDate on) {
        List<Pause> next = new ArrayList<>(pauses);
        Pause open = next.remove(next.size() - 1);
        if (on.isBefore(open.pausedOn())) {
            throw new IllegalArgumentException(
                    "Clock '" + name + "' cannot resume on " + on + ", before it was paused on " + open.pausedOn());
        }
        next.add(open.closedOn(on));
        return next;
    }

    private void requireNotStopped(String action) {
        if (stoppedOn != null) {
            throw new IllegalStateException(
                    "Clock '" + name + "' was stopped on " + stoppedOn + " and cannot " + action + " again");
        }
    }

    private void requireNotBeforeLastEvent(LocalDate on, String verb) {
        LocalDate last = started;
        for (Pause pause : pauses) {
            LocalDate resumedOn = pause.resumedOn();
            last = resumedOn != null ? resumedOn : pause.pausedOn();
        }
        if (on.isBefore(last)) {
            throw new IllegalArgumentException(
                    "Clock '" + name + "' cannot be " + verb + " on " + on + ", before its last event on " + last);
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof StatutoryClock that
                && amount == that.amount
                && dueSoonThreshold == that.dueSoonThreshold
                && name.equals(that.name)
                && unit == that.unit
                && started.equals(that.started)
                && Objects.equals(calendar, that.calendar)
                && pauses.equals(that.pauses)
                && Objects.equals(stoppedOn, that.stoppedOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, started, amount, pauses, stoppedOn, dueSoonThreshold);
    }

    @Override
    public String toString() {
        return "StatutoryClock[" + name + ", " + amount + " " + unit + " from " + started + ", target " + targetDate
                + (isPaused() ? ", paused" : "") + (stoppedOn != null ? ", stopped " + stoppedOn : "") + "]";
    }
}
