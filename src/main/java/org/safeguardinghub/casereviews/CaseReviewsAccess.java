package org.safeguardinghub.casereviews;

import static org.safeguardinghub.platform.security.Audience.*;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;
import org.safeguardinghub.shared.SharedAccess;

/**
 * Case detail is sensitive: the business team and panel members read it, the business team acts. The public
 * referral form writes but never reads; signed-in notifiers keep drafts (their own only, checked in the query).
 * Requests addressed to an agency are answered by that agency's lead.
 */
public final class CaseReviewsAccess extends ModuleAccess {

    /** Start, autosave and submit a referral of a serious incident (signed-in notifiers). */
    public static final Permission REFERRALS_CREATE = new Permission("referrals", "create");
    /** Read case detail: referrals, rapid reviews, practice reviews (sensitive; reads are audited). */
    public static final Permission CASES_VIEW = new Permission("cases", "view");
    /** Triage referrals, run rapid reviews and practice reviews, send requests to agencies. */
    public static final Permission CASES_MANAGE = new Permission("cases", "manage");
    /** Answer the requests addressed to one's own agency (involvement summaries, chronologies, agency reports). */
    public static final Permission CONTRIBUTIONS_ANSWER = new Permission("contributions", "answer");

    public CaseReviewsAccess() {
        owns("/notify", "/referrals", "/cases", "/reviews", "/contributions", "/dashboards");
        grant(REFERRALS_CREATE, BUSINESS_TEAM, AGENCY_LEAD, PANEL_MEMBER, PRACTITIONER);
        grant(CASES_VIEW, BUSINESS_TEAM, PANEL_MEMBER);
        grant(CASES_MANAGE, BUSINESS_TEAM);
        grant(CONTRIBUTIONS_ANSWER, AGENCY_LEAD);

        any("/notify", "/notify/confirmation").open();
        any("/referrals", "/referrals/**").require(REFERRALS_CREATE);
        get("/reviews/new", "/reviews/*/edit", "/cases/*/edit", "/cases/settings")
                .require(CASES_MANAGE);
        get("/cases", "/cases/**", "/reviews", "/reviews/**").require(CASES_VIEW);
        any("/cases/**", "/reviews/**").require(CASES_MANAGE);
        any("/contributions", "/contributions/**").require(CONTRIBUTIONS_ANSWER);
        get("/dashboards", "/dashboards/**").require(SharedAccess.REPORTS_VIEW);

        menu(NavSection.CASES, 10, "Cases", "/cases", CASES_VIEW);
        menu(NavSection.CASES, 20, "Reviews", "/reviews", CASES_VIEW);
        menu(NavSection.CASES, 30, "Agency requests", "/contributions", CONTRIBUTIONS_ANSWER);
        menu(NavSection.CASES, 40, "Referrals", "/referrals", REFERRALS_CREATE);
        menu(NavSection.DATA, 10, "Dashboards", "/dashboards", SharedAccess.REPORTS_VIEW);
    }
}
