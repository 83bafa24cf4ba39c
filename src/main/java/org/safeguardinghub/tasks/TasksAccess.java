package org.safeguardinghub.tasks;

import static org.safeguardinghub.platform.security.Audience.*;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;

/** The home page and its task list: everyone with a role in the partnership. */
public final class TasksAccess extends ModuleAccess {

    public static final Permission HOME_VIEW = new Permission("home", "view");

    public TasksAccess() {
        owns("/", "/tasks");
        grant(HOME_VIEW, BUSINESS_TEAM, AGENCY_LEAD, PANEL_MEMBER, PRACTITIONER, SCRUTINEER);
        any("/", "/tasks/**").require(HOME_VIEW);
        menu(NavSection.HOME, 0, "Home", "/", HOME_VIEW);
    }
}
