package org.safeguardinghub.learning.tracker;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.learning.LearningTheme;
import org.safeguardinghub.learning.RecommendationSource;

/** A recommendation with its themes, as its page and its edit form show it. */
public record RecommendationDetail(
        long id,
        String reference,
        RecommendationSource source,
        @Nullable Long sourceId,
        String sourceTitle,
        String text,
        @Nullable Long owningGroupId,
        @Nullable String owningGroupName,
        @Nullable LocalDate agreedOn,
        @Nullable LocalDate consideredOn,
        String createdByName,
        int version,
        List<LearningTheme> themes) {

    /** Where the source can be opened in the Hub, or null when it is not a Hub record. */
    public @Nullable String sourceLink() {
        return source == RecommendationSource.PRACTICE_REVIEW && sourceId != null ? "/reviews/" + sourceId : null;
    }

    Map<String, @Nullable Object> auditValues() {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("reference", reference);
        m.put("source", source.name());
        m.put("sourceId", sourceId);
        m.put("sourceTitle", sourceTitle);
        m.put("text", text);
        m.put("owningGroupId", owningGroupId);
        m.put("agreedOn", agreedOn);
        m.put("consideredOn", consideredOn);
        m.put("themes", themes.stream().map(LearningTheme::name).toList());
        return m;
    }
}
