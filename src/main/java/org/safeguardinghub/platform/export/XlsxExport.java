package org.safeguardinghub.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link Table} as an Excel workbook with one sheet: a bold, frozen header row, then one row per table
 * row, every cell as text passed through {@link SpreadsheetSafety#neutralise}. Uses POI's streaming SXSSF writer,
 * which keeps only a window of rows in memory and spills the rest to a compressed temporary file (deleted
 * afterwards), so long exports do not exhaust the heap.
 */
public final class XlsxExport {

    /** Rows kept in memory before SXSSF flushes them to its temporary file. */
    private static final int WINDOW = 200;
    /** Excel's own limit on characters in a cell. */
    private static final int MAX_CELL = 32_767;

    private XlsxExport() {}

    /** Writes the workbook to {@code out}; does not close it. */
    public static void write(Table table, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            workbook.setCompressTempFiles(true);
            SXSSFSheet sheet = workbook.createSheet(sheetName(table.title()));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            int columns = table.headers().size();
            int[] widths = new int[columns];

            Row header = sheet.createRow(0);
            for (int i = 0; i < columns; i++) {
                String value = text(table.headers().get(i));
                var cell = header.createCell(i);
                cell.setCellValue(value);
                cell.setCellStyle(bold);
                widths[i] = value.length();
            }
            sheet.createFreezePane(0, 1);

            int r = 1;
            for (List<?> row : table.rows()) {
                Row line = sheet.createRow(r);
                for (int i = 0; i < columns; i++) {
                    String value = Table.cell(row, i);
                    if (!value.isEmpty()) {
                        String safe = text(value);
                        line.createCell(i).setCellValue(safe);
                        if (r <= WINDOW) {
                            widths[i] = Math.max(widths[i], safe.length());
                        }
                    }
                }
                r++;
            }
            // widths from the header and the first rows, in characters (Excel's unit is 1/256 of a character);
            // no autoSizeColumn, which needs AWT fonts and sees only the rows still in memory
            for (int i = 0; i < columns; i++) {
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, widths[i] + 2)) * 256);
            }
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Excel export", e);
        }
    }

    private static String text(String value) {
        String safe = SpreadsheetSafety.neutralise(value);
        return safe.length() > MAX_CELL ? safe.substring(0, MAX_CELL) : safe;
    }

    static String sheetName(String title) {
        String name = title.isBlank() ? "Export" : title;
        return WorkbookUtil.createSafeSheetName(name.length() > 31 ? name.substring(0, 31) : name);
    }
}
