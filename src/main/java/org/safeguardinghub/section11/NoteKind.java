package org.safeguardinghub.section11;

/** What a panel note on a standard is, for the "emerging themes and promising practice" document. */
public enum NoteKind {
    EMERGING_THEME("Emerging theme"),
    PROMISING_PRACTICE("Promising practice");

    private final String label;

    NoteKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
