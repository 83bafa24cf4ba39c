package org.safeguardinghub.surveys;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A public link for one audience, with how many responses came through it. The token is a capability to answer (not
 * to read results), so the business team may see it again to share it.
 */
public record SurveyLink(
        long id,
        long surveyId,
        String token,
        String audienceLabel,
        @Nullable Long agencyId,
        @Nullable Instant closedAt,
        long responses) {

    /** The path of the public form, e.g. {@code /survey/3q2...}. */
    public String path() {
        return "/survey/" + token;
    }
}
