package org.safeguardinghub.platform.chart;

import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/** SVG path text: numbers to one decimal, lines through points, and the round and diamond point markers. */
public final class Svg {

    private Svg() {}

    /** A coordinate as written into a path: one decimal, a point as the separator whatever the locale. */
    public static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A line through points 0 to {@code n - 1}: {@code M x,y L x,y ...}. */
    public static String path(int n, IntToDoubleFunction x, IntToDoubleFunction y) {
        return path(n, x, y, i -> i == 0);
    }

    /**
     * A line through points 0 to {@code n - 1} that lifts the pen ({@code M}) wherever {@code starts} says, for
     * example where control limits are re-based, so the old and new lines are not joined.
     */
    public static String path(int n, IntToDoubleFunction x, IntToDoubleFunction y, IntPredicate starts) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            path.append(starts.test(i) ? "M" : "L")
                    .append(f(x.applyAsDouble(i)))
                    .append(',')
                    .append(f(y.applyAsDouble(i)))
                    .append(' ');
        }
        return path.toString().trim();
    }

    /** A filled circle of radius {@code r} around a point, as a path. */
    public static String circle(double x, double y, double r) {
        return "M" + f(x - r) + "," + f(y) + " a" + f(r) + "," + f(r) + " 0 1,0 " + f(2 * r) + ",0 a" + f(r) + ","
                + f(r) + " 0 1,0 " + f(-2 * r) + ",0 Z";
    }

    /** A diamond reaching {@code r} from a point, as a path (a marker that differs from a circle in shape). */
    public static String diamond(double x, double y, double r) {
        return "M" + f(x) + "," + f(y - r) + " L" + f(x + r) + "," + f(y) + " L" + f(x) + "," + f(y + r) + " L"
                + f(x - r) + "," + f(y) + " Z";
    }

    /** How many points apart to label an axis of {@code n} points so that at most {@code most} labels show. */
    public static int labelEvery(int n, int most) {
        return Math.max(1, (int) Math.ceil(n / (double) most));
    }

    /** A label cut to {@code most} characters with an ellipsis (the full text is in the table). */
    public static String shorten(String label, int most) {
        return label.length() <= most ? label : label.substring(0, most - 1) + "…";
    }

    /** As {@link #shorten}, without a space before the ellipsis. */
    public static String shortenTrimmed(String label, int most) {
        return label.length() <= most ? label : label.substring(0, most - 1).stripTrailing() + "…";
    }
}
