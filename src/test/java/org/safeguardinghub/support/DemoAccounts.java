package org.safeguardinghub.support;

/** The demo accounts loaded in every test database (see demo/DemoData). */
public final class DemoAccounts {

    public static final String PASSWORD = "demo-hub-2026";
    public static final String ADMIN = "admin@example.org";
    public static final String BUSINESS = "business@example.org";
    public static final String POLICE_LEAD = "police.lead@example.org";
    public static final String POLICE_OFFICER = "police.officer@example.org";
    public static final String SCHOOL_LEAD = "school.lead@example.org";
    public static final String SCHOOL_TEACHER = "school.teacher@example.org";
    public static final String PANEL = "panel@example.org";
    public static final String PRACTITIONER = "practitioner@example.org";
    public static final String SCRUTINEER = "scrutineer@example.org";

    private DemoAccounts() {}
}
