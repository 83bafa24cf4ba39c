package org.safeguardinghub.performance.earlywarning;

import org.jspecify.annotations.Nullable;

/** Acknowledging an episode: the cause, now known, and the action taken. Both required. */
public record AcknowledgementForm(
        @Nullable Integer version,
        @Nullable String cause,
        @Nullable String actionTaken) {

    public static final int MAX_LENGTH = 2000;
}
