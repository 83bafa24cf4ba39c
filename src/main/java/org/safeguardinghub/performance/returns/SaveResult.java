package org.safeguardinghub.performance.returns;

import java.util.List;

/**
 * The outcome of saving figures into a return. All or nothing: when {@code problems} is not empty nothing was
 * written ({@code saved} is false).
 */
public record SaveResult(long returnId, ReturnStatus status, boolean saved, List<CellProblem> problems) {}
