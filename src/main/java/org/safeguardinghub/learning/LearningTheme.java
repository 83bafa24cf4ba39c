package org.safeguardinghub.learning;

import org.jspecify.annotations.Nullable;

/** One theme of the managed learning taxonomy (for example "Voice of the child"). */
public record LearningTheme(long id, String name, @Nullable String description, boolean active) {}
