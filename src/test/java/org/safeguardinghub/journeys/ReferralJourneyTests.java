package org.safeguardinghub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Referring a serious incident as a new user would: a member of the public makes a mistake, reads the error
 * summary, corrects it and gets a reference; a signed-in practitioner's draft saves itself while they type, survives
 * a reload, and is sent. Every page passes an axe WCAG 2.2 AA scan.
 */
class ReferralJourneyTests extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void memberOfThePublicCorrectsAMistakeAndGetsAReference() {
        String name = "Public Notifier " + UUID.randomUUID().toString().substring(0, 8);
        visit("/notify?p=KSCMP");
        assertThat(page.locator("h1")).hasText("Tell us about a serious incident involving a child");
        fillIncident(true);
        field("children[0].ageYears").fill("2");
        page.locator(id("children[0].gender")).selectOption("1");
        page.getByLabel("Your name").fill(name);
        page.getByLabel("Email address").fill("not an email");
        page.getByLabel("Why are you making this referral?").fill("A toddler was seriously injured at home.");
        send();

        assertThat(page.locator(".govuk-error-summary")).containsText("There is a problem");
        assertThat(page.locator(".govuk-error-summary"))
                .containsText("Enter an email address in the correct format, like name@example.com");
        assertAccessible();
        // what was typed is still there
        assertThat(page.getByLabel("Your name")).hasValue(name);
        assertThat(page.getByLabel("What happened", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("A child was taken to hospital with injuries.");
        page.locator(".govuk-error-summary a[href='#notifierEmail']").click();
        page.getByLabel("Email address").fill("public.notifier@example.org");
        send();

        assertThat(page.locator(".govuk-panel__title")).hasText("Your referral has been sent");
        String reference = page.locator("#referral-reference").textContent();
        assertThat(reference).matches("KSCMP-\\d{4}-[A-Z0-9]{6}");
        assertAccessible();
        assertThat(jdbc.sql("select status from referral where reference = :r and notifier_name = :n")
                        .param("r", reference)
                        .param("n", name)
                        .query(String.class)
                        .single())
                .isEqualTo("RECEIVED");
    }

    @Test
    void practitionersDraftSurvivesAReloadAndIsSent() {
        signIn(DemoAccounts.PRACTITIONER, DemoAccounts.PASSWORD);
        visit("/referrals");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a new referral"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.getByLabel("Your name")).hasValue("Robin Patel");

        String words = "Seen at the clinic with bruising " + UUID.randomUUID();
        page.getByLabel("What happened", new Page.GetByLabelOptions().setExact(true))
                .fill(words);
        assertThat(page.locator("#autosave-status"))
                .containsText("Draft saved at", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertAccessible();

        page.reload();
        page.waitForLoadState();
        assertThat(page.getByLabel("What happened", new Page.GetByLabelOptions().setExact(true)))
                .hasValue(words);
        assertAccessible();

        fillIncident(false);
        page.getByLabel("What happened", new Page.GetByLabelOptions().setExact(true))
                .fill(words);
        field("children[0].ageYears").fill("0");
        page.locator(id("children[0].gender")).selectOption("2");
        page.getByLabel("Email address").fill("robin.patel@example.org");
        page.getByLabel("Why are you making this referral?").fill("Bruising on a non-mobile baby.");
        send();

        assertThat(page.locator(".govuk-panel__title")).hasText("Your referral has been sent");
        String reference = page.locator("#referral-reference").textContent();
        assertAccessible();
        visit("/referrals");
        assertThat(page.locator("table")).containsText(reference);
        assertThat(jdbc.sql("select incident_summary from referral where reference = :r")
                        .param("r", reference)
                        .query(String.class)
                        .single())
                .isEqualTo(words);
    }

    /**
     * What happened. A signed-in notifier gives the date the local authority became aware; a member of the public is
     * asked only when they found out.
     */
    private void fillIncident(boolean publicForm) {
        LocalDate incident = LocalDate.now().minusDays(2);
        LocalDate aware = LocalDate.now().minusDays(1);
        page.locator("#incidentDate-day").fill(String.valueOf(incident.getDayOfMonth()));
        page.locator("#incidentDate-month").fill(String.valueOf(incident.getMonthValue()));
        page.locator("#incidentDate-year").fill(String.valueOf(incident.getYear()));
        String date = publicForm ? "#notifierAwareDate" : "#laAwareDate";
        page.locator(date + "-day").fill(String.valueOf(aware.getDayOfMonth()));
        page.locator(date + "-month").fill(String.valueOf(aware.getMonthValue()));
        page.locator(date + "-year").fill(String.valueOf(aware.getYear()));
        page.getByLabel("Child seriously harmed").check();
        page.getByLabel("Abuse or neglect suspected").check();
        page.locator("#childInCare-2").check();
        page.getByLabel("What happened", new Page.GetByLabelOptions().setExact(true))
                .fill("A child was taken to hospital with injuries.");
    }

    private void send() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send referral"))
                .click();
        page.waitForLoadState();
    }

    private Locator field(String id) {
        return page.locator(id(id));
    }

    private static String id(String id) {
        return "[id='" + id + "']";
    }
}
