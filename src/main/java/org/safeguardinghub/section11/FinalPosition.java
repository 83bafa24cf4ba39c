package org.safeguardinghub.section11;

/** The panel's agreed position on a return, for one partnership. */
public enum FinalPosition {
    FULLY_ASSURED("Assured: the standards are met and evidenced"),
    PARTLY_ASSURED("Partly assured: improvement actions and further evidence needed"),
    NOT_ASSURED("Not assured: escalate to the partnership's executive");

    private final String label;

    FinalPosition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
