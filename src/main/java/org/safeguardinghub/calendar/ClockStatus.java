package org.safeguardinghub.calendar;

/** Where a {@link StatutoryClock} stands on a given day. */
public enum ClockStatus {
    /** Running, with more time left than the due-soon threshold. */
    RUNNING,
    /** Running, with the target within the due-soon threshold (or due today). */
    DUE_SOON,
    /** Running and the target date has passed. */
    OVERDUE,
    /** Paused: time is not being counted until the clock is resumed. */
    PAUSED,
    /** Stopped on or before the target date. */
    MET,
    /** Stopped after the target date. */
    BREACHED;

    /** Whether the clock has been stopped, so the status can no longer change. */
    public boolean isFinal() {
        return this == MET || this == BREACHED;
    }
}
