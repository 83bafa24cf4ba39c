package org.safeguardinghub.learning;

import static org.safeguardinghub.platform.security.Audience.*;

import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.NavSection;
import org.safeguardinghub.platform.security.Permission;

/**
 * The learning tracker: progress by the owning agency, sign-off by the group, the rest by the business team.
 * Evidence files may hold case detail: the owning agency (its own actions only, checked in the query), the business
 * team, and the panel members who sign the action off; not everyone who reads the tracker (the scrutineer sees that
 * evidence exists, not the files).
 */
public final class LearningAccess extends ModuleAccess {

    /** Read the learning tracker (agency-scoped roles see only their agency's actions). */
    public static final Permission LEARNING_VIEW = new Permission("learning", "view");
    /** Add and change recommendations, actions and the learning-theme taxonomy. */
    public static final Permission LEARNING_MANAGE = new Permission("learning", "manage");
    /** Record progress, completion and evidence on an action (agency leads for their own agency). */
    public static final Permission ACTIONS_UPDATE = new Permission("actions", "update");
    /** Record sign-off of a completed action by the Learning and Improvement Group. */
    public static final Permission ACTIONS_SIGN_OFF = new Permission("actions", "sign-off");

    public LearningAccess() {
        owns("/learning");
        grant(LEARNING_VIEW, BUSINESS_TEAM, AGENCY_LEAD, PANEL_MEMBER, SCRUTINEER);
        grant(LEARNING_MANAGE, BUSINESS_TEAM);
        grant(ACTIONS_UPDATE, BUSINESS_TEAM, AGENCY_LEAD);
        grant(ACTIONS_SIGN_OFF, BUSINESS_TEAM, PANEL_MEMBER);

        post("/learning/actions/*/update", "/learning/actions/*/evidence").require(ACTIONS_UPDATE);
        post("/learning/actions/*/sign-off").require(ACTIONS_SIGN_OFF);
        get("/learning/actions/*/evidence/*").require(ACTIONS_UPDATE, ACTIONS_SIGN_OFF, LEARNING_MANAGE);
        get(
                        "/learning/recommendations/new",
                        "/learning/recommendations/*/edit",
                        "/learning/recommendations/*/actions/new",
                        "/learning/actions/*/edit",
                        "/learning/themes/new",
                        "/learning/themes/*/edit")
                .require(LEARNING_MANAGE);
        get("/learning", "/learning/**").require(LEARNING_VIEW);
        any("/learning/**").require(LEARNING_MANAGE);

        menu(NavSection.LEARNING, 10, "Learning", "/learning", LEARNING_VIEW);
    }
}
