package org.safeguardinghub.imports;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One data row of an uploaded file.
 *
 * @param number the row's number as the user sees it in their spreadsheet: the header is row 1, so the first data
 *     row is row 2 (for a CSV file, the record number; a quoted value spanning several lines is still one row)
 * @param values the cell values by column name as the kind declares them ({@link ImportColumn#name()}), trimmed;
 *     a column absent from the file, or an empty cell, has no entry or an empty value
 */
public record ImportRow(int number, Map<String, String> values) {

    public ImportRow {
        values = Map.copyOf(values);
    }

    /** The value in a column, or empty text. */
    public String value(String column) {
        String v = values.get(column);
        return v == null ? "" : v;
    }

    /** The value in a column, or null when it is empty. */
    public @Nullable String optional(String column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v;
    }

    public boolean isBlank(String column) {
        return optional(column) == null;
    }
}
