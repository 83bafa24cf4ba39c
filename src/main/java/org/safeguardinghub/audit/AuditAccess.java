package org.safeguardinghub.audit;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;

/** The audit trail is read by administrators only. */
public final class AuditAccess extends ModuleAccess {

    public static final Permission AUDIT_VIEW = new Permission("audit", "view");

    public AuditAccess() {
        owns("/audit");
        grant(AUDIT_VIEW);
        any("/audit", "/audit/**").require(AUDIT_VIEW);
        menu(NavSection.ADMINISTRATION, 80, "Audit trail", "/audit", AUDIT_VIEW);
    }
}
