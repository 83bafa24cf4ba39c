package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business team reads the scorecard: filters it by one of the partnership's priorities, opens an indicator,
 * adds commentary for its latest period and sees it in the history; then looks at the priorities dashboard and
 * "Context in numbers". The indicator and its values are the journey's own (a unique code in Kent), as the
 * calculator would have written them. Every page is checked with axe.
 */
class ScorecardJourneyTests extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    Long indicatorId;

    @AfterEach
    void archive() {
        if (indicatorId != null) {
            jdbc.sql("update indicator set archived_at = now() where id = :id")
                    .param("id", indicatorId)
                    .update();
        }
    }

    @Test
    void businessTeamFiltersOpensAnIndicatorAndAddsCommentary() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String code = "t_" + tag + "_journey";
        String name = "Journey children helped online " + tag;
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        indicatorId = jdbc.sql(
                        "insert into indicator (partnership_id, code, name, sort_order) values (:p, :c, :n, 9999)"
                                + " returning id")
                .param("p", kent)
                .param("c", code)
                .param("n", name)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into indicator_version (indicator_id, version_no, numerator, factor, decimals,
                               polarity, target, priorities, effective_from)
                        values (:i, 1, :n, 'COUNT', 0, 'HIGHER_IS_BETTER', 100, array['Online safety'],
                                date '2000-01-01')
                        """).param("i", indicatorId).param("n", "t_" + tag + "_n").update();
        LocalDate end = LocalDate.of(2024, 1, 31);
        for (int m = 0; m < 6; m++) {
            LocalDate e = end.plusMonths(m).withDayOfMonth(1).plusMonths(1).minusDays(1);
            jdbc.sql("""
                            insert into indicator_value (indicator_id, partnership_id, period_end, version_no,
                                   numerator, value, first_value, fictional)
                            values (:i, :p, :e, 1, :v, :v, :v, :f)
                            """)
                    .param("i", indicatorId)
                    .param("p", kent)
                    .param("e", e)
                    .param("v", 60 + m * 3)
                    .param("f", m < 3)
                    .update();
        }

        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit("/performance");
        assertThat(page.locator("h1").textContent()).contains("Scorecard");
        page.getByLabel("Priority").selectOption(new SelectOption().setLabel("Online safety"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.url()).contains("priority=Online");
        String row = page.locator("#row-" + code).textContent();
        assertThat(row).contains("75").contains("Jun 2024").contains("Red").contains("Commentary required");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("h1").textContent()).contains(name);
        assertThat(page.locator("#series-table").textContent())
                .contains("Jan 2024")
                .contains("Jun 2024");
        assertThat(page.locator("main").textContent()).contains("Fictional demo data");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add commentary"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary").textContent()).contains("Enter the commentary");
        page.locator("#periodEnd").selectOption(new SelectOption().setLabel("Jun 2024"));
        page.locator("#body").fill("Below target while the new online safety service starts " + tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add commentary"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner").textContent()).contains("Commentary added");
        assertThat(page.locator("#commentary-table").textContent()).contains("new online safety service starts " + tag);

        visit("/performance?priority=Online+safety");
        assertThat(page.locator("#row-" + code).textContent())
                .contains("new online safety service starts " + tag)
                .doesNotContain("Commentary required");

        visit("/performance/priorities");
        assertThat(page.locator("main").textContent()).contains("Online safety").contains(name);
        visit("/performance/context");
        assertThat(page.locator("h1").textContent()).contains("Context in numbers");

        // a demo indicator with breakdowns (if the demo data has any), for the bar chart and its table
        jdbc.sql("""
                        select i.code from indicator i join indicator_value v on v.indicator_id = i.id
                         where i.partnership_id = :p and i.archived_at is null and v.breakdown_kind <> ''
                         limit 1
                        """)
                .param("p", kent)
                .query(String.class)
                .optional()
                .ifPresent(demo -> visit("/performance/indicators/" + demo));

        // the independent scrutineer sees the published view
        signOut();
        signIn(DemoAccounts.SCRUTINEER, DemoAccounts.PASSWORD);
        visit("/performance");
        assertThat(page.locator("main").textContent()).contains("Published view");
        visit("/performance/indicators/" + code);
        visit("/performance/priorities");
    }
}
