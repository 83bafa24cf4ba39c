package org.safeguardinghub.imports.parsing;

import java.util.Locale;

/**
 * Reads an uploaded file into a {@link ParsedFile}, or rejects it with a message a user can act on.
 *
 * <p>The type is decided by the file name's extension and confirmed from the content, never trusted from the
 * browser: an {@code .xlsx} file must start with the ZIP signature {@code PK\x03\x04}; a {@code .csv} file must be
 * UTF-8 text with no NUL bytes. Both must have a header row and at least one data row, and no more than the
 * configured number of rows.
 */
public final class ImportFileReader {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, (byte) 0x11, (byte) 0xE0};

    private final int maxRows;
    private final boolean keepText;

    public ImportFileReader(int maxRows) {
        this(maxRows, false);
    }

    /**
     * A reader that, with {@code keepText}, keeps every cell exactly as written (no trimming) and reads an Excel
     * number as the number stored, not as its display format (so {@code 1,500} formatted in a cell comes back as
     * {@code 1500}, and {@code 0.1} shown as {@code 0} comes back as {@code 0.1}).
     */
    public ImportFileReader(int maxRows, boolean keepText) {
        this.maxRows = maxRows;
        this.keepText = keepText;
    }

    public ParsedFile read(String fileName, byte[] content) {
        String name = fileName.toLowerCase(Locale.ROOT).trim();
        if (content.length == 0) {
            throw new FileRejected("The selected file is empty");
        }
        if (name.endsWith(".xlsx")) {
            if (startsWith(content, OLE2)) {
                throw new FileRejected(XlsxReader.oleMessage(content));
            }
            if (!startsWith(content, ZIP)) {
                throw new FileRejected("The selected file is named .xlsx but is not an Excel workbook. Open it in"
                        + " Excel and save it again as an Excel Workbook (.xlsx), or save it as CSV UTF-8");
            }
            return new XlsxReader(maxRows, keepText).read(content);
        }
        if (name.endsWith(".csv")) {
            if (startsWith(content, ZIP) || startsWith(content, OLE2)) {
                throw new FileRejected("The selected file is named .csv but is a spreadsheet workbook, not CSV text."
                        + " In Excel, choose Save As and pick \"CSV UTF-8 (Comma delimited)\"");
            }
            String type = FileTypes.binaryType(content);
            if (type != null) {
                throw new FileRejected(FileTypes.notText("CSV", type));
            }
            return new CsvReader(maxRows, keepText).read(content);
        }
        if (name.endsWith(".xls")) {
            throw new FileRejected("The selected file is an old Excel 97-2003 workbook (.xls). Open it in Excel and"
                    + " save it as an Excel Workbook (.xlsx) or as CSV UTF-8");
        }
        throw new FileRejected("The selected file must be a CSV or an Excel workbook (.xlsx)");
    }

    /** Reads text: strict UTF-8 with or without a byte order mark (removed), no NUL; refused otherwise. */
    public static String decodeText(String expected, byte[] content) {
        String type = FileTypes.binaryType(content);
        if (type != null) {
            throw new FileRejected(FileTypes.notText(expected, type));
        }
        String text;
        try {
            text = CsvReader.decode(content);
        } catch (FileRejected e) {
            if ("CSV".equals(expected)) {
                throw e;
            }
            String message = e.getMessage();
            int excel = message.indexOf(". In Excel");
            throw new FileRejected((excel < 0 ? message : message.substring(0, excel)).replace("CSV text", expected)
                    + ". Save it as " + expected + " in UTF-8 and upload it again");
        }
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String tooManyRows(int maxRows) {
        return String.format(
                Locale.UK, "The file has more than %,d rows of data. Split it into smaller files", maxRows);
    }

    static final String HEADER_ONLY =
            "The file has a header row but no rows of data. Add a row for each record under the header";
    static final String NO_HEADER = "The selected file is empty. The first row must be a header naming the columns";
}
