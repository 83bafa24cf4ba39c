package org.safeguardinghub.platform.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * Renders a {@link Table} as a PDF: A4 landscape, the title as a heading, the date and time it was generated, then
 * the table with its header row repeated on every page and page numbers in the footer.
 *
 * <p>The table is laid out in memory (openhtmltopdf renders a whole document), so a PDF holds at most {@link
 * #MAX_ROWS} rows and says so when a list was cut short; CSV and Excel exports have no such limit. Text is set in
 * the PDF standard Helvetica font, which covers Western European characters; anything outside it is shown as a
 * placeholder. No formula neutralisation here: nothing evaluates PDF text.
 */
public final class PdfExport {

    /** Rows beyond this are left out of a PDF, with a note saying so. */
    public static final int MAX_ROWS = 5_000;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private static final String CSS = """
            @page { size: A4 landscape; margin: 15mm 12mm 18mm 12mm;
                    @bottom-right { content: "Page " counter(page) " of " counter(pages);
                                    font-family: Helvetica, sans-serif; font-size: 8pt; color: #505a5f; } }
            body { font-family: Helvetica, sans-serif; font-size: 9pt; color: #0b0c0c; }
            h1 { font-size: 16pt; margin: 0 0 4pt 0; }
            p.generated { font-size: 9pt; color: #505a5f; margin: 0 0 10pt 0; }
            p.note { font-size: 9pt; margin: 8pt 0 0 0; }
            table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th { text-align: left; border-bottom: 1.5pt solid #0b0c0c; padding: 3pt 4pt; }
            td { border-bottom: 0.5pt solid #b1b4b6; padding: 3pt 4pt; vertical-align: top; word-wrap: break-word; }
            """;

    private PdfExport() {}

    /** Renders the table, dated now (UK time), to {@code out}; does not close it. */
    public static void write(Table table, OutputStream out) {
        write(table, out, ZonedDateTime.now(LONDON));
    }

    public static void write(Table table, OutputStream out, ZonedDateTime generatedAt) {
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html(table, generatedAt), null);
            builder.toStream(out);
            builder.run();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF export", e);
        }
    }

    /** The XHTML handed to the renderer; every value is XML-encoded. */
    static String html(Table table, ZonedDateTime generatedAt) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"/><title>")
                .append(Encode.forXml(table.title()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body><h1>")
                .append(Encode.forXml(table.title()))
                .append("</h1><p class=\"generated\">Generated ")
                .append(Encode.forXml(GENERATED.format(generatedAt.withZoneSameInstant(LONDON))))
                .append("</p><table><thead><tr>");
        for (String header : table.headers()) {
            h.append("<th>").append(Encode.forXml(header)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        int columns = table.headers().size();
        int count = 0;
        boolean truncated = false;
        for (List<?> row : table.rows()) {
            if (count == MAX_ROWS) {
                truncated = true;
                break;
            }
            h.append("<tr>");
            for (int i = 0; i < columns; i++) {
                h.append("<td>")
                        .append(Encode.forXml(printable(Table.cell(row, i))))
                        .append("</td>");
            }
            h.append("</tr>");
            count++;
        }
        if (count == 0) {
            h.append("<tr><td colspan=\"").append(columns).append("\">Nothing to show.</td></tr>");
        }
        h.append("</tbody></table>");
        if (truncated) {
            h.append("<p class=\"note\">Only the first ")
                    .append(String.format(Locale.UK, "%,d", MAX_ROWS))
                    .append(" rows are shown. Download the CSV or Excel export for every row.</p>");
        }
        return h.append("</body></html>").toString();
    }

    /** XML 1.0 cannot carry most control characters; they would make the document unreadable. */
    private static String printable(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            if (bad && sb == null) {
                sb = new StringBuilder(value.substring(0, i));
            }
            if (sb != null && !bad) {
                sb.append(c);
            } else if (sb != null) {
                sb.append(' ');
            }
        }
        return sb == null ? value : sb.toString();
    }
}
