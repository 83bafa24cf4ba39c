package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;

/** How an indicator turns numerator and denominator into a figure (DHIS2's indicator type). */
public enum Factor {
    COUNT("Count", BigDecimal.ONE, ""),
    PERCENT("Percentage", BigDecimal.valueOf(100), "%"),
    PER_1000("Rate per 1,000", BigDecimal.valueOf(1000), " per 1,000"),
    PER_10000("Rate per 10,000 children under 18", BigDecimal.valueOf(10000), " per 10,000");

    private final String label;
    private final BigDecimal multiplier;
    private final String unit;

    Factor(String label, BigDecimal multiplier, String unit) {
        this.label = label;
        this.multiplier = multiplier;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public BigDecimal multiplier() {
        return multiplier;
    }

    /** Suffix shown after a value, e.g. "%" or " per 10,000". */
    public String unit() {
        return unit;
    }

    /** A count has no denominator; every other factor divides by one. */
    public boolean needsDenominator() {
        return this != COUNT;
    }
}
