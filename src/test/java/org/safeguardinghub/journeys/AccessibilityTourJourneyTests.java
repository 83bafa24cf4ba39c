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

    /**
     * WCAG 1.4.10 reflow: at 320 CSS pixels wide no page of the business team's scrolls sideways as a whole; wide
     * tables scroll inside their own labelled, focusable region instead. Lists what sticks out when it fails.
     */
    @Test
    void theBusinessTeamsLongAndWidePagesReflowAt320Pixels() {
        long referral = id("select min(id) from referral where notified_on is not null");
        long cycle = id("select id from s11_cycle where name = 'Kent and Medway Section 11 audit 2024'");
        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        page.setViewportSize(320, 720);
        List<String> pages = List.of(
                "/",
                "/cases",
                "/cases/" + referral,
                "/learning",
                "/learning/recommendations",
                "/performance",
                "/performance/early-warning",
                "/performance/context",
                "/returns",
                "/dashboards/referrals",
                "/dashboards/themes",
                "/section11/cycles/" + cycle + "/analysis");
        for (String path : pages) {
            visit(path);
            Object wide = page.evaluate(REFLOW_PROBLEMS);
            assertThat(String.valueOf(wide))
                    .as("sticks out sideways at 320 px on " + path)
                    .isEmpty();
        }
        // a wide table keeps its columns and scrolls in a region a keyboard user can reach and scroll
        page.setViewportSize(1280, 900);
        for (String path : List.of("/performance", "/section11/cycles/" + cycle + "/analysis")) {
            visit(path);
            var regions = page.locator(":is(.hub-table-scroll, .hub-perf-scroll)[role=region][tabindex='0']"
                    + ":is([aria-label], [aria-labelledby])");
            assertThat(regions.count()).as("scrolling table regions on " + path).isPositive();
            Object clipped = page.evaluate(CLIPPED_TABLES);
            assertThat(String.valueOf(clipped)).as("tables cut off on " + path).isEmpty();
            Object tall = page.evaluate(TALLER_THAN_WINDOW);
            assertThat(String.valueOf(tall))
                    .as("regions whose sideways scrollbar is below the window on " + path)
                    .isEmpty();
            // a dashboard-like page uses the window, not the 960 px column
            assertThat(((Number) page.evaluate("() => document.querySelector('main').getBoundingClientRect().width"))
                            .doubleValue())
                    .as("width of the main column on " + path)
                    .isGreaterThan(960);
        }
    }

    /** Elements reaching past the right edge of the page, unless inside a region that scrolls on its own. */
    static final String REFLOW_PROBLEMS = """
            () => {
              const root = document.documentElement;
              if (root.scrollWidth <= root.clientWidth) return '';
              const scrolls = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; }
                return false; };
              const out = [];
              for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.right > root.clientWidth + 1 && r.width > 0 && !scrolls(el)) {
                  out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                    + ' (' + Math.round(r.right) + ')');
                }
              }
              return 'page ' + root.scrollWidth + ' > ' + root.clientWidth + ': ' + out.slice(0, 12).join(', ');
            }""";

    /** Regions that scroll sideways but are taller than the window, so their scrollbar is out of sight. */
    static final String TALLER_THAN_WINDOW = """
            () => [...document.querySelectorAll('.hub-table-scroll, .hub-perf-scroll')]
              .filter(r => r.scrollWidth > r.clientWidth && r.getBoundingClientRect().height > window.innerHeight)
              .map(r => r.getAttribute('aria-label') || r.getAttribute('aria-labelledby')).join(' | ')""";

    /** Tables wider than the page that are not inside a scrolling region (their last columns cannot be reached). */
    static final String CLIPPED_TABLES = """
            () => [...document.querySelectorAll('table')]
              .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                && !t.closest('.hub-table-scroll, .hub-perf-scroll'))
              .map(t => (t.querySelector('caption') || t).textContent.trim().slice(0, 60)).join(' | ')""";
}
