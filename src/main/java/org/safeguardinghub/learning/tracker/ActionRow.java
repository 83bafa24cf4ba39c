package org.safeguardinghub.learning.tracker;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One action as the tracker lists and exports it. */
public record ActionRow(
        long id,
        String reference,
        String text,
        long recommendationId,
        String recommendationReference,
        String sourceTitle,
        String agencyName,
        @Nullable String ownerPerson,
        @Nullable LocalDate dueOn,
        ActionStatus status,
        boolean overdue,
        @Nullable LocalDate completedOn,
        @Nullable LocalDate signedOffOn) {

    /** The text cut to a length that fits a table cell. */
    public String shortText() {
        return shorten(text, 120);
    }

    static String shorten(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
