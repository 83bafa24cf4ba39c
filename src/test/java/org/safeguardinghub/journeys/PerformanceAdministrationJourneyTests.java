package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;

/**
 * The pages around the dataset that other journeys do not walk: the business team reads the indicator catalogue,
 * an indicator's definition and versions, the demo's early-warning signals and the extract loads; the police lead
 * creates an API token for Kent Police's system and sees it once. Every page is checked with axe.
 */
class PerformanceAdministrationJourneyTests extends BrowserJourney {

    @Test
    void businessTeamReadsTheCatalogueAndTheEarlyWarningSignals() {
        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit("/performance/catalogue");
        assertThat(page.content()).contains("Children on a child protection plan per 10,000");
        visit("/performance/catalogue/indicators/cp_rate");
        assertThat(page.locator("h1").innerText()).isEqualTo("Children on a child protection plan per 10,000");
        visit("/performance/catalogue/indicators/cp_rate/edit");
        visit("/performance/catalogue/new-item");

        // the demo's fictional history has a built-in rise in missing episodes that the charts must flag
        visit("/performance/early-warning");
        assertThat(page.content()).contains("Missing children episodes").contains("Special cause concern");
        assertThat(page.locator("svg[role=img]").count()).isPositive();
        // the acknowledgement and change forms, refused empty with the error summary
        // (the demo partnership has acknowledged the drifts it knows; the missing episodes rise is still open)
        visit(page.locator("#signals a[href$='/acknowledge']")
                .filter(new Locator.FilterOptions().setHasNotText("Change the acknowledgement"))
                .first()
                .getAttribute("href"));
        page.locator("form[action$='/acknowledge'] button[type=submit]").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary").textContent()).contains("Enter the cause of the change");
        visit("/performance/early-warning");
        visit(page.locator("a[href$='/changes/new']").first().getAttribute("href"));
        page.locator("form[action$='/changes'] button[type=submit]").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary").textContent()).contains("Choose the first period");

        visit("/performance/extracts");
        visit("/performance/extracts/new");
        assertThat(page.content()).contains("SSDA903");
    }

    @Test
    void agencyLeadCreatesAnApiTokenThatIsShownOnce() {
        signIn(DemoAccounts.POLICE_LEAD, DemoAccounts.PASSWORD);
        visit("/returns/tokens");
        visit("/returns/tokens/new");
        String name = "Niche records system " + UUID.randomUUID().toString().substring(0, 6);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(false))
                .first()
                .fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create"))
                .first()
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("h1").innerText()).isEqualTo("API token created");
        assertThat(page.content()).contains("shub_");

        visit("/returns/tokens");
        assertThat(page.content()).contains(name);
        assertThat(page.locator("body").innerText()).doesNotContainPattern("shub_[A-Za-z0-9_-]{43}");
    }
}
