package org.safeguardinghub.section11.returns;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The agency's saved answer to one standard; id 0 and version 0 when nothing has been saved yet. */
public record StandardResponse(
        long id,
        long standardId,
        @Nullable Integer score,
        boolean notApplicable,
        String evidence,
        boolean needsReview,
        int version,
        @Nullable Instant updatedAt,
        @Nullable String updatedBy,
        @Nullable Long updatedById,
        Map<Long, String> answers) {

    public static StandardResponse none(long standardId) {
        return new StandardResponse(0, standardId, null, false, "", false, 0, null, null, null, Map.of());
    }

    public boolean scoredOrNotApplicable() {
        return notApplicable || score != null;
    }

    public boolean saved() {
        return id != 0;
    }
}
