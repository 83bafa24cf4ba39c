package org.safeguardinghub.performance.extracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.returns.ValueEntry;

/**
 * The fast path of an extract load: one streaming pass over the file that computes its SHA-256, checks every row
 * and counts the layout's measures, without staging the rows in the database.
 *
 * <p>It answers only for a clean file: plain CSV that PostgreSQL's COPY reads the same way (ASCII after the header,
 * one line ending throughout, quotes only around whole cells, the header's number of cells on every line) and whose
 * every row passes the layout's checks. Anything else (a bad row, a quote in mid-cell, a character outside ASCII,
 * a stray carriage return) gives {@code null}, and the load goes through the staging table, whose set-based SQL
 * checks report every problem by line and column as before. The checks and counts here are the same as that SQL's:
 * cells trimmed of spaces, blank meaning missing, dates dd/mm/yyyy or yyyy-mm-dd that exist, codes compared in upper
 * case and districts in lower case; {@code ExtractScanTests} loads the same files both ways and compares.
 */
final class ExtractScan {

    private static final int BUFFER = 1 << 16;
    private static final int[] BOM = {0xEF, 0xBB, 0xBF};
    private static final int NONE = -1;
    /** Month keys of years 1 to 9999, the dates PostgreSQL's make_date takes here. */
    private static final int MONTH_KEYS = 10_000 * 12;

    private static final int MAX_CACHED_CELLS = 10_000;

    /** What a clean file holds: its checksum, its number of rows and the figures by month end. */
    record Result(String sha256, long rows, Map<LocalDate, List<ValueEntry>> byMonth) {}

    private final ExtractLayout layout;
    private final int columnCount;
    /** For each cell position, the layout column it holds (or null when the layout does not read it). */
    private final ExtractLayout.@Nullable Column[] columnAt;

    private final int monthIndex;
    /** Cells only checked for being blank (TEXT columns no measure reads). */
    private final boolean[] blankOnly;

    private final int breakdownIndex;
    /** District name in lower case to its position, in the partnership's order. */
    private final Map<String, Integer> districtIndex = new HashMap<>();

    private final Map<String, String> canonicalDistricts;
    private final boolean[] measureByDistrict;
    private final int[] measureFilterIndex;
    private final String[] measureFilterValue;
    /** Per measure, by month key (year * 12 + month - 1): the counts, [0] the total and [1 + i] district i. */
    private final long[][][] counts;
    /** Whether any row falls in a month (by month key). */
    private final boolean[] months = new boolean[MONTH_KEYS];
    /** District cells as written to their position (or NONE), so each spelling is trimmed and looked up once. */
    private final Map<String, Integer> districtCells = new HashMap<>();

    private final String[] cells;
    private long rows;

    private ExtractScan(
            ExtractLayout layout,
            List<String> header,
            List<String> districtNames,
            Map<String, Boolean> itemsByDistrict) {
        this.layout = layout;
        this.columnCount = header.size();
        this.columnAt = new ExtractLayout.Column[columnCount];
        this.cells = new String[columnCount];
        for (ExtractLayout.Column column : layout.columns()) {
            int index = indexOf(header, column.name());
            if (index >= 0) {
                columnAt[index] = column;
            }
        }
        this.monthIndex = indexOf(header, layout.monthColumn());
        this.blankOnly = new boolean[columnCount];
        this.breakdownIndex = layout.breakdownColumn() == null ? NONE : indexOf(header, layout.breakdownColumn());
        this.canonicalDistricts = new LinkedHashMap<>();
        districtNames.forEach(d -> canonicalDistricts.put(d.toLowerCase(Locale.ROOT), d));
        int i = 0;
        for (String lower : canonicalDistricts.keySet()) {
            districtIndex.put(lower, i++);
        }
        int measures = layout.measures().size();
        this.measureByDistrict = new boolean[measures];
        this.measureFilterIndex = new int[measures];
        this.measureFilterValue = new String[measures];
        this.counts = new long[measures][][];
        for (int m = 0; m < measures; m++) {
            ExtractLayout.Measure measure = layout.measures().get(m);
            measureByDistrict[m] = breakdownIndex != NONE && itemsByDistrict.getOrDefault(measure.itemCode(), false);
            measureFilterIndex[m] = measure.filterColumn() == null ? NONE : indexOf(header, measure.filterColumn());
            measureFilterValue[m] = String.valueOf(measure.filterValue()).toUpperCase(Locale.ROOT);
            counts[m] = new long[MONTH_KEYS][];
        }
        for (int c = 0; c < columnCount; c++) {
            blankOnly[c] = columnAt[c] != null
                    && columnAt[c].type() == ExtractLayout.Type.TEXT
                    && c != monthIndex
                    && c != breakdownIndex
                    && !isFilter(c);
        }
    }

