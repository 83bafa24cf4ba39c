package org.safeguardinghub.performance.scorecard;

import org.jspecify.annotations.Nullable;

/** The business team's commentary on one period of an indicator: both fields are required. */
public record CommentaryForm(
        @Nullable String periodEnd, @Nullable String body) {

    public static final int MAX_LENGTH = 4000;

    public static CommentaryForm empty() {
        return new CommentaryForm(null, null);
    }
}
