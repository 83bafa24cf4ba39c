package org.safeguardinghub.calendar;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;

/** Bank holidays: loading the official list is for administrators only. */
public final class CalendarAccess extends ModuleAccess {

    /** Load the official bank holiday list (GOV.UK bank-holidays.json) that every statutory clock counts with. */
    public static final Permission CALENDAR_MANAGE = new Permission("calendar", "manage");

    public CalendarAccess() {
        owns("/bank-holidays");
        grant(CALENDAR_MANAGE);
        any("/bank-holidays").require(CALENDAR_MANAGE);
        menu(NavSection.ADMINISTRATION, 70, "Bank holidays", "/bank-holidays", CALENDAR_MANAGE);
    }
}
