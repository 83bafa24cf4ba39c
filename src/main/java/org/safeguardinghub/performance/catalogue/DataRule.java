package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;

/**
 * A check between two items of the same period and breakdown, e.g. {@code cp_plans_second_time <= cp_plans}.
 *
 * @param message shown against the left item when the rule fails
 */
public record DataRule(String code, String leftItem, String operator, String rightItem, String message) {

    /** Whether the pair of values satisfies the rule. */
    public boolean holds(BigDecimal left, BigDecimal right) {
        int c = left.compareTo(right);
        return switch (operator) {
            case "<=" -> c <= 0;
            case "<" -> c < 0;
            case ">=" -> c >= 0;
            case ">" -> c > 0;
            case "=" -> c == 0;
            default -> throw new IllegalStateException("Unknown operator " + operator);
        };
    }
}
