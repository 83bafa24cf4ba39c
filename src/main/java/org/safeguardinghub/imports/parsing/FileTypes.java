package org.safeguardinghub.imports.parsing;

import org.jspecify.annotations.Nullable;

/**
 * Recognises common binary file types from their first bytes (their "magic numbers"), so a file renamed to
 * {@code .csv} or {@code .yaml} is refused once, naming what it really is, instead of being read as text and
 * reported cell by cell.
 */
public final class FileTypes {

    private FileTypes() {}

    private record Magic(byte[] bytes, String name) {}

    private static final Magic[] KNOWN = {
        new Magic(ascii("%PDF"), "a PDF document"),
        new Magic(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "a PNG image"),
        new Magic(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "a JPEG image"),
        new Magic(ascii("GIF8"), "a GIF image"),
        new Magic(new byte[] {'P', 'K', 3, 4}, "a ZIP archive (such as an Excel workbook or a Word document)"),
        new Magic(
                new byte[] {(byte) 0xD0, (byte) 0xCF, (byte) 0x11, (byte) 0xE0},
                "an old Microsoft Office file (such as an Excel 97-2003 workbook)"),
        new Magic(new byte[] {0x1F, (byte) 0x8B}, "a gzip archive"),
        new Magic(ascii("{\\rtf"), "a Rich Text (RTF) document"),
        new Magic(ascii("Rar!"), "a RAR archive"),
        new Magic(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF}, "a 7-Zip archive"),
        new Magic(new byte[] {(byte) 0xFF, (byte) 0xFE}, "text saved as UTF-16 (\"Unicode\")"),
        new Magic(new byte[] {(byte) 0xFE, (byte) 0xFF}, "text saved as UTF-16 (\"Unicode\")"),
    };

    /** What the content is, in words ("a PDF document"), when it starts like a known non-text file; else null. */
    public static @Nullable String binaryType(byte[] content) {
        for (Magic m : KNOWN) {
            if (ImportFileReader.startsWith(content, m.bytes())) {
                return m.name();
            }
        }
        return null;
    }

    /** The refusal for a file named as {@code expected} text (e.g. "CSV") whose content is {@code actual}. */
    public static String notText(String expected, String actual) {
        return "The selected file is not a " + expected + " file: it is " + actual + " renamed. Upload the "
                + expected + " file itself"
                + ("CSV".equals(expected)
                        ? " (in Excel, choose Save As and pick \"CSV UTF-8 (Comma delimited)\")"
                        : "");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
