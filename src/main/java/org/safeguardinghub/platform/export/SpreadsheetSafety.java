package org.safeguardinghub.platform.export;

/**
 * Spreadsheet formula neutralisation ("CSV injection" or "formula injection" defence, OWASP).
 *
 * <p>Excel, LibreOffice and Google Sheets treat a cell whose text starts with {@code =}, {@code +}, {@code -} or
 * {@code @} as a formula, and a leading tab or carriage return can smuggle one past a naive check. Text typed into
 * the Hub by one person (an agency name, a free-text answer, a file name) could otherwise run as a formula on
 * another person's computer when they open an export: {@code =HYPERLINK(...)} to leak neighbouring cells, or
 * {@code =cmd|...} DDE tricks in older Excel. Prefixing such a cell with a single quote makes every spreadsheet
 * show it as the literal text it was.
 *
 * <p>Applied to CSV and XLSX cells (XLSX cells are written as text and are not evaluated on opening, but they
 * would be if a user edited the cell or saved the sheet as CSV). Not applied to PDF, which nothing evaluates. The
 * cost is that a value such as {@code -5} is shown as {@code '-5}; exports hold text for people to read, so that is
 * the safer trade.
 */
public final class SpreadsheetSafety {

    private SpreadsheetSafety() {}

    /** The value, prefixed with {@code '} if a spreadsheet could read it as a formula. */
    public static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
