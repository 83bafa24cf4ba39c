package org.safeguardinghub.performance.returns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.returns.ReturnChecks.CellKey;
import org.safeguardinghub.platform.export.Table;

/**
 * The spreadsheet template of a return (CSV or Excel): one row per item and breakdown value, with the columns
 * {@link #HEADERS}, current figures filled in. Reading a filled template back gives value entries, or problems by row
 * and column; uploading the same file twice gives the same figures, since a cell's value replaces what was there.
 */
final class ReturnTemplate {

    static final List<String> HEADERS =
            List.of("item_code", "item_name", "breakdown", "breakdown_value", "value", "comment");
    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final int MAX_ROWS = 5_000;

    /** A row read from an upload, with its row number as a spreadsheet shows it (the header is row 1). */
    record Line(int row, ValueEntry entry) {}

    record UploadProblem(int row, String column, String message) {}

    record Parsed(List<Line> lines, List<UploadProblem> problems) {}

    private ReturnTemplate() {}

    /** The template's table: each item's total, then each value of each breakdown it declares. */
    static Table table(
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

    /** Reads an uploaded template (CSV, or Excel when the name ends .xlsx or the bytes are a zip). */
    static Parsed read(@Nullable String fileName, byte[] bytes) {
        List<UploadProblem> problems = new ArrayList<>();
        if (bytes.length == 0) {
            problems.add(new UploadProblem(0, "", "The selected file is empty"));
            return new Parsed(List.of(), problems);
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(new UploadProblem(0, "", "The selected file must be smaller than 2 MB"));
            return new Parsed(List.of(), problems);
        }
        boolean xlsx = (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"))
                || (bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K');
        List<List<String>> rows;
        try {
            rows = xlsx ? xlsxRows(bytes) : csvRows(bytes);
        } catch (IOException | RuntimeException e) {
            problems.add(new UploadProblem(
                    0,
                    "",
                    "The selected file could not be read. Upload the return's template as CSV or Excel (.xlsx)"));
            return new Parsed(List.of(), problems);
        }
        if (rows.isEmpty()) {
            problems.add(new UploadProblem(0, "", "The selected file is empty"));
            return new Parsed(List.of(), problems);
        }
        if (rows.size() - 1 > MAX_ROWS) {
            problems.add(new UploadProblem(
                    0,
                    "",
                    "The selected file has " + (rows.size() - 1) + " rows; a return's template has at most "
                            + MAX_ROWS));
            return new Parsed(List.of(), problems);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(clean(header.get(i)).toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("item_code", "value")) {
            if (!columns.containsKey(required)) {
                problems.add(new UploadProblem(
                        1,
                        required,
                        "The first row must name the columns: " + String.join(", ", HEADERS) + " (column " + required
                                + " is missing)"));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        List<Line> lines = new ArrayList<>();
        Map<CellKey, Integer> seen = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int rowNumber = r + 1;
            String code = cell(row, columns.get("item_code"));
            String kindText = cell(row, columns.get("breakdown"));
            String breakdownValue = cell(row, columns.get("breakdown_value"));
            String value = cell(row, columns.get("value"));
            String comment = cell(row, columns.get("comment"));
            if (code.isEmpty() && kindText.isEmpty() && value.isEmpty() && comment.isEmpty()) {
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
                    rowNumber, new ValueEntry(code, kind, key.value(), value, comment.isEmpty() ? "" : comment)));
        }
        return new Parsed(lines, problems);
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

    private static String cell(List<String> row, @Nullable Integer index) {
        return index == null || index >= row.size() ? "" : clean(row.get(index));
    }

    /** Trims, and removes the apostrophe spreadsheets put before text that looks like a formula. */
    private static String clean(String raw) {
        String s = raw.replace("\uFEFF", "").trim();
        return s.startsWith("'") ? s.substring(1).trim() : s;
    }

    private static List<List<String>> csvRows(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                if (rows.size() > MAX_ROWS + 1) {
                    rows.add(List.of());
                    continue;
                }
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                rows.add(cells);
            }
        }
        return rows;
    }

    private static List<List<String>> xlsxRows(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.UK);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            int last = sheet.getLastRowNum();
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
