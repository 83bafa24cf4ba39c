package org.safeguardinghub.performance.returns;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;

/** One data return as stored. */
public record ReturnRow(
        long id,
        long partnershipId,
        long agencyId,
        Frequency frequency,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueOn,
        ReturnStatus status,
        @Nullable Instant submittedAt,
        @Nullable String submittedByName,
        @Nullable String returnedComment,
        @Nullable Instant returnedAt,
        @Nullable String returnedByName,
        @Nullable Instant acceptedAt,
        @Nullable String acceptedByName,
        int revision,
        @Nullable String lastChannel,
        int version) {

    public Period period() {
        return new Period(frequency, periodStart, periodEnd);
    }

    public boolean overdue(LocalDate today) {
        return status.editable() && today.isAfter(dueOn);
    }

    /** What the status means for the people who see it. */
    public String meaning() {
        return switch (status) {
            case DRAFT -> "The agency has not submitted this return yet. Figures can be saved and checked at any time.";
            case SUBMITTED ->
                "Submitted to the business team, who will accept it or send it back with a comment. Figures cannot be"
                        + " changed while it is being reviewed.";
            case RETURNED -> "The business team sent this return back. Change the figures and submit it again.";
            case ACCEPTED ->
                "Accepted and locked: the figures are published in the partnership's indicators. Corrections are"
                        + " recorded as revisions.";
        };
    }
}
