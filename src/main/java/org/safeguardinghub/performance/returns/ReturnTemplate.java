package org.safeguardinghub.performance.returns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.imports.ImportColumn;
import org.safeguardinghub.imports.UploadRefused;
import org.safeguardinghub.imports.UploadedTable;
import org.safeguardinghub.imports.Uploads;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.returns.ReturnChecks.CellKey;
import org.safeguardinghub.platform.export.Table;

/**
 * The spreadsheet template of a return (CSV or Excel): one row per item and breakdown value, with the columns
 * {@link #HEADERS}, current figures filled in. Reading a filled template back gives value entries, or problems by row
 * and column; uploading the same file twice gives the same figures, since a cell's value replaces what was there.
 */
public final class ReturnTemplate {

    static final List<String> HEADERS =
            List.of("item_code", "item_name", "breakdown", "breakdown_value", "value", "comment");
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    static final int MAX_ROWS = 5_000;

    /** A row read from an upload, with its row number as a spreadsheet shows it (the header is row 1). */
    public record Line(int row, ValueEntry entry) {}

    public record UploadProblem(int row, String column, String message) {}

    public record Parsed(List<Line> lines, List<UploadProblem> problems) {}

    private ReturnTemplate() {}

    /** The template's table: each item's total, then each value of each breakdown it declares. */
    public static Table table(
            String title,
            List<DataItem> items,
            Map<Breakdown, List<String>> breakdownValues,
            Map<CellKey, String> values,
            Map<CellKey, String> comments) {
        List<List<String>> rows = new ArrayList<>();
        for (DataItem item : items) {
            for (CellKey key : cells(item, breakdownValues)) {
                rows.add(List.of(
                        item.code(),
                        item.name(),
                        key.kind(),
                        key.value(),
                        values.getOrDefault(key, ""),
                        comments.getOrDefault(key, "")));
            }
        }
        return Table.of(title, HEADERS, rows);
    }

    /** The cells of an item in a return, total first. */
    static List<CellKey> cells(DataItem item, Map<Breakdown, List<String>> breakdownValues) {
        List<CellKey> cells = new ArrayList<>();
        cells.add(CellKey.total(item.code()));
        for (Breakdown b : Breakdown.values()) {
            if (item.breakdowns().contains(b)) {
                for (String v : breakdownValues.getOrDefault(b, List.of())) {
                    cells.add(new CellKey(item.code(), b.name(), v));
                }
            }
        }
        return cells;
    }

    /** The template's columns as the imports module's readers match them. */
    static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("item_code", "The data item's code"),
            ImportColumn.optional("item_name", "The item's name (ignored on upload)"),
            ImportColumn.optional("breakdown", "Empty for the total, or DISTRICT, AGE_BAND, GENDER or ETHNICITY"),
            ImportColumn.optional("breakdown_value", "The breakdown's value, e.g. a district's name"),
            ImportColumn.required("value", "The figure"),
            ImportColumn.optional("comment", "An explanation of the figure"));

    /**
     * Reads an uploaded template (CSV or Excel .xlsx) through the imports module's readers: the file's type is
     * checked from its content, CSV must be UTF-8, a workbook is streamed with zip-bomb limits, and every cell is
     * kept as written. A figure is read later by the one number rule; a comment is kept byte for byte, except
     * that the apostrophe the Hub's own exports put before text starting {@code = + - @} is taken off again.
     */
    public static Parsed read(@Nullable String fileName, byte[] bytes) {
        List<UploadProblem> problems = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            problems.add(new UploadProblem(0, "", "The selected file must be smaller than 2 MB"));
            return new Parsed(List.of(), problems);
        }
        UploadedTable table;
        try {
            table = Uploads.table(fileName == null ? "" : fileName, bytes, MAX_ROWS, COLUMNS);
        } catch (UploadRefused e) {
            for (String message : e.messages()) {
                problems.add(new UploadProblem(0, "", message));
            }
            return new Parsed(List.of(), problems);
        }
        String lastColumn = table.columns().get(table.columns().size() - 1);
        List<Line> lines = new ArrayList<>();
        Map<CellKey, Integer> seen = new HashMap<>();
        for (UploadedTable.Row row : table.rows()) {
            int rowNumber = row.number();
            if (row.extraValues() > 0) {
                problems.add(new UploadProblem(
                        rowNumber,
                        lastColumn,
                        "This row has " + row.cellCount() + " values but the header has "
                                + table.columns().size()
                                + " columns, so a value would be cut short. Put a value that contains a comma in"
                                + " double quotes, like \"late, see note\""));
                continue;
            }
            String code = row.cell("item_code").strip();
            String kindText = row.cell("breakdown").strip();
            String breakdownValue = row.cell("breakdown_value").strip();
            String value = row.cell("value");
            String comment = fromExport(row.cell("comment"));
            if (code.isEmpty() && kindText.isEmpty() && value.isBlank() && comment.isBlank()) {
                continue;
            }
            if (code.isEmpty()) {
                problems.add(new UploadProblem(rowNumber, "item_code", "Enter the item code"));
                continue;
            }
            String kind = kind(kindText);
            if (kind == null) {
                problems.add(new UploadProblem(
                        rowNumber,
                        "breakdown",
                        "\"" + kindText + "\" is not a breakdown: use DISTRICT, AGE_BAND,"
                                + " GENDER or ETHNICITY, or leave it empty for the total"));
                continue;
            }
            CellKey key = new CellKey(code, kind, kind.isEmpty() ? "" : breakdownValue);
            Integer earlier = seen.putIfAbsent(key, rowNumber);
            if (earlier != null) {
                problems.add(new UploadProblem(
                        rowNumber, "item_code", "This cell is also on row " + earlier + "; give each figure once"));
                continue;
            }
            lines.add(new Line(
                    rowNumber, new ValueEntry(code, kind, key.value(), value, comment.isBlank() ? "" : comment)));
        }
        return new Parsed(lines, problems);
    }

    /**
     * Undoes exactly the formula neutralisation of the Hub's exports ({@code '} before {@code = + - @}, tab or
     * carriage return), so a downloaded template uploaded again keeps its comments; any other apostrophe is text.
     */
    static String fromExport(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'') {
            switch (cell.charAt(1)) {
                case '=', '+', '-', '@', '\t', '\r' -> {
                    return cell.substring(1);
                }
                default -> {}
            }
        }
        return cell;
    }

    private static @Nullable String kind(String text) {
        if (text.isEmpty()) {
            return "";
        }
        for (Breakdown b : Breakdown.values()) {
            if (b.name().equalsIgnoreCase(text) || b.label().equalsIgnoreCase(text)) {
                return b.name();
            }
        }
        return null;
    }
}
