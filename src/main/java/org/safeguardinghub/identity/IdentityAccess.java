package org.safeguardinghub.identity;

import static org.safeguardinghub.platform.security.Audience.*;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;

/** Sign-in, invitations, one's own account, and the people of the partnership. */
public final class IdentityAccess extends ModuleAccess {

    public static final Permission USERS_VIEW = new Permission("users", "view");
    public static final Permission USERS_MANAGE = new Permission("users", "manage");

    public IdentityAccess() {
        owns("/sign-in", "/invitation", "/account", "/people");
        grant(USERS_VIEW, BUSINESS_TEAM, AGENCY_LEAD);
        grant(USERS_MANAGE);

        any("/sign-in", "/invitation/**").open();
        any("/account", "/account/**").signedIn();
        get("/people/invite").require(USERS_MANAGE);
        get("/people", "/people/*").require(USERS_VIEW);
        any("/people/**").require(USERS_MANAGE);

        menu(NavSection.ADMINISTRATION, 50, "People", "/people", USERS_VIEW);
    }
}
