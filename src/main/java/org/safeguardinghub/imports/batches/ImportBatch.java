package org.safeguardinghub.imports.batches;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One uploaded file and what has become of it. See {@link ImportStatus} for the life of a batch. */
public record ImportBatch(
        long id,
        String kind,
        long partnershipId,
        @Nullable Long agencyId,
        long uploadedBy,
        String uploadedByName,
        String fileName,
        ImportStatus status,
        int totalRows,
        int processedRows,
        int problemCount,
        @Nullable String errorMessage,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant committedAt,
        int version) {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

    /** Share of rows checked so far, 0 to 100. */
    public int percentChecked() {
        return totalRows == 0 ? 100 : (int) Math.min(100, (processedRows * 100L) / totalRows);
    }

    public String createdLabel() {
        return when(createdAt);
    }

    public String committedLabel() {
        return committedAt == null ? "" : when(committedAt);
    }

    public boolean checking() {
        return status == ImportStatus.VALIDATING || status == ImportStatus.UPLOADED;
    }

    /**
     * Still marked as being checked, but with no progress for {@link #STALLED_AFTER}: the server doing the check
     * stopped (a restart, say). Progress is written every few hundred rows, so a live check is never this quiet.
     */
    public boolean stalled() {
        return checking() && updatedAt.isBefore(Instant.now().minus(STALLED_AFTER));
    }

    public static final java.time.Duration STALLED_AFTER = java.time.Duration.ofMinutes(10);

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
    }
}
