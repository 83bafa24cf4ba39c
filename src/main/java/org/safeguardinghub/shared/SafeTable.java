package org.safeguardinghub.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table of counts made safe to publish: every cell and every total through {@link SafeCounts} (hidden below the
 * threshold, rounded to 5 above it, totals from the exact data rounded on their own), then <em>secondary
 * suppression</em> so that no hidden cell can be worked out from the table's own margins.
 *
 * <p>Usage: give the exact counts, row by row, and say which margins the table publishes. A column total says "the
 * rows of this column are a partition of this total" (every referral is in exactly one age band); a row total says
 * the same of a row's columns. Leave a total out ({@code null}) when the cells do not add up to anything published
 * (a referral counted once for each agency involved). Then publish {@link #cell(int, int)},
 * {@link #columnTotal(int)} and {@link #rowTotal(int)} exactly as they are, on the page and in every download.
 *
 * <pre>{@code
 * SafeTable t = SafeTable.of(rule, new long[][] {{12}, {3}, {0}, {40}}, new long[] {55}, null);
 * t.cell(1, 0).text();        // "fewer than 6"
 * t.columnTotal(0).text();    // "55"
 * }</pre>
 *
 * <p><b>How secondary suppression works.</b> The table checks itself as an attacker would: each published text
 * stands for a range of exact counts ({@code 10} is 6 to 12; "fewer than 6" is 0 to 5), and each partition says its
 * cells add up to its total. The table tightens every hidden cell's range against every partition it is in; if a
 * hidden cell could then hold fewer than {@link #MINIMUM_UNCERTAINTY} values, the smallest cell still shown in that
 * partition is hidden too (shown as {@link #SUPPRESSED}, standing for any number), or the total when no cell is left,
 * and the check runs again. Because the rounding is wide and zero is hidden too, this seldom triggers; the
 * restrictions on published filters and the consistent rounding protect what one table cannot see (other views).
 *
 * <p>Instances are immutable.
 */
public final class SafeTable {

    /** A hidden cell must stay able to hold at least this many values, however its table is read. */
    public static final int MINIMUM_UNCERTAINTY = 3;

    /** The text of a cell hidden by secondary suppression. */
    public static final String SUPPRESSED = "suppressed";

    private static final long ANY = Long.MAX_VALUE / 4;

    /** How a cell is published. */
    public enum Status {
        /** Rounded and shown. */
        SHOWN,
        /** Hidden because the count is small (primary suppression). */
        HIDDEN,
        /** Hidden to protect a small count elsewhere in the table (secondary suppression). */
        SUPPRESSED
    }

    /**
     * One published cell.
     *
     * @param text what to print: "1,235", "fewer than 6" or "suppressed"
     * @param shown the published number when {@link Status#SHOWN} (for drawing a bar), otherwise null
     */
    public record Cell(String text, Status status, @Nullable Long shown) {

        /** Whether the cell hides its count (either kind of suppression). */
        public boolean hidden() {
            return status != Status.SHOWN;
        }
    }

    private final Cell[][] cells;
    private final @Nullable Cell[] columnTotals;
    private final @Nullable Cell[] rowTotals;

    private SafeTable(Cell[][] cells, @Nullable Cell[] columnTotals, @Nullable Cell[] rowTotals) {
        this.cells = cells;
        this.columnTotals = columnTotals;
        this.rowTotals = rowTotals;
    }

    /**
     * Makes a table safe.
     *
     * @param rule the partnership's rule
     * @param counts exact counts, {@code counts[row][column]}, every row as long as the first
     * @param columnTotals the exact total of each column if its rows partition it (entries may be negative for "no
     *     published total" in that column), or null when no column total is published
     * @param rowTotals the exact total of each row if its columns partition it (negative entries: none), or null
     */
    public static SafeTable of(
            SafeCounts rule, long[][] counts, long @Nullable [] columnTotals, long @Nullable [] rowTotals) {
        int rows = counts.length;
        int cols = rows == 0 ? (columnTotals == null ? 0 : columnTotals.length) : counts[0].length;
        Status[][] status = new Status[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                status[r][c] = rule.isHidden(counts[r][c]) ? Status.HIDDEN : Status.SHOWN;
            }
        }
        Status[] colStatus = totals(rule, columnTotals, cols);
        Status[] rowStatus = totals(rule, rowTotals, rows);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int c = 0; c < cols && columnTotals != null; c++) {
                if (columnTotals[c] >= 0) {
                    int n = rows;
                    int col = c;
                    changed |= protect(
                            rule,
                            n,
                            i -> counts[i][col],
                            i -> status[i][col],
                            (i, s) -> status[i][col] = s,
                            columnTotals[c],
                            colStatus,
                            c);
                }
            }
            for (int r = 0; r < rows && rowTotals != null; r++) {
                if (rowTotals[r] >= 0) {
                    int row = r;
                    changed |= protect(
                            rule,
                            cols,
                            i -> counts[row][i],
                            i -> status[row][i],
                            (i, s) -> status[row][i] = s,
                            rowTotals[r],
                            rowStatus,
                            r);
                }
            }
        }
        Cell[][] out = new Cell[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = cell(rule, counts[r][c], status[r][c]);
            }
        }
        return new SafeTable(out, totalCells(rule, columnTotals, colStatus), totalCells(rule, rowTotals, rowStatus));
    }

    /** A single count published on its own (a headline total): the rule, nothing to protect it against. */
    public static Cell single(SafeCounts rule, long count) {
        return cell(rule, count, rule.isHidden(count) ? Status.HIDDEN : Status.SHOWN);
    }

    public Cell cell(int row, int column) {
        return cells[row][column];
    }

    /** The published total of a column; null when the column publishes none. */
    public @Nullable Cell columnTotal(int column) {
        return columnTotals == null ? null : columnTotals[column];
    }

    /** The published total of a row; null when the row publishes none. */
    public @Nullable Cell rowTotal(int row) {
        return rowTotals == null ? null : rowTotals[row];
    }

    /** Whether any cell or total hides its count. */
    public boolean anyHidden() {
        boolean any = Arrays.stream(cells).flatMap(Arrays::stream).anyMatch(Cell::hidden);
        any |= columnTotals != null && Arrays.stream(columnTotals).anyMatch(c -> c != null && c.hidden());
        any |= rowTotals != null && Arrays.stream(rowTotals).anyMatch(c -> c != null && c.hidden());
        return any;
    }

    // ------------------------------------------------------------------------------------------------------------

    private interface Count {
        long at(int i);
    }

    private interface StatusAt {
        Status at(int i);
    }

    private interface SetStatus {
        void set(int i, Status s);
    }

    /**
     * One partition: tightens each hidden cell's range against the total and the other cells' ranges; if one is left
     * with fewer than {@link #MINIMUM_UNCERTAINTY} values, hides the smallest shown cell (or the total). Returns
     * whether anything was hidden.
     */
    private static boolean protect(
            SafeCounts rule,
            int n,
            Count count,
            StatusAt status,
            SetStatus set,
            long total,
            Status[] totalStatus,
            int totalIndex) {
        long[] totalRange = range(rule, total, totalStatus[totalIndex]);
        long[][] ranges = new long[n][];
        for (int i = 0; i < n; i++) {
            ranges[i] = range(rule, count.at(i), status.at(i));
        }
        boolean exposed = false;
        for (int round = 0; round < n + 1; round++) { // ranges shrink monotonically; a few rounds reach the fixpoint
            long sumLow = 0;
            long sumHigh = 0;
            for (long[] r : ranges) {
                sumLow += r[0];
                sumHigh = Math.min(ANY, sumHigh + r[1]);
            }
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                long low = Math.max(ranges[i][0], totalRange[0] - (sumHigh >= ANY ? ANY : sumHigh - ranges[i][1]));
                long high = Math.min(ranges[i][1], totalRange[1] - (sumLow - ranges[i][0]));
                if (low != ranges[i][0] || high != ranges[i][1]) {
                    ranges[i] = new long[] {low, high};
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            if (status.at(i) == Status.HIDDEN && ranges[i][1] - ranges[i][0] + 1 < MINIMUM_UNCERTAINTY) {
                exposed = true;
            }
        }
        if (totalStatus[totalIndex] == Status.HIDDEN) {
            long low = 0;
            long high = 0;
            for (long[] r : ranges) {
                low += r[0];
                high = Math.min(ANY, high + r[1]);
            }
            if (Math.min(high, totalRange[1]) - Math.max(low, totalRange[0]) + 1 < MINIMUM_UNCERTAINTY) {
                exposed = true;
            }
        }
        if (!exposed) {
            return false;
        }
        int smallest = -1;
        for (int i = 0; i < n; i++) {
            if (status.at(i) == Status.SHOWN && (smallest < 0 || count.at(i) < count.at(smallest))) {
                smallest = i;
            }
        }
        if (smallest >= 0) {
            set.set(smallest, Status.SUPPRESSED);
            return true;
        }
        if (totalStatus[totalIndex] == Status.SHOWN) {
            totalStatus[totalIndex] = Status.SUPPRESSED;
            return true;
        }
        return false;
    }

    private static long[] range(SafeCounts rule, long count, Status status) {
        return switch (status) {
            case SHOWN -> rule.range(count);
            case HIDDEN -> new long[] {0, rule.minimumShown() - 1L};
            case SUPPRESSED -> new long[] {0, ANY};
        };
    }

    private static Status[] totals(SafeCounts rule, long @Nullable [] totals, int n) {
        Status[] s = new Status[n];
        for (int i = 0; i < n; i++) {
            s[i] = totals == null || totals[i] < 0
                    ? Status.SHOWN
                    : rule.isHidden(totals[i]) ? Status.HIDDEN : Status.SHOWN;
        }
        return s;
    }

    private static @Nullable Cell[] totalCells(SafeCounts rule, long @Nullable [] totals, Status[] status) {
        if (totals == null) {
            return null;
        }
        List<@Nullable Cell> out = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            out.add(totals[i] < 0 ? null : cell(rule, totals[i], status[i]));
        }
        return out.toArray(new Cell[0]);
    }

    private static Cell cell(SafeCounts rule, long count, Status status) {
        return switch (status) {
            case SHOWN -> new Cell(rule.display(count), Status.SHOWN, rule.rounded(count));
            case HIDDEN -> new Cell(rule.hiddenText(), Status.HIDDEN, null);
            case SUPPRESSED -> new Cell(SUPPRESSED, Status.SUPPRESSED, null);
        };
    }
}
