package org.safeguardinghub.learning.tracker;

import java.util.List;
import org.safeguardinghub.learning.RecommendationSource;

/** One recommendation in the tracker's list, with how far its actions have got. */
public record RecommendationRow(
        long id,
        String reference,
        RecommendationSource source,
        String sourceTitle,
        String text,
        List<String> themes,
        long actions,
        long signedOff) {

    public String shortText() {
        return ActionRow.shorten(text, 120);
    }
}
