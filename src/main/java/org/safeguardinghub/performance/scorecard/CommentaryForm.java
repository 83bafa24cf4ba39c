package org.safeguardinghub.performance.scorecard;

import org.jspecify.annotations.Nullable;

/** The business team's commentary on one period of an indicator: both fields are required. */
record CommentaryForm(@Nullable String periodEnd, @Nullable String body) {

    static final int MAX_LENGTH = 4000;

    static CommentaryForm empty() {
        return new CommentaryForm(null, null);
    }
}
