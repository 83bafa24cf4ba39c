package org.safeguardinghub.performance.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.chart.Scale;
import org.safeguardinghub.platform.chart.Svg;

/**
 * A horizontal bar chart of one breakdown's latest values (for example by district). A hidden value has no bar and
 * the scale comes only from the values shown, so a bar cannot reveal a suppressed figure.
 */
record BarChart(int width, int height, String ariaLabel, List<Bar> bars, List<LineChart.Label> labels) {

    static final int WIDTH = 760;
    static final int LABEL_WIDTH = 230;
    static final int PLOT_WIDTH = 420;
    static final int BAR = 20;
    static final int GAP = 8;

    record Bar(double x, double y, double width, double height) {}

    /** A category with its value (null when missing or hidden) and the text shown for it. */
    record Item(String label, @Nullable BigDecimal value, String text) {}

    static BarChart of(String title, List<Item> items) {
        double max = 0;
        for (Item i : items) {
            if (i.value() != null) {
                max = Math.max(max, i.value().doubleValue());
            }
        }
        Scale x = new Scale(0, max == 0 ? 1 : max, 0, PLOT_WIDTH);
        List<Bar> bars = new ArrayList<>();
        List<LineChart.Label> labels = new ArrayList<>();
        int y = GAP;
        for (Item i : items) {
            double length = i.value() == null || i.value().signum() <= 0
                    ? 0
                    : Math.max(2, x.px(i.value().doubleValue()));
            if (length > 0) {
                bars.add(new Bar(LABEL_WIDTH, y, length, BAR));
            }
            labels.add(new LineChart.Label(
                    LABEL_WIDTH - 8, y + BAR - 5, Svg.shorten(i.label(), 30), "end", "hub-perf-chart__label"));
            labels.add(new LineChart.Label(
                    LABEL_WIDTH + length + 6, y + BAR - 5, i.text(), "start", "hub-perf-chart__label"));
            y += BAR + GAP;
        }
        return new BarChart(
                WIDTH,
                Math.max(y, BAR + 2 * GAP),
                "Bar chart: " + title + ". The figures are in the table below.",
                bars,
                labels);
    }
}
