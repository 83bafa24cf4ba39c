package org.safeguardinghub.performance.earlywarning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import org.safeguardinghub.platform.chart.Svg;

/**
 * One indicator's control chart drawn on the server as SVG, and the data table that says the same in numbers. The
 * values are a solid line with round points; the centre line is dashed; the control limits are dotted lines; a point
 * with a signal is drawn as a larger diamond and labelled with its rule in words, so colour is never the only signal.
 * Colours are SVG presentation attributes (the Content-Security-Policy forbids style attributes).
 */
record SpcFigure(
        String code,
        String name,
        String chartKind,
        String baselineNote,
        int width,
        int height,
        String ariaLabel,
        String valuePath,
        String centrePath,
        String upperPath,
        String lowerPath,
        List<Marker> markers,
        List<Text> texts,
        List<String> changePaths,
        List<String> changes,
        List<Row> rows) {

    record Marker(String path, boolean signal) {
        public String fill() {
            return signal ? "#d4351c" : "#1d70b8";
        }

        public String stroke() {
            return signal ? "#0b0c0c" : "none";
        }
    }

    record Text(double x, double y, String text, String anchor, String cssClass) {
        public String fontSize() {
            return "hub-spc__flag".equals(cssClass) ? "13" : "12";
        }

        public String fontWeight() {
            return "hub-spc__flag".equals(cssClass) ? "bold" : "normal";
        }
    }

    /** A data table row: the period, value, centre line, limits and the signals on that point (or empty). */
    record Row(String period, String value, String centre, String lower, String upper, String signals) {}

    static final int WIDTH = 760;
    static final int HEIGHT = 320;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 30;
    static final int BOTTOM = 50;

    static SpcFigure of(SeriesAnalysis a) {
        ControlChart c = a.chart();
        int n = c.size();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, Math.min(c.value(i), c.lower(i)));
            max = Math.max(max, Math.max(c.value(i), c.upper(i)));
        }
        double pad = (max - min) * 0.05 + 1e-9;
        double low = Math.max(0, min - pad);
        double high = max + pad;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double step = n > 1 ? plotW / (n - 1) : 0;
        IntToDoubleFunction x = i -> LEFT + i * step;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH - (v - low) / (high - low) * plotH;

        Map<Integer, List<MdcRules.Found>> byPoint = byPoint(a);
        IntToDoubleFunction yValue = i -> y.applyAsDouble(c.value(i));
        String values = Svg.path(n, x, yValue);
        String upper = Svg.path(n, x, i -> y.applyAsDouble(c.upper(i)));
        String lower = Svg.path(n, x, i -> y.applyAsDouble(c.lower(i)));
        List<Marker> markers = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double px = x.applyAsDouble(i);
            double py = yValue.applyAsDouble(i);
            List<MdcRules.Found> here = byPoint.get(i);
            if (here == null) {
                markers.add(new Marker(Svg.circle(px, py, 3), false));
            } else {
                markers.add(new Marker(Svg.diamond(px, py, 7), true));
                String label = here.stream().map(s -> s.rule().shortLabel()).collect(Collectors.joining(", "));
                boolean above = here.get(0).direction() == Direction.UP;
                texts.add(new Text(
                        px, above ? py - 12 : py + 20, label, px > WIDTH - 120 ? "end" : "middle", "hub-spc__flag"));
            }
        }
        // the centre line restarts where the limits are re-based
        String centre =
                Svg.path(n, x, i -> y.applyAsDouble(c.centre(i)), i -> i == 0 || c.centre(i) != c.centre(i - 1));
        if (n == 1) {
            centre += " L" + (WIDTH - RIGHT) + "," + f(y.applyAsDouble(c.centre(0)));
        }
        // recorded changes: a vertical line where the new phase starts, explained under the chart
        List<String> changePaths = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (ControlChart.Phase phase : c.phases()) {
            if (phase.reason() == null) {
                continue;
            }
            double px = x.applyAsDouble(phase.from());
            changePaths.add("M" + f(px) + "," + TOP + " L" + f(px) + "," + (HEIGHT - BOTTOM));
            texts.add(new Text(px + 4, TOP - 8, "Change", "start", "hub-spc__flag"));
            changes.add(changeNote(a, phase));
        }
        axisTexts(a, x, y, texts);
        return new SpcFigure(
                a.indicator().code(),
                a.indicator().name(),
                ControlChart.KIND,
                baselineNote(a),
                WIDTH,
                HEIGHT,
                ariaLabel(a),
                values,
                centre,
                upper,
                lower,
                markers,
                texts,
                changePaths,
                changes,
                rows(a, byPoint));
    }

    /** The signals found, by the index of the point they are on. */
    private static Map<Integer, List<MdcRules.Found>> byPoint(SeriesAnalysis a) {
        Map<Integer, List<MdcRules.Found>> byPoint = new HashMap<>();
        for (MdcRules.Found f : a.found()) {
            byPoint.computeIfAbsent(f.index(), k -> new ArrayList<>()).add(f);
        }
        return byPoint;
    }

    /** The note under the chart for a recorded change. */
    private static String changeNote(SeriesAnalysis a, ControlChart.Phase phase) {
        return a.labels().get(phase.from()) + ": " + phase.reason()
                + (phase.baselineSize() > 0
                        ? " (limits re-based on the " + phase.baselineSize() + " "
                                + a.wording().unitWord() + "s from here)"
                        : " (limits re-based once there are " + XmrChart.MIN_POINTS + " "
                                + a.wording().unitWord() + "s after it)");
    }

    /** Axes text: the latest limits and centre on the left, periods along the bottom. */
    private static void axisTexts(
            SeriesAnalysis a, IntToDoubleFunction x, java.util.function.DoubleUnaryOperator y, List<Text> texts) {
        ControlChart c = a.chart();
        int n = c.size();
        double cy = y.applyAsDouble(c.centre(n - 1));
        texts.add(new Text(LEFT - 6, cy + 4, a.wording().number(c.centre(n - 1)), "end", "hub-spc__axis"));
        texts.add(new Text(
                LEFT - 6,
                y.applyAsDouble(c.upper(n - 1)) + 4,
                a.wording().number(c.upper(n - 1)),
                "end",
                "hub-spc__axis"));
        texts.add(new Text(
                LEFT - 6,
                y.applyAsDouble(c.lower(n - 1)) + 4,
                a.wording().number(c.lower(n - 1)),
                "end",
                "hub-spc__axis"));
        int every = Svg.labelEvery(n, 10);
        for (int i = 0; i < n; i += every) {
            texts.add(new Text(
                    x.applyAsDouble(i), HEIGHT - BOTTOM + 20, a.shortLabels().get(i), "middle", "hub-spc__axis"));
        }
    }

    /** The data table, latest period first. */
    private static List<Row> rows(SeriesAnalysis a, Map<Integer, List<MdcRules.Found>> byPoint) {
        ControlChart c = a.chart();
        int n = c.size();
        List<Row> rows = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            List<MdcRules.Found> here = byPoint.getOrDefault(i, List.of());
            rows.add(new Row(
                    a.labels().get(i),
                    a.wording().number(c.value(i)),
                    a.wording().number(c.centre(i)),
                    a.wording().number(c.lower(i)),
                    a.wording().number(c.upper(i)),
                    here.stream()
                            .map(s -> s.rule().label() + " ("
                                    + s.direction().label().toLowerCase(Locale.UK) + ")")
                            .collect(Collectors.joining("; "))));
        }
        return rows;
    }

    private static String baselineNote(SeriesAnalysis a) {
        int baselineSize = a.chart().phases().get(0).baselineSize();
        return "Plotted: " + a.basis() + ". Centre line and limits from the first " + baselineSize + " "
                + a.wording().unitWord() + "s (" + a.labels().get(0) + " to "
                + a.labels().get(baselineSize - 1) + "), re-based only at a recorded change.";
    }

    private static String ariaLabel(SeriesAnalysis a) {
        int n = a.chart().size();
        return ControlChart.KIND + " of " + a.indicator().name() + ", "
                + a.labels().get(0) + " to "
                + a.labels().get(n - 1) + ", with " + a.found().size() + " point"
                + (a.found().size() == 1 ? "" : "s") + " of special cause variation marked. The figures are in the"
                + " table below.";
    }

    private static String f(double v) {
        return Svg.f(v);
    }
}