    /**
     * Scans {@code file} (whose header line {@code header} names the cells; every required column is present) and
     * gives its figures, or null when the file is not clean and must go through the staging table.
     */
    static @Nullable Result scan(
            Path file,
            ExtractLayout layout,
            List<String> header,
            List<String> districtNames,
            Map<String, Boolean> itemsByDistrict) {
        if (header.isEmpty() || indexOf(header, layout.monthColumn()) < 0) {
            return null;
        }
        for (ExtractLayout.Column column : layout.columns()) {
            if (column.required() && indexOf(header, column.name()) < 0) {
                return null;
            }
        }
        ExtractScan scan = new ExtractScan(layout, header, districtNames, itemsByDistrict);
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (!scan.read(in, digest)) {
                return null;
            }
            return new Result(HexFormat.of().formatHex(digest.digest()), scan.rows, scan.figures());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading: a small CSV state machine over bytes, refusing whatever COPY might read differently ----

    private static final int HEADER = 0;
    private static final int FIELD_START = 1;
    private static final int UNQUOTED = 2;
    private static final int QUOTED = 3;
    private static final int QUOTE_IN_QUOTED = 4;
    private static final int AFTER_CR = 5;

    /** The reader's state between bytes (and between buffers): the cell being read and where the line stands. */
    private byte[] field = new byte[256];

    private int fieldLength;
    private int cell;
    private int state = HEADER;
    private int headerQuotes;
    private int headerBytes;
    private int bom;
    private boolean crlf;
    private boolean recordOpen;

    /** Reads every byte into the digest; false as soon as the file is not clean (the digest is then unused). */
    private boolean read(InputStream in, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                if (state == HEADER) {
                    if (!headerByte(b)) {
                        return false;
                    }
                    continue;
                }
                if (b >= 0x80 || (b < 0x20 && b != '\t' && b != '\r' && b != '\n')) {
                    return false;
                }
                switch (state) {
                    case AFTER_CR -> {
                        if (b != '\n' || !finishRecord()) {
                            return false;
                        }
                    }
                    case FIELD_START, UNQUOTED -> {
                        i = unquotedByte(buffer, i, n);
                        if (i < 0) {
                            return false;
                        }
                    }
                    case QUOTED -> {
                        if (b == '"') {
                            state = QUOTE_IN_QUOTED;
                        } else {
                            append((byte) b);
                        }
                    }
                    case QUOTE_IN_QUOTED -> {
                        if (!afterQuoteByte(b)) {
                            return false;
                        }
                    }
                    default -> throw new IllegalStateException("state " + state);
                }
            }
        }
        return endOfFile();
    }

    /** One byte of the header line, which is only checked, not read; false when the file is not clean. */
    private boolean headerByte(int b) {
        if (bom < 3 && b == BOM[bom] && headerBytes == bom) {
            headerBytes++;
            bom++; // a UTF-8 byte order mark: the only bytes outside ASCII allowed (in the header)
            return true;
        }
        headerBytes++;
        if (b >= 0x80 || (crlf && b != '\n')) {
            return false; // outside ASCII, or a carriage return that does not end the line
        }
        if (b == '"') {
            headerQuotes++;
        } else if (b == '\n') {
            if (headerQuotes % 2 != 0) {
                return false; // a quoted newline in the header: COPY would skip more than one line
            }
            state = FIELD_START;
        } else if (b == '\r') {
            crlf = true;
        }
        return true;
    }

    /**
     * The byte at {@code i} at the start of a cell or in an unquoted one; gives the index of the last byte taken (a
     * run of plain bytes is taken at once), or -1 when the file is not clean.
     */
    private int unquotedByte(byte[] buffer, int i, int n) {
        int b = buffer[i] & 0xff;
        if (state == FIELD_START && b == '"') {
            state = QUOTED;
            recordOpen = true;
        } else if (b == ',') {
            if (!endCell(cell++, field, fieldLength)) {
                return -1;
            }
            fieldLength = 0;
            recordOpen = true;
            state = FIELD_START;
        } else if (b == '\r' || b == '\n') {
            if (!recordOpen && state == FIELD_START) {
                return -1; // an empty line
            }
            if (!lineEnd(b)) {
                return -1;
            }
        } else if (b == '"') {
            return -1; // a quote inside an unquoted cell
        } else {
            // the common case: take the rest of the cell at once, up to its comma or line end
            int end = i + 1;
            while (end < n && plain(buffer[end])) {
                end++;
            }
            int length = end - i;
            if (fieldLength + length > field.length) {
                field = java.util.Arrays.copyOf(field, Math.max(field.length * 2, fieldLength + length));
            }
            System.arraycopy(buffer, i, field, fieldLength, length);
            fieldLength += length;
            recordOpen = true;
            state = UNQUOTED;
            return end - 1;
        }
        return i;
    }

    /** A byte after a quote in a quoted cell: a doubled quote, or what ends the cell; false when not clean. */
    private boolean afterQuoteByte(int b) {
        if (b == '"') {
            append((byte) '"');
            state = QUOTED;
        } else if (b == ',') {
            if (!endCell(cell++, field, fieldLength)) {
                return false;
            }
            fieldLength = 0;
            state = FIELD_START;
        } else if (b == '\r' || b == '\n') {
            return lineEnd(b);
        } else {
            return false; // text after a closing quote
        }
        return true;
    }

    /** A carriage return or newline ending a cell and (with a newline) its record; false when not clean. */
    private boolean lineEnd(int b) {
        if ((b == '\r') != crlf) {
            return false;
        }
        if (!endCell(cell++, field, fieldLength)) {
            return false;
        }
        fieldLength = 0;
        if (b == '\r') {
            state = AFTER_CR;
            return true;
        }
        return finishRecord();
    }

    private boolean finishRecord() {
        if (!endRecord(cell)) {
            return false;
        }
        cell = 0;
        recordOpen = false;
        state = FIELD_START;
        return true;
    }

    private void append(byte b) {
        if (fieldLength == field.length) {
            field = java.util.Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = b;
    }

    /** Whether the file ends cleanly, counting a last line without a line ending. */
    private boolean endOfFile() {
        switch (state) {
            case HEADER, QUOTED, AFTER_CR -> {
                return false;
            }
            case UNQUOTED, QUOTE_IN_QUOTED -> {
                // the last line without a line ending, as COPY accepts
                return endCell(cell++, field, fieldLength) && endRecord(cell);
            }
            default -> {
                if (recordOpen) {
                    return endCell(cell++, field, fieldLength) && endRecord(cell);
                }
                return true;
            }
        }
    }

    /** A byte that continues an unquoted cell: ASCII, not a comma, quote or line end, not a control but tab. */
    private static boolean plain(byte b) {
        return b >= 0x20 ? b != ',' && b != '"' : b == '\t';
    }

    private boolean endCell(int index, byte[] field, int length) {
        if (index >= columnCount) {
            return false; // more cells than the header
        }
        if (blankOnly[index]) {
            // a cell only checked for being blank (an identifier): no need to keep its text
            int i = 0;
            while (i < length && field[i] == ' ') {
                i++;
            }
            cells[index] = i == length ? "" : "x";
        } else if (columnAt[index] != null || index == monthIndex || index == breakdownIndex || isFilter(index)) {
            cells[index] = new String(field, 0, length, StandardCharsets.ISO_8859_1);
        }
        return true;
    }

    private boolean isFilter(int index) {
        for (int f : measureFilterIndex) {
            if (f == index) {
                return true;
            }
        }
        return false;
    }

    /** Checks and counts one row; false when it has a problem (or is COPY's end-of-data marker, or is short). */
    private boolean endRecord(int cellCount) {
        if (cellCount != columnCount) {
            return false;
        }
        if (columnCount == 1 && "\\.".equals(cells[0])) {
            return false;
        }
        int month = NONE;
        int district = NONE;
        for (int i = 0; i < columnCount; i++) {
            ExtractLayout.Column column = columnAt[i];
            if (column == null) {
                continue;
            }
            String value = trimSpaces(cells[i]);
            if (value.isEmpty()) {
                if (column.required() || column.type() == ExtractLayout.Type.DISTRICT) {
                    return false;
                }
                continue;
            }
            switch (column.type()) {
                case DATE -> {
                    int key = monthKey(value);
                    if (key == NONE) {
                        return false;
                    }
                    if (i == monthIndex) {
                        month = key;
                    }
                }
                case CODE -> {
                    if (!allowed(column, value)) {
                        return false;
                    }
                }
                case DISTRICT -> {
                    int index = district(cells[i]);
                    if (index == NONE) {
                        return false;
                    }
                    if (i == breakdownIndex) {
                        district = index;
                    }
                }
                case TEXT -> {}
            }
        }
        if (month == NONE) {
            month = monthKey(trimSpaces(cells[monthIndex]));
            if (month == NONE) {
                return false;
            }
        }
        if (breakdownIndex != NONE && district == NONE) {
            district = district(cells[breakdownIndex]);
        }
        rows++;
        months[month] = true;
        for (int m = 0; m < measureFilterIndex.length; m++) {
            int f = measureFilterIndex[m];
            // upper(trim(cell)) = upper(value) in the SQL; the cells are ASCII here
            if (f != NONE && !trimSpaces(cells[f]).equalsIgnoreCase(measureFilterValue[m])) {
                continue;
            }
            long[] c = counts[m][month];
            if (c == null) {
                c = new long[1 + districtIndex.size()];
                counts[m][month] = c;
            }
            c[0]++;
            if (measureByDistrict[m] && district != NONE) {
                c[1 + district]++;
            }
        }
        return true;
    }

    /** upper(trim(cell)) in the column's list; the cells are ASCII here and the allowed values upper case. */
    private static boolean allowed(ExtractLayout.Column column, String value) {
        for (String allowed : column.allowed()) {
            if (allowed.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /** The position of the district a cell names (lower(trim(cell)) against the names in lower case), or NONE. */
    private int district(String cell) {
        Integer index = districtCells.get(cell);
        if (index == null) {
            index = districtIndex.getOrDefault(trimSpaces(cell).toLowerCase(Locale.ROOT), NONE);
            if (districtCells.size() < MAX_CACHED_CELLS) {
                districtCells.put(cell, index);
            }
        }
        return index;
    }

    /** Every month any row falls in, with each measure's total and (when by district) every district's count. */
    private Map<LocalDate, List<ValueEntry>> figures() {
        Map<LocalDate, List<ValueEntry>> result = new TreeMap<>();
        long[] none = new long[1 + districtIndex.size()];
        for (int key = 0; key < MONTH_KEYS; key++) {
            if (!months[key]) {
                continue;
            }
            List<ValueEntry> entries = new ArrayList<>();
            for (int m = 0; m < layout.measures().size(); m++) {
                String item = layout.measures().get(m).itemCode();
                long[] c = counts[m][key] == null ? none : counts[m][key];
                entries.add(ValueEntry.total(item, String.valueOf(c[0])));
                if (measureByDistrict[m]) {
                    canonicalDistricts.forEach((lower, name) -> entries.add(new ValueEntry(
                            item, "DISTRICT", name, String.valueOf(c[1 + districtIndex.get(lower)]), null)));
                }
            }
            result.put(YearMonth.of(key / 12, key % 12 + 1).atEndOfMonth(), entries);
        }
        return result;
    }

    /**
     * The month of a date written dd/mm/yyyy or yyyy-mm-dd as year * 12 + month - 1, or NONE when the text is
     * neither or names a day that does not exist (as {@link ExtractStageRecords#dateExpression}).
     */
    static int monthKey(String text) {
        if (text.length() != 10) {
            return NONE;
        }
        int year;
        int month;
        int day;
        if (text.charAt(4) == '-' && text.charAt(7) == '-') {
            year = digits(text, 0, 4);
            month = digits(text, 5, 7);
            day = digits(text, 8, 10);
        } else if (text.charAt(2) == '/' && text.charAt(5) == '/') {
            day = digits(text, 0, 2);
            month = digits(text, 3, 5);
            year = digits(text, 6, 10);
        } else {
            return NONE;
        }
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) {
            return NONE;
        }
        if (day > daysIn(year, month)) {
            return NONE;
        }
        return year * 12 + month - 1;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NONE - 1_000_000; // makes the caller's range check fail
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** PostgreSQL's trim(): spaces only, not tabs. */
    static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return NONE;
    }
}
