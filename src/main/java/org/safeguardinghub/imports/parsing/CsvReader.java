package org.safeguardinghub.imports.parsing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV: UTF-8 with or without a byte order mark, RFC 4180 quoting (values with commas, quotes or line breaks
 * in double quotes, a quote inside doubled), any line ending. The first record is the header.
 */
final class CsvReader {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get();

    private final int maxRows;
    private final boolean keepText;

    CsvReader(int maxRows, boolean keepText) {
        this.maxRows = maxRows;
        this.keepText = keepText;
    }

    ParsedFile read(byte[] content) {
        String text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new FileRejected(ImportFileReader.NO_HEADER);
        }
        List<String> headers = null;
        List<ParsedFile.Row> rows = new ArrayList<>();
        long recordStartLine = 1;
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw malformed(recordStartLine, e);
                }
                recordStartLine = parser.getCurrentLineNumber() + 1;
                List<String> cells = keepText
                        ? record.stream().toList()
                        : record.stream().map(String::strip).toList();
                if (headers == null) {
                    if (blank(cells)) {
                        continue; // blank lines before the header
                    }
                    headers = cells.stream().map(String::strip).toList();
                    separatorCheck(headers);
                    continue;
                }
                if (blank(cells)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new FileRejected(ImportFileReader.tooManyRows(maxRows));
                }
                // record numbers count the header as 1, as a spreadsheet opened from this file would show it
                rows.add(new ParsedFile.Row((int) record.getRecordNumber(), cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (headers == null) {
            throw new FileRejected(ImportFileReader.NO_HEADER);
        }
        if (rows.isEmpty()) {
            throw new FileRejected(ImportFileReader.HEADER_ONLY);
        }
        return new ParsedFile(headers, rows);
    }

    /** Strict UTF-8: any byte sequence that is not UTF-8 rejects the file, naming the line it is on. */
    static String decode(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw new FileRejected("The selected file contains NUL characters on line " + lineAt(content, i)
                        + ", so it is not a CSV text file. In Excel, choose Save As and pick \"CSV UTF-8 (Comma"
                        + " delimited)\"");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(content, in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw notUtf8(content, in.position());
        }
        out.flip();
        return out.toString();
    }

    private static FileRejected notUtf8(byte[] content, int position) {
        return new FileRejected("The selected file is not saved as UTF-8 (the first character that is not is on line "
                + lineAt(content, position) + "). In Excel, choose Save As and pick \"CSV UTF-8 (Comma delimited)\"");
    }

    private static int lineAt(byte[] content, int position) {
        int line = 1;
        for (int i = 0; i < position && i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static FileRejected malformed(long line, RuntimeException e) {
        String detail = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        String what = detail.contains("eof") || detail.contains("end of file")
                ? "a quoted value is never closed: a double quote (\") is missing"
                : "there is a stray double quote (\") in a value. Put values containing quotes in double quotes"
                        + " and double the quotes inside them (\"\")";
        return new FileRejected("The file could not be read from line " + line + ": " + what);
    }

    private static void separatorCheck(List<String> headers) {
        if (headers.size() == 1) {
            String only = headers.get(0);
            if (only.contains(";")) {
                throw new FileRejected("The file's values are separated by semicolons. Save it as \"CSV UTF-8"
                        + " (Comma delimited)\" so values are separated by commas");
            }
            if (only.contains("\t")) {
                throw new FileRejected("The file's values are separated by tabs. Save it as \"CSV UTF-8 (Comma"
                        + " delimited)\" so values are separated by commas");
            }
        }
    }

    static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
