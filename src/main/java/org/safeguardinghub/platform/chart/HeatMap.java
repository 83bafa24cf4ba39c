package org.safeguardinghub.platform.chart;

/**
 * Colour bands for a heat-map table of scores: red, orange, yellow, green by how far up the scale a score is, as
 * GOV.UK tag classes. The colour never stands alone: the cell also shows the score and its label in words.
 */
public final class HeatMap {

    private HeatMap() {}

    /** The tag class for {@code score} on a scale up to {@code max} (red when the scale is empty). */
    public static String tag(int score, int max) {
        double share = max <= 0 ? 0 : (double) score / max;
        if (share >= 1) {
            return "govuk-tag--green";
        } else if (share >= 0.5) {
            return "govuk-tag--yellow";
        } else if (share > 0) {
            return "govuk-tag--orange";
        }
        return "govuk-tag--red";
    }
}
