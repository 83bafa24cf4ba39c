package org.safeguardinghub.performance.catalogue;

/**
 * A dimension an item may also be returned by, besides its total. Values are stored as text: district names of the
 * partnership, the age bands below, DfE CIN gender codes (1, 2, 0, 9) and ethnicity codes (WBRI ... NOBT).
 */
public enum Breakdown {
    DISTRICT("District"),
    AGE_BAND("Age band"),
    GENDER("Gender"),
    ETHNICITY("Ethnicity");

    /** Age bands for breakdowns, as the children's census groups ages. */
    public static final java.util.List<String> AGE_BANDS = java.util.List.of("Under 1", "1-4", "5-9", "10-15", "16-17");

    private final String label;

    Breakdown(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
