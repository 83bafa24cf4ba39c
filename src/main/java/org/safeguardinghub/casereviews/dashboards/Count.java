package org.safeguardinghub.casereviews.dashboards;

import org.jspecify.annotations.Nullable;

/** One bar of a chart: a category (a code, a name, or null for "not recorded") and how many referrals or cases. */
public record Count(@Nullable String key, long count) {}
