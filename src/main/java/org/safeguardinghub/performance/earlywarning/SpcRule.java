package org.safeguardinghub.performance.earlywarning;

/** The three statistical process control rules early warning applies (stored in {@code spc_signal.rule}). */
public enum SpcRule {
    OUTSIDE_LIMITS("Outside the control limits", "Outside limit"),
    RUN_OF_8("Run of 8 on one side of the average", "Run of 8"),
    TREND_OF_6("Trend of 6 rising or falling", "Trend of 6");

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
