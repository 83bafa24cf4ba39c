package org.safeguardinghub.section11.analysis;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.owasp.encoder.Encode;
import org.safeguardinghub.section11.analysis.ReportDocument.Block;
import org.safeguardinghub.section11.analysis.ReportDocument.Heading;
import org.safeguardinghub.section11.analysis.ReportDocument.Paragraph;
import org.safeguardinghub.section11.analysis.ReportDocument.TableBlock;

/**
 * Writes a {@link ReportDocument} as an A4 PDF with the same renderer and look as platform.export.PdfExport (which
 * renders a single table; a report needs headings and several tables). Every text is XML-encoded.
 */
public final class ReportPdf {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private static final String CSS = """
            @page { size: A4; margin: 18mm 15mm 18mm 15mm;
                    @bottom-right { content: "Page " counter(page) " of " counter(pages);
                                    font-family: Helvetica, sans-serif; font-size: 8pt; color: #505a5f; } }
            body { font-family: Helvetica, sans-serif; font-size: 10pt; color: #0b0c0c; }
            h1 { font-size: 18pt; margin: 0 0 4pt 0; }
            h2 { font-size: 14pt; margin: 14pt 0 4pt 0; }
            h3 { font-size: 11pt; margin: 10pt 0 3pt 0; }
            p { margin: 0 0 6pt 0; }
            p.generated { font-size: 9pt; color: #505a5f; margin: 0 0 10pt 0; }
            table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; margin-bottom: 8pt; }
            caption { text-align: left; font-weight: bold; padding: 0 0 3pt 0; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th { text-align: left; border-bottom: 1.5pt solid #0b0c0c; padding: 2pt 3pt; font-size: 8.5pt; }
            td { border-bottom: 0.5pt solid #b1b4b6; padding: 2pt 3pt; vertical-align: top; font-size: 8.5pt;
                 word-wrap: break-word; }
            """;

    private ReportPdf() {}

    public static void write(ReportDocument document, OutputStream out) {
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html(document, ZonedDateTime.now(LONDON)), null);
            builder.toStream(out);
            builder.run();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF report", e);
        }
    }

    static String html(ReportDocument document, ZonedDateTime generatedAt) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"/><title>")
                .append(xml(document.title()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body><h1>")
                .append(xml(document.title()))
                .append("</h1><p class=\"generated\">Generated ")
                .append(xml(GENERATED.format(generatedAt.withZoneSameInstant(LONDON))))
                .append("</p>");
        for (Block block : document.blocks()) {
            if (block instanceof Heading heading) {
                h.append("<h")
                        .append(heading.level())
                        .append('>')
                        .append(xml(heading.text()))
                        .append("</h")
                        .append(heading.level())
                        .append('>');
            } else if (block instanceof Paragraph paragraph) {
                h.append("<p>").append(xml(paragraph.text())).append("</p>");
            } else if (block instanceof TableBlock table) {
                table(h, table);
            }
        }
        return h.append("</body></html>").toString();
    }

    private static void table(StringBuilder h, TableBlock table) {
        h.append("<table><caption>").append(xml(table.caption())).append("</caption><thead><tr>");
        for (String header : table.headers()) {
            h.append("<th>").append(xml(header)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (var row : table.rows()) {
            h.append("<tr>");
            for (int i = 0; i < table.headers().size(); i++) {
                h.append("<td>").append(xml(i < row.size() ? row.get(i) : "")).append("</td>");
            }
            h.append("</tr>");
        }
        if (table.rows().isEmpty()) {
            h.append("<tr><td colspan=\"").append(table.headers().size()).append("\">Nothing to show.</td></tr>");
        }
        h.append("</tbody></table>");
    }

    /** XML-encoded, with the control characters XML 1.0 cannot carry replaced by spaces. */
    private static String xml(String text) {
        return Encode.forXml(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " "));
    }
}
