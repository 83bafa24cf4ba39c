package org.safeguardinghub.organisation;

import static org.safeguardinghub.platform.security.Audience.*;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;

/** The directory: everyone signed in with a role may read it; changes need organisation:manage. */
public final class OrganisationAccess extends ModuleAccess {

    public static final Permission DIRECTORY_VIEW = new Permission("directory", "view");
    public static final Permission ORGANISATION_MANAGE = new Permission("organisation", "manage");
    /** Add, rename or archive a whole partnership: administrators only. */
    public static final Permission PARTNERSHIPS_MANAGE = new Permission("partnerships", "manage");

    public OrganisationAccess() {
        owns("/agencies", "/groups", "/districts", "/areas", "/partnerships");
        grant(DIRECTORY_VIEW, BUSINESS_TEAM, AGENCY_LEAD, PANEL_MEMBER, PRACTITIONER, SCRUTINEER);
        grant(ORGANISATION_MANAGE, BUSINESS_TEAM);
        grant(PARTNERSHIPS_MANAGE);

        get(
                        "/agencies/*/edit",
                        "/agencies/new",
                        "/groups/*/edit",
                        "/groups/new",
                        "/groups/*/members/new",
                        "/groups/*/members/*/edit",
                        "/groups/*/members/*/leave",
                        "/districts/*/edit",
                        "/districts/new",
                        "/areas/*/edit",
                        "/areas/new",
                        "/agencies/import")
                .require(ORGANISATION_MANAGE);
        get("/agencies", "/agencies/**", "/groups", "/groups/**", "/districts", "/districts/**")
                .require(DIRECTORY_VIEW);
        get("/partnerships/new", "/partnerships/*/edit").require(PARTNERSHIPS_MANAGE);
        get("/partnerships", "/partnerships/*").require(ORGANISATION_MANAGE);
        any("/partnerships/**").require(PARTNERSHIPS_MANAGE);
        any("/agencies/**", "/groups/**", "/districts/**", "/areas/**").require(ORGANISATION_MANAGE);

        menu(NavSection.ADMINISTRATION, 10, "Agencies", "/agencies", DIRECTORY_VIEW);
        menu(NavSection.ADMINISTRATION, 20, "Groups", "/groups", DIRECTORY_VIEW);
        menu(NavSection.ADMINISTRATION, 30, "Districts", "/districts", DIRECTORY_VIEW);
        menu(NavSection.ADMINISTRATION, 40, "Partnerships", "/partnerships", ORGANISATION_MANAGE);
    }
}
