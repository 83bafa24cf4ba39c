package org.safeguardinghub.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file the Hub accepts, each recognised by its first bytes as well as its name. */
public enum DocumentKind {
    PDF("application/pdf", "PDF", ".pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", ".docx"),
    PNG("image/png", "PNG image", ".png"),
    JPEG("image/jpeg", "JPEG image", ".jpg", ".jpeg");

    private final String contentType;
    private final String label;
    private final String[] extensions;

    DocumentKind(String contentType, String label, String... extensions) {
        this.contentType = contentType;
        this.label = label;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    public String label() {
        return label;
    }

    static Optional<DocumentKind> byName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> Arrays.stream(k.extensions).anyMatch(lower::endsWith))
                .findFirst();
    }

    /** Whether the bytes really are this kind: a renamed executable or HTML page is refused. */
    boolean matches(byte[] bytes) {
        return switch (this) {
            case PDF -> startsWith(bytes, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // a DOCX is a zip whose entries include word/document.xml
            case DOCX ->
                startsWith(bytes, new byte[] {0x50, 0x4B, 0x03, 0x04})
                        && new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("word/");
            case PNG -> startsWith(bytes, new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A});
            case JPEG -> startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
