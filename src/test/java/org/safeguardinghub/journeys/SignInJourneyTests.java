package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;

/** Signing in and out, what each kind of user sees, and lockout, in a real browser. */
class SignInJourneyTests extends BrowserJourney {

    @Test
    void agencyLeadSeesOnlyWhatTheRoleAllowsThenSignsOut() {
        signIn(DemoAccounts.SCHOOL_LEAD, DemoAccounts.PASSWORD);
        assertThat(page.locator("h1").textContent()).isEqualTo("What needs your attention");
        var menu = page.locator("#navigation").textContent();
        assertThat(menu)
                .contains("Home", "Agencies", "People")
                .doesNotContain("Audit trail", "Imports", "Partnerships");

        visit("/people");
        assertThat(page.locator("table").textContent())
                .contains("Jordan Lee", "Dana White")
                .doesNotContain("Casey Brown");

        visit("/audit");
        assertThat(page.locator("h1").textContent()).isEqualTo("You do not have access to this page");

        visit("/account");
        assertThat(page.content()).contains("Agency safeguarding lead");
        signOut();
        page.navigate("/");
        assertThat(page.url()).endsWith("/sign-in");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.safeguardinghub.identity.signin.SignInGuard guard;

    /** Other journeys sign in as the scrutineer too (the dashboards), so the block must not outlive this test. */
    @org.junit.jupiter.api.AfterEach
    void unlockTheScrutineer() {
        guard.forget(DemoAccounts.SCRUTINEER);
    }

    @Test
    void fiveWrongPasswordsFromThisBrowsersNetworkMakeItWait() {
        for (int i = 1; i <= 4; i++) {
            signIn(DemoAccounts.SCRUTINEER, "not-the-password-" + i);
            assertThat(page.locator(".govuk-error-summary").textContent())
                    .contains("Enter a correct email address and password");
        }
        signIn(DemoAccounts.SCRUTINEER, "not-the-password-5");
        assertThat(page.locator(".govuk-error-summary").textContent())
                .contains("Enter a correct email address and password");
        signIn(DemoAccounts.SCRUTINEER, DemoAccounts.PASSWORD);
        assertThat(page.locator(".govuk-error-summary").textContent())
                .contains("too many failed attempts to sign in with this email address from your network");
        assertThat(page.url()).contains("/sign-in");
    }

    @Test
    void errorPagesAreFriendly() {
        signIn(DemoAccounts.PRACTITIONER, DemoAccounts.PASSWORD);
        visit("/no-such-page");
        assertThat(page.locator("h1").textContent()).isIn("Page not found", "You do not have access to this page");
        assertThat(page.content()).doesNotContain("Exception").doesNotContain("Whitelabel");
    }
}
