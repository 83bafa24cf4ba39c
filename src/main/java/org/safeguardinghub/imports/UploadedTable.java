package org.safeguardinghub.imports;

import java.util.List;
import java.util.Map;

/**
 * An uploaded spreadsheet read by {@link Uploads#table}: its data rows, each cell exactly as written in the file
 * (nothing trimmed, no apostrophe removed, Excel numbers as stored), by column name.
 *
 * @param columns the file's columns, by their names in the import's list, in the order the file has them
 */
public record UploadedTable(List<String> columns, List<Row> rows) {

    /**
     * One data row.
     *
     * @param number the row number as a spreadsheet shows it (the header is row 1)
     * @param values the cells by column name (a column the file lacks is absent)
     * @param cellCount how many cells the row has
     * @param extraValues non-empty cells beyond the header's columns: in a CSV file, usually a comma in a value
     *     that is not in double quotes, which would otherwise cut the value short
     */
    public record Row(int number, Map<String, String> values, int cellCount, int extraValues) {

        /** The cell under {@code column}, or empty when the row or the file has no such cell. */
        public String cell(String column) {
            return values.getOrDefault(column, "");
        }
    }
}
