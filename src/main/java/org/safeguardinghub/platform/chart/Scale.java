package org.safeguardinghub.platform.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear mapping from figures to SVG pixels: {@code min} maps to {@code low} and {@code max} to {@code high}
 * (for a y axis, {@code low} is the bottom pixel, which is the larger number). A flat range (min equal to max) maps
 * everything to the middle.
 */
public record Scale(double min, double max, double low, double high) {

    public double at(double value) {
        if (max == min) {
            return (low + high) / 2;
        }
        return low + (value - min) / (max - min) * (high - low);
    }

    /** {@link #at} rounded to one decimal, as written into SVG attributes. */
    public double px(double value) {
        return Math.round(at(value) * 10) / 10.0;
    }

    /** The pixel halfway along the scale (where a series of one point is drawn). */
    public double middle() {
        return (low + high) / 2;
    }

    /** {@code intervals + 1} evenly spaced values from {@code min} to {@code max}, for axis ticks and grid lines. */
    public List<Double> ticks(int intervals) {
        List<Double> ticks = new ArrayList<>(intervals + 1);
        for (int t = 0; t <= intervals; t++) {
            ticks.add(min + (max - min) * t / intervals);
        }
        return ticks;
    }

    /**
     * A "nice" upper bound for an axis starting at zero or at {@code min}: 1, 2, 2.5 or 5 times a power of ten, at
     * or above {@code value}.
     */
    public static double niceCeiling(double value) {
        if (value <= 0) {
            return value == 0 ? 1 : -niceFloorPositive(-value);
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value - 1e-9) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static double niceFloorPositive(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        double best = power;
        for (double step : new double[] {1, 2, 2.5, 5}) {
            if (step * power <= value + 1e-9) {
                best = step * power;
            }
        }
        return best;
    }
}
