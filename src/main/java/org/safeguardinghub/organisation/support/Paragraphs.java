package org.safeguardinghub.organisation.support;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Splits typed text into paragraphs at blank lines and line breaks, so pages can show it without inline styles. */
public final class Paragraphs {

    private Paragraphs() {}

    public static List<String> of(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
