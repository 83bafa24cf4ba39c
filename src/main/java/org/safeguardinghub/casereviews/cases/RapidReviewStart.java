package org.safeguardinghub.casereviews.cases;

/** When a partnership's rapid review clock (15 working days) starts; each partnership chooses. */
public enum RapidReviewStart {
    /** From the day the national panel was notified (the panel's own guidance; the default). */
    NOTIFICATION("notification", "the day the national panel was notified"),
    /** From the day the local authority became aware of the incident (from receipt when that is not known). */
    LA_AWARE("the local authority becoming aware", "the day the local authority became aware of the incident");

    private final String shortLabel;
    private final String longLabel;

    RapidReviewStart(String shortLabel, String longLabel) {
        this.shortLabel = shortLabel;
        this.longLabel = longLabel;
    }

    /** "notification", as in "15 working days from notification". */
    public String shortLabel() {
        return shortLabel;
    }

    /** For the settings page's radios. */
    public String longLabel() {
        return longLabel;
    }
}
