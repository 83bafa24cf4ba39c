package org.safeguardinghub.performance.catalogue;

/** Which direction of change is good news for children; decides red, amber and green. */
public enum Polarity {
    HIGHER_IS_BETTER("Higher is better"),
    LOWER_IS_BETTER("Lower is better"),
    NEITHER("Neither (context)");

    private final String label;

    Polarity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
