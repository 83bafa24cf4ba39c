package org.safeguardinghub.performance;

import static org.safeguardinghub.platform.security.Audience.*;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;
import org.safeguardinghub.shared.SharedAccess;

/**
 * The multi-agency dataset: agencies submit their own returns, the business team reviews them and keeps the
 * catalogue; figures are for those who read reports. The API under {@code /api} has its own token chain
 * ({@code performance.api}), so no browser rule names it.
 */
public final class PerformanceAccess extends ModuleAccess {

    /**
     * Fill in, upload, submit and correct data returns (agency leads for their own agency) and manage the agency's
     * API tokens.
     */
    public static final Permission RETURNS_SUBMIT = new Permission("returns", "submit");
    /** Send a submitted data return back with a comment, or accept it; comment on indicators; act on signals. */
    public static final Permission RETURNS_REVIEW = new Permission("returns", "review");
    /** Change the indicator catalogue: data items, indicators, validation rules; import, export and recompute. */
    public static final Permission CATALOGUE_MANAGE = new Permission("catalogue", "manage");

    public PerformanceAccess() {
        owns("/returns", "/performance", "/api");
        grant(RETURNS_SUBMIT, BUSINESS_TEAM, AGENCY_LEAD);
        grant(RETURNS_REVIEW, BUSINESS_TEAM);
        grant(CATALOGUE_MANAGE, BUSINESS_TEAM);

        post("/returns/*/send-back", "/returns/*/accept").require(RETURNS_REVIEW);
        any("/returns", "/returns/**", "/performance/extracts", "/performance/extracts/**")
                .require(RETURNS_SUBMIT);
        get(
                        "/performance/catalogue/new-item",
                        "/performance/catalogue/new-indicator",
                        "/performance/catalogue/items/*/edit",
                        "/performance/catalogue/indicators/*/edit",
                        "/performance/catalogue/import")
                .require(CATALOGUE_MANAGE);
        get("/performance/catalogue", "/performance/catalogue/**")
                .require(SharedAccess.REPORTS_VIEW, RETURNS_SUBMIT, CATALOGUE_MANAGE);
        any("/performance/catalogue/**").require(CATALOGUE_MANAGE);
        get("/performance", "/performance/**").require(SharedAccess.REPORTS_VIEW);
        post("/performance/indicators/*/commentary", "/performance/early-warning/**")
                .require(RETURNS_REVIEW);

        menu(NavSection.DATA, 20, "Performance", "/performance", SharedAccess.REPORTS_VIEW);
        menu(NavSection.DATA, 30, "Data returns", "/returns", RETURNS_SUBMIT);
    }
}
