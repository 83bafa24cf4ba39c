package org.safeguardinghub.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Who is importing, and memory shared across the rows of one file. One context is created for the validation of a
 * file and a fresh one for its commit. Not thread-safe: the pipeline uses it from one thread at a time.
 */
public final class ImportContext {

    private final long batchId;
    private final long partnershipId;
    private final @Nullable Long agencyId;
    private final long userId;
    private final Map<String, Map<String, Integer>> seen = new HashMap<>();
    private final Map<String, Object> cache = new HashMap<>();

    public ImportContext(long batchId, long partnershipId, @Nullable Long agencyId, long userId) {
        this.batchId = batchId;
        this.partnershipId = partnershipId;
        this.agencyId = agencyId;
        this.userId = userId;
    }

    public long batchId() {
        return batchId;
    }

    /** The partnership the file is imported into: the uploader's current partnership. */
    public long partnershipId() {
        return partnershipId;
    }

    /** The uploader's agency. */
    public @Nullable Long agencyId() {
        return agencyId;
    }

    public long userId() {
        return userId;
    }

    /**
     * Remembers {@code value} (compared ignoring case and surrounding spaces) under {@code key}, for duplicate
     * checks within the file. Returns the row where the same value was first seen, or empty when this is its first
     * appearance.
     */
    public OptionalInt firstSeen(String key, String value, int rowNumber) {
        String normalised = value.trim().toLowerCase(Locale.ROOT);
        Integer first = seen.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(normalised, rowNumber);
        return first == null ? OptionalInt.empty() : OptionalInt.of(first);
    }

    /** A value computed once per file (for example a look-up table), then reused for every row. */
    @SuppressWarnings("unchecked")
    public <T> T cached(String key, Supplier<T> compute) {
        return (T) cache.computeIfAbsent(key, k -> compute.get());
    }
}
