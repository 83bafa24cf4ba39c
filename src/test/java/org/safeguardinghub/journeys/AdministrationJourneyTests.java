package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;

/**
 * The foundation's main journey, as a new partnership would click through it: an administrator adds an agency and
 * invites its safeguarding lead; the lead follows the one-time link, sets a password, signs in and sees only what
 * the role allows; then signs out.
 */
class AdministrationJourneyTests extends BrowserJourney {

    @Test
    void administratorAddsAnAgencyAndInvitesItsLeadWhoThenSignsIn() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String agency = "Journey Academy " + suffix;
        String email = "lead-" + suffix + "@example.org";

        signIn(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        visit("/agencies");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add an agency"))
                .click();
        assertAccessible();

        // a first attempt with nothing filled in: the error summary explains what is missing
        button("Add agency").click();
        assertThat(page.locator(".govuk-error-summary").textContent()).contains("There is a problem");
        assertAccessible();

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(agency);
        page.getByLabel("Type of agency").selectOption(new SelectOption().setLabel("School (relevant agency)"));
        page.getByLabel("Sector").selectOption(new SelectOption().setLabel("Education"));
        page.getByLabel("Kent Safeguarding Children Multi-Agency Partnership (KSCMP)")
                .check();
        button("Add agency").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("h1").textContent()).contains(agency);

        // the new agency raised a task for the business team (admins see People instead)
        visit("/people/invite");
        page.getByLabel("Full name").fill("Taylor Journey");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Agency", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel(agency));
        page.getByLabel("Agency safeguarding lead").check();
        button("Create invitation").click();
        page.waitForLoadState();
        assertAccessible();
        String link = page.locator("#invitation-link").textContent().trim();
        assertThat(link).contains("/invitation/");
        signOut();

        page.navigate(link);
        assertAccessible();
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("a journey passphrase");
        page.getByLabel("Confirm new password").fill("a journey passphrase");
        button("Set password").click();
        page.waitForLoadState();
        assertAccessible();

        signIn(email, "a journey passphrase");
        assertThat(page.locator("h1").textContent()).isEqualTo("What needs your attention");
        assertThat(page.locator("#navigation").textContent())
                .contains("People")
                .doesNotContain("Audit trail", "Imports");
        visit("/people");
        assertThat(page.locator("table").textContent())
                .contains("Taylor Journey")
                .doesNotContain("Jordan Lee", "Sam Taylor");
        visit("/agencies/new");
        assertThat(page.locator("h1").textContent()).isEqualTo("You do not have access to this page");
        visit("/");
        signOut();

        // the administrator finds the whole story in the audit trail
        signIn(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        visit("/audit?recordType=agency");
        assertThat(page.locator("table").textContent()).contains(agency);
        visit("/audit?action=SIGN_IN");
        assertThat(page.locator("table").textContent()).contains("Taylor Journey");
    }

    private com.microsoft.playwright.Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
