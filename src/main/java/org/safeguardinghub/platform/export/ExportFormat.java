package org.safeguardinghub.platform.export;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The formats a list can be downloaded in, with their file extension and media type. */
public enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8", "CSV"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    PDF("pdf", "application/pdf", "PDF");

    private final String extension;
    private final String contentType;
    private final String label;

    ExportFormat(String extension, String contentType, String label) {
        this.extension = extension;
        this.contentType = contentType;
        this.label = label;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** How the format is named in a link: "Download as CSV". */
    public String label() {
        return label;
    }

    /** The format for a file extension such as {@code csv} (any case), if it is one of ours. */
    public static Optional<ExportFormat> fromExtension(String extension) {
        for (ExportFormat f : values()) {
            if (f.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Writes the table in this format. */
    public void write(Table table, OutputStream out) {
        switch (this) {
            case CSV -> CsvExport.write(table, out);
            case XLSX -> XlsxExport.write(table, out);
            case PDF -> PdfExport.write(table, out);
        }
    }
}
