package org.safeguardinghub.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link Table} as CSV: UTF-8 with a byte order mark (so Excel recognises the encoding and shows names
 * with accents correctly), RFC 4180 quoting and CRLF line ends, a header row, then one line per row. No title line:
 * the file stays a plain table that can be re-imported. Every cell is passed through {@link
 * SpreadsheetSafety#neutralise}. Rows are streamed; nothing is held beyond one row.
 */
public final class CsvExport {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();
    private static final char BOM = '\uFEFF';

    private CsvExport() {}

    /** Writes the table to {@code out}; flushes but does not close it. */
    public static void write(Table table, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(BOM);
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(
                    table.headers().stream().map(SpreadsheetSafety::neutralise).toList());
            int columns = table.headers().size();
            List<String> cells = new ArrayList<>(columns);
            for (List<?> row : table.rows()) {
                cells.clear();
                for (int i = 0; i < columns; i++) {
                    cells.add(SpreadsheetSafety.neutralise(Table.cell(row, i)));
                }
                printer.printRecord(cells);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the CSV export", e);
        }
    }
}
