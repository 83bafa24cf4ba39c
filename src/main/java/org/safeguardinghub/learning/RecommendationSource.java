package org.safeguardinghub.learning;

/** Where a recommendation came from; later modules (audits, Section 11) add their own recommendations. */
public enum RecommendationSource {
    PRACTICE_REVIEW("Practice review"),
    RAPID_REVIEW("Rapid review learning"),
    NATIONAL_REVIEW("National review"),
    MULTI_AGENCY_AUDIT("Multi-agency audit"),
    SECTION_11("Section 11 audit"),
    OTHER("Other");

    private final String label;

    RecommendationSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
