package org.safeguardinghub.performance.catalogue;

/** How often an agency returns an item; one return per agency, frequency and period. Years are financial years. */
public enum Frequency {
    MONTHLY("Monthly"),
    QUARTERLY("Quarterly"),
    ANNUAL("Annual");

    private final String label;

    Frequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
