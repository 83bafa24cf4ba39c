package org.safeguardinghub.performance.earlywarning;

import org.jspecify.annotations.Nullable;

/** Recording a change in the process an indicator measures: the first period after it and why. Both required. */
public record ChangeForm(
        @Nullable String periodEnd, @Nullable String reason) {

    public static final int MAX_LENGTH = 500;
}
