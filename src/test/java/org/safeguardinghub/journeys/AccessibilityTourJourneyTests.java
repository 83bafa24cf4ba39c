package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of the foundation, opened in Chromium and scanned with axe (WCAG 2.2 AA), as the people who use it:
 * an administrator (every page the organisation journey does not already cover), an agency lead and a practitioner (their own views and the refusal pages).
 */
class AccessibilityTourJourneyTests extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void everyPageAnAdministratorCanReachIsAccessible() {
        long agency = id("select id from agency where name = 'Kent Police'");
        long group = id("select min(id) from partnership_group where name = 'Learning and Improvement Group'");
        long partnership = id("select id from partnership where short_name = 'KSCMP'");
        long person = id("select id from app_user where email = 'police.officer@example.org'");
        signIn(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        List<String> pages = List.of(
                "/",
                "/account",
                "/account/password",
                // the organisation pages have their own journey (OrganisationPagesJourneyTests)
                "/agencies?q=kent&type=POLICE",
                "/agencies/" + agency,
                "/groups/" + group + "/members/new",
                "/people",
                "/people?q=taylor",
                "/people/" + person,
                "/people/invite",
                "/imports",
                "/imports/new",
                "/imports/new?kind=agencies",
                "/audit",
                "/audit?from=not-a-date",
                "/accessibility",
                "/privacy",
                "/no-such-page",
                "/agencies/99999999");
        for (String path : pages) {
            visit(path);
            assertThat(page.content()).as(path).doesNotContain("Whitelabel").doesNotContain("Exception");
        }
    }

    @Test
    void agencyLeadAndPractitionerPagesAreAccessibleToo() {
        signIn(DemoAccounts.POLICE_LEAD, DemoAccounts.PASSWORD);
        for (String path : List.of("/", "/people", "/agencies", "/groups", "/districts", "/audit", "/imports")) {
            visit(path);
        }
        signOut();
        signIn(DemoAccounts.PRACTITIONER, DemoAccounts.PASSWORD);
        for (String path : List.of("/", "/agencies", "/people", "/account")) {
            visit(path);
        }
        visit("/invitation/not-a-real-token");
        assertThat(page.locator("h1").textContent()).contains("expired");
    }
}
