package org.safeguardinghub.casereviews.cases;

import java.time.LocalDate;
import org.safeguardinghub.calendar.ClockStatus;
import org.safeguardinghub.calendar.StatutoryClock;

/** A clock as a page shows it: its name, target date and a GOV.UK tag. */
public record ClockView(String name, LocalDate targetDate, ClockStatus status, int daysRemaining, boolean workingDays) {

    public static ClockView of(StatutoryClock clock, LocalDate today) {
        return new ClockView(
                clock.name(),
                clock.targetDate(),
                clock.status(today),
                clock.daysRemaining(today),
                clock.unit() == StatutoryClock.Unit.WORKING_DAYS);
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
