package org.safeguardinghub.performance.catalogue;

/** Red, amber, green, or none (no target or polarity). Shown as words as well as colour. */
public enum Rag {
    GREEN("Green", "On or better than target"),
    AMBER("Amber", "Close to target"),
    RED("Red", "Worse than tolerance"),
    NONE("No rating", "No target or direction");

    private final String label;
    private final String meaning;

    Rag(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** The GOV.UK tag colour class for this rating. */
    public String tagClass() {
        return switch (this) {
            case GREEN -> "govuk-tag--green";
            case AMBER -> "govuk-tag--yellow";
            case RED -> "govuk-tag--red";
            case NONE -> "govuk-tag--grey";
        };
    }
}
