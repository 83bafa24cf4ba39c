package org.safeguardinghub.section11;

/** The sector variants of a Section 11 template. */
public enum TemplateVariant {
    CORE("Section 11 (all agencies)"),
    /** Kent's district councils asked for a template tailored to their functions (KSCB annual report 2014-15). */
    DISTRICT_COUNCIL("Section 11 for district councils"),
    /** Schools and colleges answer the parallel section 175/157 (Education Act 2002) self-assessment. */
    SCHOOLS_175("Section 175/157 for schools and colleges");

    private final String label;

    TemplateVariant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
