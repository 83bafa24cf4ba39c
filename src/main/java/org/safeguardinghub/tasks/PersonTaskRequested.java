package org.safeguardinghub.tasks;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Like {@link TaskRequested}, but for one named person rather than everyone holding a role: for work given to
 * someone in particular (a panel member assigned to moderate a return, a colleague invited to help with one).
 * Raised once per source and person; a {@link TaskResolved} for the source closes it. {@link #reopening} works as
 * for {@link TaskRequested#reopening} (a panel member assigned again after being taken off).
 */
public record PersonTaskRequested(
        long partnershipId,
        long userId,
        String title,
        String link,
        @Nullable LocalDate dueOn,
        String sourceType,
        String sourceId,
        @Nullable Instant reopensClosedBefore) {

    /** A request that leaves a closed task from the same source closed. */
    public PersonTaskRequested(
            long partnershipId,
            long userId,
            String title,
            String link,
            @Nullable LocalDate dueOn,
            String sourceType,
            String sourceId) {
        this(partnershipId, userId, title, link, dueOn, sourceType, sourceId, null);
    }

    /** The same request as the start of a new round of the work, at {@code now}. */
    public PersonTaskRequested reopening(Instant now) {
        return new PersonTaskRequested(partnershipId, userId, title, link, dueOn, sourceType, sourceId, now);
    }
}
