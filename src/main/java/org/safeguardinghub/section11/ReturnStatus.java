package org.safeguardinghub.section11;

/** Where an agency's Section 11 return is; moderation per partnership is kept beside it. */
public enum ReturnStatus {
    NOT_STARTED("Not started", "govuk-tag--grey"),
    IN_PROGRESS("In progress", "govuk-tag--light-blue"),
    /** Locked for the agency; the panel moderates it. */
    SUBMITTED("Submitted", "govuk-tag--blue"),
    /** Every partnership of the cycle has agreed its final position. */
    MODERATED("Moderated", "govuk-tag--green");

    private final String label;
    private final String tagClass;

    ReturnStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }

    /** Whether the agency can still change its answers. */
    public boolean editable() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }

    /** Whether it counts as received in "expected versus received". */
    public boolean received() {
        return this == SUBMITTED || this == MODERATED;
    }
}
