package org.safeguardinghub.casereviews.dashboards;

import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the attacks on the published dashboards share: the pages' own service (the same one the page and its
 * downloads use), the database for the full list of labels, and the independent scrutineer whose views are attacked.
 */
abstract class PublishedViewsAttack {

    @Autowired
    DashboardPages pages;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    /** The demo scrutineer, who sees only the published views. */
    Actor scrutineer() {
        return (Actor) principals.loadUserByUsername(DemoAccounts.SCRUTINEER);
    }
}
