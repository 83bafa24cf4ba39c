package org.safeguardinghub.performance.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.chart.Polyline;
import org.safeguardinghub.platform.chart.Scale;
import org.safeguardinghub.platform.chart.Svg;

/**
 * An indicator's full time series as a server-drawn SVG line chart: the values (published points as filled dots,
 * fictional demo points as hollow ones), horizontal lines for the target and benchmarks, and a vertical line with a
 * label at each methodology break. Hidden (suppressed) points are not drawn and break the line. Geometry only: the
 * template writes the elements, the CSS (performance.css) colours them by class.
 */
record LineChart(
        int width,
        int height,
        String ariaLabel,
        List<String> segments,
        List<Dot> dots,
        List<Rule> rules,
        List<Label> labels,
        List<Legend> legend) {

    static final int WIDTH = 760;
    static final int HEIGHT = 320;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 20;
    static final int BOTTOM = 50;

    record Dot(double x, double y, String cssClass) {}

    /** A straight line (axis, grid, target, benchmark or break). */
    record Rule(double x1, double y1, double x2, double y2, String cssClass) {}

    record Label(double x, double y, String text, String anchor, String cssClass) {}

    record Legend(String label, String cssClass) {}

    /** One point of the series; {@code value} null when missing or hidden. */
    record Point(String label, @Nullable BigDecimal value, boolean fictional) {}

    /** A horizontal reference line such as the target. */
    record Reference(String label, BigDecimal value, String cssClass) {}

    /** A methodology break before point {@code index}. */
    record Break(int index, String label) {}

    static LineChart of(String title, List<Point> points, List<Reference> references, List<Break> breaks, String unit) {
        int plotRight = WIDTH - RIGHT;
        int plotBottom = HEIGHT - BOTTOM;
        Scale y = valueScale(points, references);
        int n = points.size();
        Scale x = new Scale(0, Math.max(1, n - 1), LEFT + 10, plotRight - 10);

        List<Rule> rules = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (double v : y.ticks(4)) {
            double py = y.px(v);
            rules.add(new Rule(LEFT, py, plotRight, py, "hub-perf-chart__grid"));
            labels.add(new Label(LEFT - 6, py + 4, Figures.axis(v), "end", "hub-perf-chart__axis"));
        }
        rules.add(new Rule(LEFT, TOP, LEFT, plotBottom, "hub-perf-chart__axis-line"));
        rules.add(new Rule(LEFT, plotBottom, plotRight, plotBottom, "hub-perf-chart__axis-line"));
        int every = Svg.labelEvery(n, 12);
        for (int i = 0; i < n; i++) {
            if (i % every == 0 || i == n - 1 && n <= 12) {
                labels.add(new Label(
                        n == 1 ? x.middle() : x.px(i),
                        plotBottom + 18,
                        points.get(i).label(),
                        "middle",
                        "hub-perf-chart__axis"));
            }
        }
        List<Legend> legend = new ArrayList<>();
        legend.add(new Legend("Value", "hub-perf-key hub-perf-key--value"));
        for (Reference r : references) {
            double py = y.px(r.value().doubleValue());
            rules.add(new Rule(LEFT, py, plotRight, py, r.cssClass()));
            legend.add(new Legend(
                    r.label() + ": " + Figures.plain(r.value()) + unit, "hub-perf-key " + r.cssClass() + "-key"));
        }
        for (Break b : breaks) {
            double bx = b.index() <= 0 || n < 2 ? x.px(0) - 5 : (x.at(b.index() - 1) + x.at(b.index())) / 2;
            bx = Math.round(bx * 10) / 10.0;
            rules.add(new Rule(bx, TOP, bx, plotBottom, "hub-perf-chart__break"));
            labels.add(new Label(bx + 4, TOP + 12, b.label(), "start", "hub-perf-chart__break-label"));
        }
        Polyline line = Polyline.of(points.stream().map(p -> (Number) p.value()).toList(), x, y);
        List<Dot> dots = new ArrayList<>();
        boolean anyFictional = false;
        boolean anyPublished = false;
        for (Polyline.Point at : line.points()) {
            boolean fictional = points.get(at.index()).fictional();
            dots.add(new Dot(
                    at.x(), at.y(), fictional ? "hub-perf-chart__dot--fictional" : "hub-perf-chart__dot--published"));
            anyFictional |= fictional;
            anyPublished |= !fictional;
        }
        if (anyPublished) {
            legend.add(new Legend("Published figure (filled dot)", "hub-perf-key hub-perf-key--published"));
        }
        if (anyFictional) {
            legend.add(new Legend("Fictional demo data (hollow dot)", "hub-perf-key hub-perf-key--fictional"));
        }
        if (!breaks.isEmpty()) {
            legend.add(new Legend("Methodology break (dashed vertical line)", "hub-perf-key hub-perf-key--break"));
        }
        String aria = "Line chart: " + title + ", " + n + (n == 1 ? " period" : " periods")
                + (breaks.isEmpty()
                        ? ""
                        : ", with " + breaks.size() + " methodology break" + (breaks.size() == 1 ? "" : "s"))
                + ". The figures are in the table below.";
        return new LineChart(WIDTH, HEIGHT, aria, line.segments(), dots, rules, labels, legend);
    }

    /** The vertical scale: from zero (or below, for negative values) to a round number above every value and line. */
    private static Scale valueScale(List<Point> points, List<Reference> references) {
        double min = 0;
        double max = 0;
        for (Point p : points) {
            if (p.value() != null) {
                min = Math.min(min, p.value().doubleValue());
                max = Math.max(max, p.value().doubleValue());
            }
        }
        for (Reference r : references) {
            min = Math.min(min, r.value().doubleValue());
            max = Math.max(max, r.value().doubleValue());
        }
        max = Scale.niceCeiling(max * 1.05);
        if (min < 0) {
            min = -Scale.niceCeiling(-min * 1.05);
        }
        return new Scale(min, max, HEIGHT - BOTTOM, TOP);
    }
}
