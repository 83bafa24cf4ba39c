package org.safeguardinghub.documents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a page lists about a document, without its content. */
public record DocumentSummary(
        long id,
        String fileName,
        String contentType,
        long sizeBytes,
        @Nullable String description,
        String uploadedByName,
        Instant uploadedAt) {

    /** Size for people: "12 KB", "2.4 MB". */
    public String size() {
        if (sizeBytes < 1024 * 1024) {
            return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
        }
        return String.format("%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}
