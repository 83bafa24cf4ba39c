package org.safeguardinghub.organisation;

/**
 * Agency types from Working Together to Safeguard Children 2023: the three statutory safeguarding partners, and the
 * relevant agencies a partnership names in its arrangements.
 */
public enum AgencyType {
    LOCAL_AUTHORITY("Local authority", true),
    POLICE("Police", true),
    INTEGRATED_CARE_BOARD("Integrated care board", true),
    SCHOOL("School", false),
    COLLEGE("College", false),
    EARLY_YEARS("Early years", false),
    PROBATION("Probation", false),
    YOUTH_JUSTICE("Youth justice", false),
    CAFCASS("CAFCASS", false),
    DISTRICT_COUNCIL("District council", false),
    HEALTH_PROVIDER("Health provider", false),
    FIRE_AND_RESCUE("Fire and rescue", false),
    VOLUNTARY_SECTOR("Voluntary sector", false),
    OTHER("Other", false);

    private final String label;
    private final boolean statutoryPartner;

    AgencyType(String label, boolean statutoryPartner) {
        this.label = label;
        this.statutoryPartner = statutoryPartner;
    }

    public String label() {
        return label;
    }

    /** Statutory safeguarding partner (Children Act 2004 s16E) rather than a relevant agency. */
    public boolean statutoryPartner() {
        return statutoryPartner;
    }

    public String category() {
        return statutoryPartner ? "Statutory safeguarding partner" : "Relevant agency";
    }
}
