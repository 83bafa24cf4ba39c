package org.safeguardinghub.performance;

import java.util.Set;

/** Indicator values of a partnership were (re)computed; early warning rescans these indicators. */
public record IndicatorValuesChanged(long partnershipId, Set<Long> indicatorIds) {}
