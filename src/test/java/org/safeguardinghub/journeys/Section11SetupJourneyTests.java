package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business team sets up a Section 11 cycle: opens the landing page, the template library and the 2026 template,
 * sets up a cycle (forgetting the close date first), adds two agencies (a district council gets the district
 * council template) and sees expected against received.
 */
class Section11SetupJourneyTests extends BrowserJourney {

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void businessTeamSetsUpACycleAndAddsAgencies() {
        Section11Fixtures fx = new Section11Fixtures(jdbc, principals);
        String council = agency("District Council", "DISTRICT_COUNCIL", fx.kent());
        String charity = agency("Youth Charity", "VOLUNTARY_SECTOR", fx.kent());
        String cycleName = Section11Fixtures.unique("Journey setup cycle");

        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit("/section11");
        assertThat(page.locator("h1").textContent()).isEqualTo("Section 11 audits");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Template library").setExact(true))
                .first()
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.content()).contains("Kent and Medway Section 11 audit tool 2024");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Kent and Medway Section 11 audit tool 2026")
                                .setExact(true))
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("#standard-S7").textContent()).contains("Effective inter-agency working");
        assertThat(page.content())
                .contains("professional challenge and escalation policy")
                .contains("Fully met");

        visit("/section11/cycles/new");
        page.getByLabel("Name").fill(cycleName);
        date("opensOn", "5", "1", "2027");
        date("moderationFrom", "1", "5", "2027");
        date("moderationTo", "30", "6", "2027");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up cycle"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary").textContent()).contains("Enter the close date");
        assertThat(page.getByLabel("Name").inputValue()).isEqualTo(cycleName);

        date("closesOn", "30", "4", "2027");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up cycle"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("h1").textContent()).isEqualTo(cycleName);
        assertThat(page.content()).contains("5 January 2027 to 30 April 2027").contains("No agencies are expected yet");

        page.getByLabel(council, new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel(charity, new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add selected agencies"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.content()).contains("2 agencies are now expected to return");
        assertThat(page.locator("#received-count")
                        .textContent()
                        .replaceAll("\\s+", " ")
                        .strip())
                .isEqualTo("0 of 2 returns received (0%)");
        assertThat(page.locator("#expected").textContent()).contains(council).contains(charity);
        assertThat(page.getByLabel("Template for " + council)
                        .locator("option:checked")
                        .textContent())
                .contains("district councils");

        visit("/section11");
        assertThat(page.content()).contains(cycleName);
    }

    private void date(String field, String day, String month, String year) {
        page.locator("#" + field + "-day").fill(day);
        page.locator("#" + field + "-month").fill(month);
        page.locator("#" + field + "-year").fill(year);
    }

    private String agency(String prefix, String type, long partnership) {
        String name = Section11Fixtures.unique(prefix);
        long id = jdbc.sql("insert into agency (name, agency_type, sector) values (:n, :t, 'VOLUNTARY_AND_COMMUNITY')"
                        + " returning id")
                .param("n", name)
                .param("t", type)
                .query(Long.class)
                .single();
        jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p)")
                .param("a", id)
                .param("p", partnership)
                .update();
        return name;
    }
}
