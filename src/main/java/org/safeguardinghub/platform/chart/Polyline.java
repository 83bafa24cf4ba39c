package org.safeguardinghub.platform.chart;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A series drawn as SVG polylines: one {@code points} attribute per run of consecutive values, so a missing or
 * hidden value breaks the line instead of being bridged (a line cannot reveal a suppressed figure). A series of one
 * point is drawn in the middle of the x scale.
 *
 * @param segments polyline {@code points} attributes, one per run
 * @param points every value drawn, with its index in the series and position
 */
public record Polyline(List<String> segments, List<Point> points) {

    /** A value drawn: its index in the series and its position in pixels. */
    public record Point(int index, double x, double y) {}

    public static Polyline of(List<? extends @Nullable Number> values, Scale x, Scale y) {
        int n = values.size();
        List<String> segments = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Number v = values.get(i);
            if (v == null) {
                if (!current.isEmpty()) {
                    segments.add(current.toString().trim());
                    current.setLength(0);
                }
                continue;
            }
            double px = n == 1 ? x.middle() : x.px(i);
            double py = y.px(v.doubleValue());
            current.append(px).append(',').append(py).append(' ');
            points.add(new Point(i, px, py));
        }
        if (!current.isEmpty()) {
            segments.add(current.toString().trim());
        }
        return new Polyline(List.copyOf(segments), List.copyOf(points));
    }
}
