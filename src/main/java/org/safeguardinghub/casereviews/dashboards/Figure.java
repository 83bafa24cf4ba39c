package org.safeguardinghub.casereviews.dashboards;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.chart.Bars;
import org.safeguardinghub.platform.chart.Svg;
import org.safeguardinghub.platform.export.Table;
import org.safeguardinghub.shared.SafeCounts;
import org.safeguardinghub.shared.SafeTable;

/**
 * One chart and its data table, built once so the page, the SVG and the downloads always agree. The chart is a
 * horizontal bar chart drawn on the server as SVG (no script, no inline style: colours come from classes in
 * dashboards.css). In the published view the whole table goes through {@link SafeTable}: counts rounded to 5, small
 * ones hidden, secondary suppression against the column totals; a hidden count's bar is not drawn, and bars are drawn
 * from the published (rounded) numbers only, so a bar's length reveals nothing the table does not.
 *
 * @param id short name used for element ids and the export link ({@code age}, {@code gender} ...)
 * @param title heading and table caption
 * @param chart the geometry of the SVG
 * @param suppressedAny whether any count in this figure is hidden
 */
public record Figure(
        String id,
        String title,
        String categoryHeader,
        List<String> series,
        List<Row> rows,
        @Nullable String detailHeader,
        Chart chart,
        boolean suppressedAny,
        @Nullable String note) {

    /** A table row: the category, one cell per series, and optional detail text (internal view only). */
    record Row(String label, List<Cell> cells, @Nullable String detail) {}

    /** A count as displayed: the number, or the suppression text. */
    record Cell(String text, boolean suppressed) {}

    /** What the SVG draws. */
    record Chart(int width, int height, String ariaLabel, List<Bar> bars, List<Text> texts, List<Legend> legend) {}

    record Bar(int x, int y, int width, int height, String cssClass) {}

    record Text(int x, int y, String text, String anchor, String cssClass) {}

    record Legend(String label, String cssClass) {}

    /** One category with one count per series, and optional detail (such as the reviews a theme came from). */
    record Category(String label, long[] counts, @Nullable String detail) {
        static Category of(String label, long... counts) {
            return new Category(label, counts, null);
        }
    }

    static final int WIDTH = 760;
    static final int LABEL_WIDTH = 250;
    static final int PLOT_WIDTH = 400;
    static final int BAR_HEIGHT = 22;
    static final int GAP = 12;
    static final int TOP = 8;
    private static final int MAX_LABEL = 34;

    /**
     * Builds a figure.
     *
     * @param suppression the disclosure rule in the published view, or null for exact counts (internal view)
     * @param totals the exact total each series' categories add up to (a partition), or null when they do not (a
     *     referral counted for each agency involved); used for secondary suppression, not shown
     */
    static Figure of(
            String id,
            String title,
            String categoryHeader,
            List<String> series,
            List<Category> categories,
            @Nullable SafeCounts suppression,
            long @Nullable [] totals,
            @Nullable String note) {
        return of(id, title, categoryHeader, series, categories, suppression, totals, note, null);
    }

    /** As above, with a detail column (only ever given in the internal view). */
    static Figure of(
            String id,
            String title,
            String categoryHeader,
            List<String> series,
            List<Category> categories,
            @Nullable SafeCounts suppression,
            long @Nullable [] totals,
            @Nullable String note,
            @Nullable String detailHeader) {
        long[][] counts = counts(categories, series.size());
        @Nullable
        SafeTable safe = suppression == null
                ? null
                : SafeTable.of(suppression, counts, totals == null || categories.isEmpty() ? null : totals, null);
        long max = max(safe, counts, series.size());
        List<Row> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        boolean suppressedAny = false;
        int y = TOP;
        for (int r = 0; r < categories.size(); r++) {
            Category c = categories.get(r);
            List<Cell> cells = new ArrayList<>();
            int groupTop = y;
            for (int s = 0; s < series.size(); s++) {
                long n = shown(safe, counts, r, s);
                boolean hidden = safe != null && safe.cell(r, s).hidden();
                suppressedAny |= hidden;
                String text =
                        safe == null ? String.format("%,d", n) : safe.cell(r, s).text();
                cells.add(new Cell(text, hidden));
                String cssClass = "hub-chart__bar hub-chart__bar--" + (s + 1);
                int length = hidden ? 0 : Bars.length(n, max, PLOT_WIDTH, 2);
                if (length > 0) {
                    bars.add(new Bar(LABEL_WIDTH, y, length, BAR_HEIGHT, cssClass));
                }
                texts.add(new Text(
                        LABEL_WIDTH + length + 6,
                        y + BAR_HEIGHT - 6,
                        hidden ? SafeTable.SUPPRESSED : text,
                        "start",
                        hidden ? "hub-chart__value hub-chart__value--suppressed" : "hub-chart__value"));
                y += BAR_HEIGHT;
            }
            int groupHeight = y - groupTop;
            texts.add(new Text(
                    LABEL_WIDTH - 8,
                    groupTop + groupHeight / 2 + 5,
                    Svg.shortenTrimmed(c.label(), MAX_LABEL),
                    "end",
                    "hub-chart__label"));
            rows.add(new Row(c.label(), cells, detailHeader == null ? null : c.detail()));
            y += GAP;
        }
        int height = Math.max(y, TOP + BAR_HEIGHT) + TOP;
        List<Legend> legend = legend(series);
        String aria = "Bar chart: " + title + ". "
                + (categories.isEmpty() ? "No data for these filters. " : "")
                + "The figures are in the table below.";
        return new Figure(
                id,
                title,
                categoryHeader,
                List.copyOf(series),
                rows,
                detailHeader,
                new Chart(WIDTH, height, aria, bars, texts, legend),
                suppressedAny,
                note);
    }

    /** Each category's counts, one per series; a series a category has no count for counts 0. */
    private static long[][] counts(List<Category> categories, int seriesCount) {
        long[][] counts = new long[categories.size()][seriesCount];
        for (int r = 0; r < categories.size(); r++) {
            long[] c = categories.get(r).counts();
            for (int s = 0; s < seriesCount; s++) {
                counts[r][s] = s < c.length ? c[s] : 0;
            }
        }
        return counts;
    }

    /** The largest count shown, which sets the bars' scale. */
    private static long max(@Nullable SafeTable safe, long[][] counts, int seriesCount) {
        long max = 0;
        for (int r = 0; r < counts.length; r++) {
            for (int s = 0; s < seriesCount; s++) {
                max = Math.max(max, shown(safe, counts, r, s));
            }
        }
        return max;
    }

    /** A key for each series, when there is more than one. */
    private static List<Legend> legend(List<String> series) {
        List<Legend> legend = new ArrayList<>();
        if (series.size() > 1) {
            for (int s = 0; s < series.size(); s++) {
                legend.add(new Legend(series.get(s), "hub-chart__key hub-chart__key--" + (s + 1)));
            }
        }
        return legend;
    }

    /** The figure as a download: exactly the cells shown on the page. */
    public Table table() {
        List<String> headers = new ArrayList<>();
        headers.add(categoryHeader);
        headers.addAll(series);
        if (detailHeader != null) {
            headers.add(detailHeader);
        }
        List<List<String>> lines = new ArrayList<>();
        for (Row row : rows) {
            List<String> line = new ArrayList<>();
            line.add(row.label());
            row.cells().forEach(c -> line.add(c.text()));
            if (detailHeader != null) {
                line.add(row.detail() == null ? "" : row.detail());
            }
            lines.add(line);
        }
        return Table.of(title, headers, lines);
    }

    /** The number a bar is drawn from: the exact count (internal), the published number, or 0 when hidden. */
    private static long shown(@Nullable SafeTable safe, long[][] counts, int r, int s) {
        if (safe == null) {
            return counts[r][s];
        }
        Long shown = safe.cell(r, s).shown();
        return shown == null ? 0 : shown;
    }
}
