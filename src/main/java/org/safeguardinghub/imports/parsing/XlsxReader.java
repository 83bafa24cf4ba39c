package org.safeguardinghub.imports.parsing;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first worksheet of an Excel workbook with POI's streaming (SAX) reader, so a large sheet is never
 * built as an object model in memory. Cells are read as Excel displays them (dates and numbers formatted, formulas
 * as their last calculated value). The header is the first row with any content; rows are numbered as Excel
 * numbers them.
 *
 * <p>Zip-bomb guards: the workbook is opened from a temporary file through POI's {@link ZipSecureFile}, which
 * refuses any part that inflates more than 100 times its compressed size ({@link #MIN_INFLATE_RATIO}) or beyond
 * {@link #MAX_ENTRY_SIZE} bytes, and a workbook of more than {@link #MAX_FILE_COUNT} parts. These are process-wide
 * POI settings, set when this class is first used.
 */
final class XlsxReader {

    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_ENTRY_SIZE = 200L * 1024 * 1024;
    static final long MAX_FILE_COUNT = 1_000;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
    }

    private static final String UNREADABLE = "The selected file could not be read as an Excel workbook. It may be"
            + " damaged: open it in Excel, save it again as an Excel Workbook (.xlsx), and upload it again";

    private final int maxRows;
    private final boolean keepText;

    XlsxReader(int maxRows, boolean keepText) {
        this.maxRows = maxRows;
        this.keepText = keepText;
    }

    ParsedFile read(byte[] content) {
        Path temp = null;
        try {
            temp = Files.createTempFile("hub-import-", ".xlsx"); // owner-only permissions on POSIX
            Files.write(temp, content);
            return read(temp.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stage the uploaded workbook", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    temp.toFile().deleteOnExit();
                }
            }
        }
    }

    private ParsedFile read(File file) {
        Collector collector = new Collector(maxRows, keepText);
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            reader.setUseReadOnlySharedStringsTable(true);
            var strings = reader.getSharedStringsTable();
            var styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new FileRejected(ImportFileReader.NO_HEADER);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        styles,
                        strings,
                        collector,
                        keepText ? new StoredNumbers() : new DataFormatter(Locale.UK),
                        false));
                parser.parse(new InputSource(sheet));
            }
        } catch (FileRejected e) {
            throw e;
        } catch (RuntimeException e) {
            FileRejected rejected = find(e);
            if (rejected != null) {
                throw rejected;
            }
            throw new FileRejected(explain(e));
        } catch (Exception e) { // IOException, SAXException, OpenXML4JException, ParserConfigurationException
            FileRejected rejected = find(e);
            if (rejected != null) {
                throw rejected;
            }
            throw new FileRejected(explain(e));
        }
        return collector.result();
    }

    private static @Nullable FileRejected find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileRejected r) {
                return r;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")
                    || message.contains("max entry size")
                    || message.contains("max file count")
                    || message.contains("maxentrysize")) {
                return "The selected file could not be opened safely: it expands to an unusually large size."
                        + " Save the sheet you want to import as CSV UTF-8 and upload that";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return UNREADABLE;
    }

    /** What to say about a file in Microsoft's older OLE2 container: password protected, or an old .xls. */
    static String oleMessage(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            if (fs.getRoot().hasEntry("EncryptedPackage") || fs.getRoot().hasEntry("EncryptionInfo")) {
                return "The selected file is password protected. Open it in Excel, remove the password"
                        + " (File, Info, Protect Workbook, Encrypt with Password), save it and upload it again";
            }
            return "The selected file is an old Excel 97-2003 workbook saved with an .xlsx name. Open it in Excel and"
                    + " save it as an Excel Workbook (.xlsx) or as CSV UTF-8";
        } catch (IOException | RuntimeException e) {
            return UNREADABLE;
        }
    }

    /**
     * Numbers as stored, in plain decimal notation, whatever the cell's display format (a date format still gives
     * the date as Excel shows it): a figure formatted with thousands separators or fewer decimals is read as the
     * number it is, so no formatting changes a value on its way in.
     */
    static final class StoredNumbers extends DataFormatter {

        StoredNumbers() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, @Nullable String formatString) {
            if (formatString != null && org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)) {
                return super.formatRawCellContents(value, formatIndex, formatString);
            }
            if (!Double.isFinite(value)) {
                return String.valueOf(value);
            }
            return new java.math.BigDecimal(Double.toString(value))
                    .stripTrailingZeros()
                    .toPlainString();
        }
    }

    /** Turns the streamed cells into rows, filling gaps left by empty cells. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        static final int MAX_COLUMNS = 256;
        private final int maxRows;
        private final boolean keepText;
        private @Nullable List<String> headers;
        private final List<ParsedFile.Row> rows = new ArrayList<>();
        private List<String> current = new ArrayList<>();
        private int nextColumn;

        Collector(int maxRows, boolean keepText) {
            this.maxRows = maxRows;
            this.keepText = keepText;
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
            nextColumn = 0;
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String formattedValue, @Nullable XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            // A stray value far to the right would pad every row with thousands of empty cells (memory); no
            // import needs more columns than its header plus a margin.
            int limit = headers == null ? MAX_COLUMNS : headers.size() + 16;
            if (column >= limit) {
                if (formattedValue == null || formattedValue.isBlank()) {
                    return;
                }
                throw new FileRejected("The selected file has a value in cell " + reference
                        + ", far to the right of the columns in the header row. Delete it and upload the file again");
            }
            while (current.size() < column) {
                current.add("");
            }
            current.add(formattedValue == null ? "" : keepText ? formattedValue : formattedValue.strip());
            nextColumn = column + 1;
        }

        @Override
        public void endRow(int rowNum) {
            if (CsvReader.blank(current)) {
                return;
            }
            if (headers == null) {
                headers = current.stream().map(String::strip).toList();
                return;
            }
            if (rows.size() == maxRows) {
                throw new FileRejected(ImportFileReader.tooManyRows(maxRows));
            }
            rows.add(new ParsedFile.Row(rowNum + 1, current));
        }

        ParsedFile result() {
            if (headers == null) {
                throw new FileRejected(ImportFileReader.NO_HEADER);
            }
            if (rows.isEmpty()) {
                throw new FileRejected(ImportFileReader.HEADER_ONLY);
            }
            return new ParsedFile(headers, rows);
        }
    }
}
