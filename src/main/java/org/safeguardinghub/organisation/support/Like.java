package org.safeguardinghub.organisation.support;

import org.jspecify.annotations.Nullable;

/** Builds {@code ilike} patterns from what a user typed, so {@code %} and {@code _} match themselves. */
public final class Like {

    private Like() {}

    /** A pattern matching values that contain {@code text}; null when there is nothing to search for. */
    public static @Nullable String contains(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Trimmed text, or null when blank. */
    public static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
