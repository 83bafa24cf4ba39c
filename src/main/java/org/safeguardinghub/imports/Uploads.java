package org.safeguardinghub.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.imports.parsing.FileRejected;
import org.safeguardinghub.imports.parsing.HeaderMapping;
import org.safeguardinghub.imports.parsing.ImportFileReader;
import org.safeguardinghub.imports.parsing.ParsedFile;

/**
 * The readers every upload in the Hub goes through, for modules that read a file themselves rather than through
 * an {@link ImportKind} (data return templates, record-level extracts, catalogue and template files). The same
 * rules as the bulk imports: the type is checked from the content (a PDF renamed {@code .csv} is refused once,
 * naming what it is), text must be UTF-8 with or without a byte order mark (anything else is refused with a
 * message, never read with replacement characters), CSV is read by RFC 4180, Excel workbooks are streamed with
 * zip-bomb limits, and cells are kept exactly as written. Numbers are read by {@link NumberRule}.
 */
public final class Uploads {

    private Uploads() {}

    /**
     * Reads a CSV or Excel (.xlsx) file with a header row naming {@code columns} (matched ignoring case, spaces or
     * hyphens for underscores).
     *
     * @throws UploadRefused when the file cannot be read or its header lacks a required column or names one that
     *     is not in {@code columns}
     */
    public static UploadedTable table(String fileName, byte[] content, int maxRows, List<ImportColumn> columns) {
        try {
            ParsedFile parsed = new ImportFileReader(maxRows, true).read(fileName, content);
            HeaderMapping mapping = HeaderMapping.match(parsed.headers(), columns);
            List<UploadedTable.Row> rows = new ArrayList<>();
            for (ParsedFile.Row row : parsed.rows()) {
                rows.add(new UploadedTable.Row(
                        row.number(),
                        mapping.values(row.cells()),
                        row.cells().size(),
                        mapping.strayValues(row.cells())));
            }
            return new UploadedTable(mapping.columns(), rows);
        } catch (FileRejected e) {
            throw new UploadRefused(e.messages());
        }
    }

    /**
     * The text of an uploaded text file (YAML, for example): strict UTF-8, a byte order mark removed.
     *
     * @param kind what the file should be, for messages: "YAML"
     * @throws UploadRefused when the content is a known binary type, has NUL bytes or is not UTF-8
     */
    public static String text(String kind, byte[] content) {
        if (content.length == 0) {
            throw new UploadRefused(List.of("The selected file is empty"));
        }
        try {
            return ImportFileReader.decodeText(kind, content);
        } catch (FileRejected e) {
            throw new UploadRefused(e.messages());
        }
    }

    /**
     * The header record of a CSV file on disk, for loads that stream the rest themselves: the type is checked
     * from the first bytes, and the first record (up to 64 KB) must be UTF-8 and well-formed CSV.
     *
     * @return the header's cells, trimmed; empty when the file is empty
     * @throws UploadRefused as {@link #table}
     */
    public static List<String> csvHeader(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (start.length == 0) {
            return List.of();
        }
        int end = firstRecordEnd(start);
        byte[] header = java.util.Arrays.copyOf(start, end);
        if (header.length == 0 || new String(header, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            return List.of();
        }
        try {
            ImportFileReader.decodeText("CSV", header);
            // a header row alone reads as "no data rows": add a blank data row so only the header is judged
            byte[] withRow = java.util.Arrays.copyOf(header, header.length + 3);
            withRow[header.length] = '\n';
            withRow[header.length + 1] = 'x';
            withRow[header.length + 2] = '\n';
            return new ImportFileReader(1).read("header.csv", withRow).headers();
        } catch (FileRejected e) {
            throw new UploadRefused(e.messages());
        }
    }

    /** The end of the first CSV record: the first line break outside double quotes, or the bytes read. */
    private static int firstRecordEnd(byte[] bytes) {
        boolean quoted = false;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                quoted = !quoted;
            } else if ((b == '\n' || b == '\r') && !quoted) {
                return i;
            }
        }
        return bytes.length;
    }
}
