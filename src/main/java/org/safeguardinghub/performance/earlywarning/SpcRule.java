package org.safeguardinghub.performance.earlywarning;

/**
 * The four NHS England "Making Data Count" rules for special cause variation (stored in {@code spc_episode.rules}).
 * Each is a small class ({@link MdcRules}) that finds its pattern on a {@link ControlChart}.
 */
public enum SpcRule {
    OUTSIDE_LIMITS("A point outside the control limits", "Outside limit"),
    RUN_OF_7("A run of 7 on one side of the average", "Run of 7"),
    TREND_OF_6("A trend of 6 rising or falling", "Trend of 6"),
    TWO_OF_THREE("Two of three points close to a limit", "2 of 3 near limit");

    private final String label;
    private final String shortLabel;

    SpcRule(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    public String label() {
        return label;
    }

    /** The few words printed next to a signal point on a chart. */
    public String shortLabel() {
        return shortLabel;
    }
}
