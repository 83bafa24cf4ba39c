package org.safeguardinghub.organisation;

/** The sector an agency belongs to, as partnerships group agencies in training, survey and audit figures. */
public enum Sector {
    LOCAL_GOVERNMENT("Local government"),
    POLICING("Policing"),
    HEALTH("Health"),
    EDUCATION("Education"),
    EARLY_YEARS("Early years and childcare"),
    CRIMINAL_JUSTICE("Criminal justice"),
    EMERGENCY_SERVICES("Emergency services"),
    VOLUNTARY_AND_COMMUNITY("Voluntary and community"),
    PRIVATE("Private"),
    OTHER("Other");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
