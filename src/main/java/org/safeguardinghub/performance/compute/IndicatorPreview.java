package org.safeguardinghub.performance.compute;

import java.math.BigDecimal;
import org.safeguardinghub.performance.catalogue.Rag;

/** What an indicator would show for a period if a return's figures were accepted as they stand. */
public record IndicatorPreview(long indicatorId, String code, String name, BigDecimal value, String display, Rag rag) {}
