package org.safeguardinghub.section11.analysis;

import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.platform.chart.Bars;
import org.safeguardinghub.platform.chart.Svg;
import org.safeguardinghub.section11.analysis.CycleAnalysis.LevelCount;

/**
 * A grouped horizontal bar chart of one standard's score distribution, drawn on the server as SVG: for each level
 * of the scale, a bar for self-assessed and a bar for moderated counts, each labelled with its number. Colours are
 * SVG presentation attributes (the Content-Security-Policy forbids style attributes), and the two series differ in
 * pattern as well as colour (moderated bars are outlined), so the chart does not rely on colour alone. The data
 * table beside it holds every figure.
 */
record BarChart(int width, int height, String ariaLabel, List<Bar> bars, List<Label> labels) {

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 150;
    static final int PLOT_WIDTH = 380;
    static final int BAR = 14;
    static final int GROUP_GAP = 12;
    static final int LEGEND = 28;
    static final String SELF_COLOUR = "#1d70b8";
    static final String MODERATED_COLOUR = "#0b0c0c";

    record Bar(int x, int y, int width, int height, String fill, String stroke) {}

    record Label(int x, int y, String text, String anchor) {}

    static BarChart of(String title, List<LevelCount> levels) {
        int max = 1;
        for (LevelCount l : levels) {
            max = Math.max(max, Math.max(l.self(), l.moderated()));
        }
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        bars.add(new Bar(LABEL_WIDTH, 6, 14, 14, SELF_COLOUR, SELF_COLOUR));
        labels.add(new Label(LABEL_WIDTH + 20, 18, "Self-assessed", "start"));
        bars.add(new Bar(LABEL_WIDTH + 140, 6, 14, 14, "#ffffff", MODERATED_COLOUR));
        labels.add(new Label(LABEL_WIDTH + 160, 18, "Moderated", "start"));
        int y = LEGEND;
        for (LevelCount l : levels) {
            labels.add(new Label(LABEL_WIDTH - 8, y + BAR + 4, Svg.shorten(l.label(), 22), "end"));
            y = series(bars, labels, y, l.self(), max, SELF_COLOUR, SELF_COLOUR);
            y = series(bars, labels, y, l.moderated(), max, "#ffffff", MODERATED_COLOUR);
            y += GROUP_GAP;
        }
        return new BarChart(
                WIDTH,
                y,
                "Bar chart: " + title + ", number of agencies at each score, self-assessed and moderated."
                        + " The figures are in the table below.",
                bars,
                labels);
    }

    private static int series(
            List<Bar> bars, List<Label> labels, int y, int value, int max, String fill, String stroke) {
        int length = Bars.length(value, max, PLOT_WIDTH, 3);
        if (length > 0) {
            bars.add(new Bar(LABEL_WIDTH, y, length, BAR - 2, fill, stroke));
        }
        labels.add(new Label(LABEL_WIDTH + length + 6, y + BAR - 3, String.valueOf(value), "start"));
        return y + BAR;
    }
}
