package org.safeguardinghub.tasks;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A to-do on someone's home page. */
public record Task(
        long id,
        String title,
        @Nullable String link,
        @Nullable LocalDate dueOn,
        String addressedTo,
        String sourceType) {}
