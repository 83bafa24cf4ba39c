package org.safeguardinghub.performance.returns;

/**
 * A problem with one cell of a return, for the validation report ("by item and cell").
 *
 * @param field {@code value}, {@code comment} or {@code commentary} (commentary on a red indicator)
 */
public record CellProblem(String itemCode, String breakdownKind, String breakdownValue, String field, String message) {}
