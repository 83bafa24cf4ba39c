package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business team's journey through the organisation pages in real Chromium: every page, including forms showing
 * their errors and a group member who joins and later leaves, has one h1 and passes an axe WCAG 2.2 AA scan.
 */
class OrganisationPagesJourneyTests extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOrganisationPageIsAccessible() {
        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);

        long district = id(
                "select d.id from district d join partnership p on p.id = d.partnership_id where p.short_name = 'KSCMP' and d.name = 'Dover'");
        long area = id(
                "select a.id from area a join partnership p on p.id = a.partnership_id where p.short_name = 'KSCMP' and a.name = 'East Kent'");
        long kent = id("select id from partnership where short_name = 'KSCMP'");
        long board = id("select g.id from partnership_group g where g.partnership_id = " + kent
                + " and g.name = 'Scrutiny and Challenge Group'");

        for (String path : List.of(
                "/agencies",
                "/agencies?type=POLICE&archived=true",
                "/agencies/1",
                "/agencies/1/edit",
                "/partnerships",
                "/partnerships/" + kent,
                "/partnerships/" + kent + "/edit",
                "/partnerships/new",
                "/districts",
                "/districts/" + district,
                "/districts/" + district + "/edit",
                "/districts/new",
                "/areas",
                "/areas/" + area,
                "/areas/" + area + "/edit",
                "/areas/new",
                "/groups",
                "/groups/" + board,
                "/groups/" + board + "/edit",
                "/groups/new")) {
            visit(path);
        }

        // forms showing their errors
        visit("/agencies/new");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add agency"))
                .click();
        page.waitForLoadState();
        assertThat(page.content()).contains("There is a problem");
        assertAccessible();

        // a group with a member who joined and then left
        String group = "Accessibility Group " + UUID.randomUUID().toString().substring(0, 8);
        visit("/groups/new");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(group);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add group"))
                .click();
        page.waitForLoadState();
        assertThat(page.locator("h1").textContent()).isEqualTo(group);
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a member"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        page.getByLabel("Full name", new Page.GetByLabelOptions().setExact(true))
                .fill("Alex Example");
        page.getByLabel("Chair", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("#joinedOn-day").fill("10");
        page.locator("#joinedOn-month").fill("5");
        page.locator("#joinedOn-year").fill("2024");
        page.locator("#leftOn-day").fill("1");
        page.locator("#leftOn-month").fill("5");
        page.locator("#leftOn-year").fill("2024");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member"))
                .click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Date left must be the same as or after the date joined");
        assertAccessible();
        page.locator("#leftOn-day").fill("");
        page.locator("#leftOn-month").fill("");
        page.locator("#leftOn-year").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member"))
                .click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Alex Example", "Chair");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Alex Example"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        page.goBack();
        page.waitForLoadState();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mark as left"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as left"))
                .click();
        page.waitForLoadState();
        assertThat(page.content()).contains("marked as left");
        assertAccessible();
    }

    @Override
    Page visit(String path) {
        super.visit(path);
        assertThat(page.locator("h1").count()).as(path).isEqualTo(1);
        return page;
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
