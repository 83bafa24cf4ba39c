package org.safeguardinghub.learning.tracker;

/**
 * The tracker's headline figures, as Kent's annual report gives them ("6 reviews considered, 45 recommendations, 68
 * actions, 19 signed off").
 *
 * @param reviews distinct sources (reviews and other sources) the recommendations came from
 */
public record TrackerSummary(long reviews, long recommendations, long actions, long signedOff, long overdue) {

    /** Signed off as a whole percentage of all actions; 0 when there are none. */
    public long signedOffPercent() {
        return actions == 0 ? 0 : Math.round(100.0 * signedOff / actions);
    }
}
