package org.safeguardinghub.casereviews.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.ClockStatus;
import org.safeguardinghub.calendar.StatutoryClock;

/**
 * A clock as a page shows it: its name, target date and a GOV.UK tag; what it counts from when that is a choice
 * ({@code basis}); and whether its count relied on bank holidays projected past the official list.
 */
public record ClockView(
        String name,
        LocalDate targetDate,
        ClockStatus status,
        int daysRemaining,
        boolean workingDays,
        @Nullable String basis,
        boolean projected) {

    public static ClockView of(StatutoryClock clock, LocalDate today) {
        return new ClockView(
                clock.name(),
                clock.targetDate(),
                clock.status(today),
                clock.daysRemaining(today),
                clock.unit() == StatutoryClock.Unit.WORKING_DAYS,
                null,
                clock.usesProjectedHolidays());
    }

    /** This clock with a line saying what it counts from, for example "15 working days from notification". */
    public ClockView withBasis(String basis) {
        return new ClockView(name, targetDate, status, daysRemaining, workingDays, basis, projected);
    }

    /** The hint under the clock's name: its basis and, when used, "includes projected bank holidays". */
    public @Nullable String hint() {
        String note = projected ? "includes projected bank holidays" : null;
        if (basis == null) {
            return note == null ? null : "Includes projected bank holidays";
        }
        return note == null ? basis : basis + "; " + note;
    }

    public boolean overdue() {
        return status == ClockStatus.OVERDUE;
    }

    public boolean open() {
        return !status.isFinal();
    }

    public String label() {
        return switch (status) {
            case RUNNING -> "On track";
            case DUE_SOON -> "Due soon";
            case OVERDUE -> "Overdue";
            case PAUSED -> "Paused";
            case MET -> "Met";
            case BREACHED -> "Met late";
        };
    }

    public String tagClass() {
        return switch (status) {
            case RUNNING -> "govuk-tag--blue";
            case DUE_SOON -> "govuk-tag--yellow";
            case OVERDUE -> "govuk-tag--red";
            case PAUSED -> "govuk-tag--grey";
            case MET -> "govuk-tag--green";
            case BREACHED -> "govuk-tag--orange";
        };
    }

    /** "3 working days left", "due today", "2 working days overdue". */
    public String remaining() {
        String unit = workingDays ? " working day" : " day";
        int n = Math.abs(daysRemaining);
        String plural = unit + (n == 1 ? "" : "s");
        if (status.isFinal()) {
            return "";
        }
        if (daysRemaining == 0) {
            return "Due today";
        }
        return daysRemaining > 0 ? n + plural + " left" : n + plural + " overdue";
    }
}
