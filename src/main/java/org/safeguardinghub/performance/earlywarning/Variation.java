package org.safeguardinghub.performance.earlywarning;

import org.safeguardinghub.performance.catalogue.Polarity;

/**
 * What a chart shows, in the plain words NHS England's "Making Data Count" uses: special cause improvement or
 * concern (a change, good or bad news given the indicator's polarity), special cause variation where neither direction
 * is better, or common cause variation (ordinary noise). Always shown as text, never by colour alone.
 */
public enum Variation {
    IMPROVEMENT("Special cause improvement", "govuk-tag--blue"),
    CONCERN("Special cause concern", "govuk-tag--orange"),
    NEITHER("Special cause variation", "govuk-tag--purple"),
    COMMON_CAUSE("Common cause variation", "govuk-tag--grey");

    private final String label;
    private final String tagClass;

    Variation(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    static Variation of(Polarity polarity, Direction direction) {
        return switch (polarity) {
            case HIGHER_IS_BETTER -> direction == Direction.UP ? IMPROVEMENT : CONCERN;
            case LOWER_IS_BETTER -> direction == Direction.DOWN ? IMPROVEMENT : CONCERN;
            case NEITHER -> NEITHER;
        };
    }

    public String label() {
        return label;
    }

    /** "Special cause concern (higher)": the words with the direction, as MDC's icons show it with H or L. */
    public String label(Direction direction) {
        return this == COMMON_CAUSE ? label : label + " (" + (direction == Direction.UP ? "higher" : "lower") + ")";
    }

    public String tagClass() {
        return tagClass;
    }
}
