package org.safeguardinghub.platform.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Sends an export as a download: the right {@code Content-Type}, a {@code Content-Disposition: attachment} with a
 * safe file name, and no caching (exports may hold personal data and must not linger in shared caches).
 *
 * <p>File names are built from a base name the code chooses plus today's date, reduced to lower-case letters,
 * digits and hyphens: no path separators, quotes or control characters can reach the header, whatever the base
 * name holds.
 */
public final class ExportResponse {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ExportResponse() {}

    /** Writes {@code table} to the response as a download named like {@code base-name-2026-05-03.csv}. */
    public static void send(HttpServletResponse response, ExportFormat format, String baseName, Table table) {
        String fileName = fileName(baseName, LocalDate.now(LONDON), format);
        response.setContentType(format.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            var out = response.getOutputStream();
            format.write(table, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not send the export", e);
        }
    }

    /** A safe download name: {@code base} reduced to {@code [a-z0-9-]}, then the date and the extension. */
    public static String fileName(String base, LocalDate date, ExportFormat format) {
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String safe =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (safe.length() > 60) {
            safe = safe.substring(0, 60).replaceAll("-+$", "");
        }
        if (safe.isEmpty()) {
            safe = "export";
        }
        return safe + "-" + date + "." + format.extension();
    }
}
