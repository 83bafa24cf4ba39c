package org.safeguardinghub.imports;

import static org.safeguardinghub.platform.security.Audience.*;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;

/** Bulk imports: the business team uploads, checks and commits files. */
public final class ImportsAccess extends ModuleAccess {

    public static final Permission IMPORTS_RUN = new Permission("imports", "run");

    public ImportsAccess() {
        owns("/imports");
        grant(IMPORTS_RUN, BUSINESS_TEAM);
        any("/imports", "/imports/**").require(IMPORTS_RUN);
        menu(NavSection.ADMINISTRATION, 60, "Imports", "/imports", IMPORTS_RUN);
    }
}
