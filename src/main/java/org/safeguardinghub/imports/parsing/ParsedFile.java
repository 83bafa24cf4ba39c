package org.safeguardinghub.imports.parsing;

import java.util.List;

/**
 * A spreadsheet read into memory: its header cells and its data rows (rows with every cell empty are left out).
 *
 * @param headers the header row's cells as written in the file, trimmed
 */
public record ParsedFile(List<String> headers, List<Row> rows) {

    /**
     * One data row.
     *
     * @param number the row number the user sees: the spreadsheet row for XLSX, the record number for CSV (the
     *     header being 1)
     * @param cells the row's cells, trimmed, in column order; may be shorter or longer than the header
     */
    public record Row(int number, List<String> cells) {}
}
