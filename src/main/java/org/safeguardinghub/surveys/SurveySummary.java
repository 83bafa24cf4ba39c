package org.safeguardinghub.surveys;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A survey's own facts, without questions or links. */
public record SurveySummary(
        long id,
        long partnershipId,
        String title,
        String introduction,
        @Nullable String ownerType,
        @Nullable Long ownerId,
        LocalDate opensOn,
        LocalDate closesOn,
        String createdByName) {

    /** Whether answers are taken on {@code day}: from the opening to the closing date, both included. */
    public boolean openOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
