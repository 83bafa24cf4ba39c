package org.safeguardinghub.performance.returns;

/** Where a data return is in its workflow. */
public enum ReturnStatus {
    DRAFT("Draft"),
    SUBMITTED("Submitted"),
    RETURNED("Returned with comment"),
    ACCEPTED("Accepted");

    private final String label;

    ReturnStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** An agency may change the figures only while the return is a draft or has been sent back. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
