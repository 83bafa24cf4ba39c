package org.safeguardinghub.learning.tracker;

import org.jspecify.annotations.Nullable;

/**
 * The tracker's filters; null means "any".
 *
 * @param source the title of the review or other source the recommendation came from
 * @param text words in an action's or recommendation's reference or text, or the owner's name
 */
public record ActionFilter(
        @Nullable String source,
        @Nullable Long agencyId,
        @Nullable ActionStatus status,
        @Nullable Long themeId,
        boolean overdueOnly,
        @Nullable String text) {

    public static ActionFilter none() {
        return new ActionFilter(null, null, null, null, false, null);
    }
}
