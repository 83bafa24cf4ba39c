package org.safeguardinghub.performance.earlywarning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
        java.util.function.IntToDoubleFunction x = i -> LEFT + i * step;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH - (v - low) / (high - low) * plotH;

        Map<Integer, List<Spc.Found>> byPoint = new HashMap<>();
        for (Spc.Found f : a.signals()) {
            byPoint.computeIfAbsent(f.index(), k -> new ArrayList<>()).add(f);
        }
        StringBuilder values = new StringBuilder();
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        List<Marker> markers = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String cmd = i == 0 ? "M" : "L";
            double px = x.applyAsDouble(i);
            double py = y.applyAsDouble(c.value(i));
            values.append(cmd).append(f(px)).append(',').append(f(py)).append(' ');
            upper.append(cmd)
                    .append(f(px))
                    .append(',')
                    .append(f(y.applyAsDouble(c.upper(i))))
                    .append(' ');
            lower.append(cmd)
                    .append(f(px))
                    .append(',')
                    .append(f(y.applyAsDouble(c.lower(i))))
                    .append(' ');
            List<Spc.Found> here = byPoint.get(i);
            if (here == null) {
                markers.add(new Marker(circle(px, py, 3), false));
            } else {
                markers.add(new Marker(diamond(px, py, 7), true));
                String label = here.stream().map(s -> s.rule().shortLabel()).collect(Collectors.joining(", "));
                boolean above = here.get(0).direction() == Direction.UP;
                texts.add(new Text(
                        px, above ? py - 12 : py + 20, label, px > WIDTH - 120 ? "end" : "middle", "hub-spc__flag"));
            }
        }
        double cy = y.applyAsDouble(c.centre());
        String centre = "M" + LEFT + "," + f(cy) + " L" + (WIDTH - RIGHT) + "," + f(cy);
        // axes text: limits and centre on the left, periods along the bottom
        texts.add(new Text(LEFT - 6, cy + 4, a.wording().number(c.centre()), "end", "hub-spc__axis"));
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
        int every = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int i = 0; i < n; i += every) {
            texts.add(new Text(
                    x.applyAsDouble(i), HEIGHT - BOTTOM + 20, a.shortLabels().get(i), "middle", "hub-spc__axis"));
        }

        List<Row> rows = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            List<Spc.Found> here = byPoint.getOrDefault(i, List.of());
            rows.add(new Row(
                    a.labels().get(i),
                    a.wording().number(c.value(i)),
                    a.wording().number(c.centre()),
                    a.wording().number(c.lower(i)),
                    a.wording().number(c.upper(i)),
                    here.stream()
                            .map(s -> s.rule().label() + " ("
                                    + s.direction().label().toLowerCase(Locale.UK) + ")")
                            .collect(Collectors.joining("; "))));
        }
        String baseline = "Plotted: " + a.basis() + ". Centre line and limits from the first " + c.baselineSize() + " "
                + (a.frequency() == org.safeguardinghub.performance.catalogue.Frequency.QUARTERLY
                        ? "quarters"
                        : "months")
                + " (" + a.labels().get(0) + " to " + a.labels().get(c.baselineSize() - 1) + ").";
        String aria = c.kind().label() + " of " + a.indicator().name() + ", "
                + a.labels().get(0) + " to "
                + a.labels().get(n - 1) + ", with " + a.signals().size() + " signal"
                + (a.signals().size() == 1 ? "" : "s") + ". The figures are in the table below.";
        return new SpcFigure(
                a.indicator().code(),
                a.indicator().name(),
                c.kind().label(),
                baseline,
                WIDTH,
                HEIGHT,
                aria,
                values.toString().trim(),
                centre,
                upper.toString().trim(),
                lower.toString().trim(),
                markers,
                texts,
                rows);
    }

    private static String circle(double x, double y, double r) {
        return "M" + f(x - r) + "," + f(y) + " a" + f(r) + "," + f(r) + " 0 1,0 " + f(2 * r) + ",0 a" + f(r) + ","
                + f(r) + " 0 1,0 " + f(-2 * r) + ",0 Z";
    }

    private static String diamond(double x, double y, double r) {
        return "M" + f(x) + "," + f(y - r) + " L" + f(x + r) + "," + f(y) + " L" + f(x) + "," + f(y + r) + " L"
                + f(x - r) + "," + f(y) + " Z";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
