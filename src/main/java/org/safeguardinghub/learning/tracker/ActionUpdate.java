package org.safeguardinghub.learning.tracker;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One progress note on an action, with any status change it made. */
public record ActionUpdate(
        long id,
        Instant writtenAt,
        String writtenByName,
        String text,
        @Nullable ActionStatus statusFrom,
        @Nullable ActionStatus statusTo) {}
