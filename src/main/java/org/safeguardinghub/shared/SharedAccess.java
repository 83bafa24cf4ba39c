package org.safeguardinghub.shared;

import static org.safeguardinghub.platform.security.Audience.*;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.security.Permission;

/**
 * The one permission several modules share: reading published reports (case review dashboards, performance
 * figures, Section 11 analysis). It has no pages of its own here.
 */
public final class SharedAccess extends ModuleAccess {

    public static final Permission REPORTS_VIEW = new Permission("reports", "view");

    public SharedAccess() {
        grant(REPORTS_VIEW, BUSINESS_TEAM, PANEL_MEMBER, SCRUTINEER);
    }
}
