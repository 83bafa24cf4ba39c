package org.safeguardinghub.organisation;

import org.jspecify.annotations.Nullable;

/** A partnership group as other modules see it (for example the group that owns a recommendation). */
public record GroupSummary(long id, String name, @Nullable Long parentGroupId) {}
