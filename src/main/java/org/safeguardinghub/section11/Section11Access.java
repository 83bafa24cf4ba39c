package org.safeguardinghub.section11;

import static org.safeguardinghub.platform.security.Audience.*;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;
import org.safeguardinghub.shared.SharedAccess;

/**
 * Section 11: agencies answer their own returns, panel members moderate the returns they are assigned, the business
 * team runs the cycle; the services check which return is whose.
 */
public final class Section11Access extends ModuleAccess {

    /**
     * Fill in the Section 11 returns of one's own agency: the agency lead, and colleagues the lead invites to a
     * return (the service checks the invitation); answer the panel's challenges.
     */
    public static final Permission SECTION11_RESPOND = new Permission("section11", "respond");
    /** Moderate the Section 11 returns one is assigned to (never one's own agency's): scores, challenges, position. */
    public static final Permission SECTION11_MODERATE = new Permission("section11", "moderate");
    /** Run Section 11 cycles: templates, cycles, expected agencies, assignments, panel meetings, survey, publication. */
    public static final Permission SECTION11_MANAGE = new Permission("section11", "manage");

    public Section11Access() {
        owns("/section11");
        grant(SECTION11_RESPOND, AGENCY_LEAD, PRACTITIONER);
        grant(SECTION11_MODERATE, PANEL_MEMBER);
        grant(SECTION11_MANAGE, BUSINESS_TEAM);

        // everyone who reads something of Section 11: its own return, an assigned return, or the published analysis
        Permission[] readers = {SECTION11_RESPOND, SECTION11_MODERATE, SECTION11_MANAGE, SharedAccess.REPORTS_VIEW};
        get("/section11/cycles/*/analysis", "/section11/cycles/*/analysis/**").require(readers);
        any("/section11/cycles", "/section11/cycles/**", "/section11/templates/import")
                .require(SECTION11_MANAGE);
        post("/section11/templates/**").require(SECTION11_MANAGE);
        post("/section11/returns/*/moderation", "/section11/returns/*/moderation/**")
                .require(SECTION11_MODERATE, SECTION11_MANAGE);
        post("/section11/returns/**").require(SECTION11_RESPOND);
        get("/section11", "/section11/**").require(readers);

        menu(NavSection.ASSURANCE, 10, "Section 11", "/section11", readers);
    }
}
