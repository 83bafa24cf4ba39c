package org.safeguardinghub.performance.scorecard;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.chart.Polyline;
import org.safeguardinghub.platform.chart.Scale;

/**
 * A small inline trend line of an indicator's last points, drawn on the server as SVG. Missing or suppressed points
 * break the line into segments (a hidden point is never interpolated, so the line cannot reveal it). The numbers
 * themselves are in the indicator page's table; the SVG carries an accessible name saying so.
 *
 * @param segments polyline "points" attributes, one per run of consecutive shown values
 * @param lastX position of the latest shown point (marked with a dot), or -1 if none
 */
record Sparkline(int width, int height, List<String> segments, double lastX, double lastY, String ariaLabel) {

    static final int WIDTH = 120;
    static final int HEIGHT = 32;
    static final int PAD = 4;

    public boolean hasLast() {
        return lastX >= 0;
    }

    static Sparkline of(List<@Nullable BigDecimal> values, String ariaLabel) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (BigDecimal v : values) {
            if (v != null) {
                min = Math.min(min, v.doubleValue());
                max = Math.max(max, v.doubleValue());
            }
        }
        List<String> segments = List.of();
        double lastX = -1;
        double lastY = -1;
        if (min <= max) {
            int n = values.size();
            Polyline line = Polyline.of(
                    values, new Scale(0, Math.max(1, n - 1), PAD, WIDTH - PAD), new Scale(min, max, HEIGHT - PAD, PAD));
            segments = line.segments();
            if (!line.points().isEmpty()) {
                Polyline.Point last = line.points().get(line.points().size() - 1);
                lastX = last.x();
                lastY = last.y();
            }
        }
        return new Sparkline(WIDTH, HEIGHT, segments, lastX, lastY, ariaLabel);
    }
}
