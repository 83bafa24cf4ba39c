package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;

/**
 * The two learning dashboards as a new user would use them, in real Chromium with axe on every page: the business
 * team filters the referral dashboard to 2023-24 and children under 1 (Kent's demo: 6 of the 18 referrals that year),
 * switches to the internal view, then looks at the learning themes for babies; the independent scrutineer sees only
 * the published view.
 */
class LearningDashboardsJourneyTests extends BrowserJourney {

    @Test
    void businessTeamFiltersBothDashboardsAndSwitchesView() {
        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit("/dashboards");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Referrals and notifications"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("h1").textContent()).isEqualTo("Referrals and notifications");
        assertThat(page.locator(".govuk-inset-text").first().textContent()).contains("Published view");
        assertThat(page.locator("svg[role=img]").count()).isEqualTo(7);

        label("Period").selectOption("FY2023");
        apply();
        // the published view rounds to 5 and offers no characteristic filters (docs: published figures)
        assertThat(total()).isEqualTo("20");
        assertThat(row("table-year", "2023-24")).contains("20");
        assertThat(label("Age band of the youngest child").count()).isZero();

        label("Internal (exact counts)").check();
        apply();
        label("Age band of the youngest child").selectOption("UNDER_1");
        apply();
        assertThat(page.locator(".govuk-warning-text").textContent()).contains("Internal view");
        assertThat(total()).isEqualTo("6");
        assertThat(row("table-age", "Under 1")).contains("6");
        assertThat(row("table-age", "16 and over")).contains("0");
        assertThat(page.locator("#table-district").textContent()).doesNotContain("fewer than 6");

        visit("/dashboards/themes");
        label("Period").selectOption("FY2023");
        label("Age band of the youngest child").selectOption("UNDER_1");
        apply();
        assertThat(page.locator("#dashboard-total").textContent()).contains("2023-24");
        assertThat(page.locator("#table-cases").textContent()).contains("Non-accidental injury");
        assertThat(label("Day").count()).isZero();

        label("Internal (exact counts)").check();
        apply();
        label("Day").fill("1");
        label("Month").fill("4");
        label("Year").fill("2021");
        apply();
        assertThat(page.locator("#dashboard-total").textContent()).contains("1 April 2021");
        assertThat(page.locator("#table-repeated").textContent()).contains("Non-accidental injury");
        label("Internal (exact counts)").check();
        apply();
        assertThat(page.locator("#table-repeated").textContent())
                .contains("Reviews it came from")
                .contains("KSCMP-");
    }

    @Test
    void scrutineerSeesOnlyThePublishedView() {
        signIn(DemoAccounts.SCRUTINEER, DemoAccounts.PASSWORD);
        visit("/dashboards");
        visit("/dashboards/referrals?view=internal&period=FY2023");
        assertThat(page.locator(".govuk-inset-text").first().textContent()).contains("Published view");
        assertThat(label("Internal (exact counts)").count()).isZero();
        assertThat(total()).isEqualTo("20");
        visit("/dashboards/themes?view=internal");
        assertThat(page.locator(".govuk-inset-text").first().textContent()).contains("Published view");
        assertThat(page.locator("body").textContent()).doesNotContain("Reviews it came from");
    }

    private Locator label(String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private void apply() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters"))
                .click();
        page.waitForLoadState();
        assertAccessible();
    }

    private String total() {
        return page.locator("#dashboard-total strong").textContent().trim();
    }

    private String row(String table, String label) {
        Locator row = page.locator("#" + table + " tr").filter(new Locator.FilterOptions().setHasText(label));
        return row.first().textContent();
    }
}
