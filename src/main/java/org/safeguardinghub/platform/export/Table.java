package org.safeguardinghub.platform.export;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an export contains, whatever its format: a title, column headers and rows of text. Every exporter ({@link
 * CsvExport}, {@link XlsxExport}, {@link PdfExport}) takes one of these, so a list page builds its table once and
 * offers all three formats.
 *
 * <p>Rows are an {@link Iterable} so a long list can be streamed from the database rather than held in memory; a
 * {@code null} cell is written as empty. Each row should have as many cells as there are headers; missing cells are
 * written as empty and extra cells are dropped.
 *
 * @param title shown above the table in the PDF and used as the spreadsheet's sheet name
 */
public record Table(String title, List<String> headers, Iterable<? extends List<? extends @Nullable Object>> rows) {

    public Table {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("An export needs at least one column");
        }
        headers = List.copyOf(headers);
    }

    public static Table of(
            String title, List<String> headers, Iterable<? extends List<? extends @Nullable Object>> rows) {
        return new Table(title, headers, rows);
    }

    /** The cell of a row under column {@code index}, as text: empty for null or missing. */
    static String cell(List<? extends @Nullable Object> row, int index) {
        if (index >= row.size()) {
            return "";
        }
        Object value = row.get(index);
        return value == null ? "" : value.toString();
    }
}
