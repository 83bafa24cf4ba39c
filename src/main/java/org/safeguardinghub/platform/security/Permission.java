package org.safeguardinghub.platform.security;

/**
 * Every permission in the Hub, as resource and action, in one place. Roles grant sets of these (see the identity
 * module's {@code Role}); routes and facade methods check them with {@code hasAuthority('resource:action')}.
 */
public enum Permission {
    HOME_VIEW("home", "view"),
    DIRECTORY_VIEW("directory", "view"),
    ORGANISATION_MANAGE("organisation", "manage"),
    PARTNERSHIPS_MANAGE("partnerships", "manage"),
    /** Load the official bank holiday list (GOV.UK bank-holidays.json) that every statutory clock counts with. */
    CALENDAR_MANAGE("calendar", "manage"),
    USERS_VIEW("users", "view"),
    USERS_MANAGE("users", "manage"),
    AUDIT_VIEW("audit", "view"),
    IMPORTS_RUN("imports", "run"),
    REPORTS_VIEW("reports", "view"),
    /** Start, autosave and submit a referral of a serious incident (signed-in notifiers). */
    REFERRALS_CREATE("referrals", "create"),
    /** Read case detail: referrals, rapid reviews, practice reviews (sensitive; reads are audited). */
    CASES_VIEW("cases", "view"),
    /** Triage referrals, run rapid reviews and practice reviews, send requests to agencies. */
    CASES_MANAGE("cases", "manage"),
    /** Answer the requests addressed to one's own agency (involvement summaries, chronologies, agency reports). */
    CONTRIBUTIONS_ANSWER("contributions", "answer"),
    /** Read the learning tracker (agency-scoped roles see only their agency's actions). */
    LEARNING_VIEW("learning", "view"),
    /** Add and change recommendations, actions and the learning-theme taxonomy. */
    LEARNING_MANAGE("learning", "manage"),
    /** Record progress, completion and evidence on an action (agency leads for their own agency). */
    ACTIONS_UPDATE("actions", "update"),
    /** Record sign-off of a completed action by the Learning and Improvement Group. */
    ACTIONS_SIGN_OFF("actions", "sign-off"),
    /** Fill in, upload, submit and correct data returns (agency leads for their own agency) and manage the agency's API tokens. */
    RETURNS_SUBMIT("returns", "submit"),
    /** Send a submitted data return back with a comment, or accept it; comment on indicators; act on signals. */
    RETURNS_REVIEW("returns", "review"),
    /** Change the indicator catalogue: data items, indicators, validation rules; import, export and recompute. */
    CATALOGUE_MANAGE("catalogue", "manage"),
    /**
     * Fill in the Section 11 returns of one's own agency: the agency lead, and colleagues the lead invites to a
     * return (the service checks the invitation); answer the panel's challenges.
     */
    SECTION11_RESPOND("section11", "respond"),
    /** Moderate the Section 11 returns one is assigned to (never one's own agency's): scores, challenges, position. */
    SECTION11_MODERATE("section11", "moderate"),
    /** Run Section 11 cycles: templates, cycles, expected agencies, assignments, panel meetings, survey, publication. */
    SECTION11_MANAGE("section11", "manage");

    private final String resource;
    private final String action;

    Permission(String resource, String action) {
        this.resource = resource;
        this.action = action;
    }

    /** The authority string Spring Security sees, e.g. {@code organisation:manage}. */
    public String authority() {
        return resource + ":" + action;
    }
}
