package org.safeguardinghub.performance.catalogue;

/** What one value of a data item measures, as Kent's tables qualify their measures. */
public enum PeriodType {
    MONTHLY("Monthly count"),
    QUARTERLY("Quarterly count"),
    ANNUAL("Annual count (financial year)"),
    SNAPSHOT("Snapshot at the period's end"),
    ROLLING_12_MONTHS("Rolling 12 months to the period's end"),
    YEAR_TO_DATE("Year to date (from 1 April)");

    private final String label;

    PeriodType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
