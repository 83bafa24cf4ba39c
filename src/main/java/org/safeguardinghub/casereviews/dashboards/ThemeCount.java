package org.safeguardinghub.casereviews.dashboards;

import java.util.List;

/**
 * A learning theme and how often it was found: in how many cases, or in how many reviews; {@code sources} names
 * those reviews (empty unless asked for, and only ever asked for in the internal view).
 */
public record ThemeCount(String theme, long count, List<String> sources) {}
