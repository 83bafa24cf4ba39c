package org.safeguardinghub.platform.chart;

/** Bar lengths for horizontal bar charts. */
public final class Bars {

    private Bars() {}

    /**
     * The length in whole pixels of a bar for {@code value} on a plot {@code plotWidth} wide whose longest bar is
     * {@code max}: none for zero (or when nothing is above zero), and at least {@code shortest} for any value above
     * zero so a small count stays visible.
     */
    public static int length(double value, double max, int plotWidth, int shortest) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(shortest, Math.round(value * plotWidth / max));
    }
}
