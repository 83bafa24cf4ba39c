package org.safeguardinghub.tasks;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Like {@link TaskRequested}, but for one named person rather than everyone holding a role: for work given to
 * someone in particular (a panel member assigned to moderate a return, a colleague invited to help with one).
 * Raised once per source and person; a {@link TaskResolved} for the source closes it.
 */
public record PersonTaskRequested(
        long partnershipId,
        long userId,
        String title,
        String link,
        @Nullable LocalDate dueOn,
        String sourceType,
        String sourceId) {}
