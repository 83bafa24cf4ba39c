package org.safeguardinghub.performance.catalogue;

/**
 * How an indicator reads its numerator over time: the value for the period itself, or the sum of the monthly values
 * from 1 April (year to date) or over the last twelve months (rolling). Denominators are always the latest value at
 * or before the period's end (a population estimate, children on a plan at the snapshot date).
 */
public enum Aggregation {
    LATEST("Value for the period"),
    YEAR_TO_DATE("Year to date (sum of months from April)"),
    ROLLING_12_MONTHS("Rolling 12 months (sum of the last 12 months)");

    private final String label;

    Aggregation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
