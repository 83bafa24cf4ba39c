package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.casereviews.cases.CaseFixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Triage, national notification and a rapid review with an agency contribution, as the business team and Kent
 * Police's safeguarding lead would click through it in two browsers at once. axe checks every page.
 */
class RapidReviewJourneyTests extends BrowserJourney {

    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void businessTeamNotifiesRunsTheRapidReviewWithAPoliceChronologyAndSendsItToThePanel() {
        LocalDate today = LocalDate.now(clock);
        String ref = CaseFixtures.reference();
        CaseFixtures.receivedReferral(jdbc, CaseFixtures.kent(jdbc), ref, today);

        // the business team finds the new case and records the decision to notify
        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit("/cases?q=" + ref);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ref)).click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("h1").textContent()).isEqualTo(ref);
        assertThat(page.locator("#clocks + .hub-table-scroll table").textContent())
                .contains("National panel notification");
        button("Record triage decision").click();
        page.waitForLoadState();
        assertAccessible();

        button("Save decision").click(); // nothing chosen: the error summary says what is missing
        page.waitForLoadState();
        assertThat(page.locator(".govuk-error-summary").textContent())
                .contains("Select whether the incident is notified to the national panel");
        assertAccessible();

        page.getByLabel("Notify the national panel").check();
        date("notifiedOn", today);
        page.getByLabel("Rationale for the decision").fill("Infant seriously harmed; abuse suspected");
        button("Save decision").click();
        page.waitForLoadState();
        assertAccessible();
        LocalDate due = WorkingDayCalendar.england().addWorkingDays(today, 15);
        assertThat(page.locator("#clocks + .hub-table-scroll table").textContent())
                .contains("Rapid review sent to national panel", due.format(LONG), "15 working days left");

        // a chronology is requested from Kent Police
        button("Request a contribution from an agency").click();
        page.waitForLoadState();
        assertAccessible();
        page.getByLabel("Agency", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Kent Police"));
        page.getByLabel("Chronology").check();
        page.getByLabel("Question or instructions (optional)").fill("Police contact with the family since 2025");
        button("Send request").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("#requests").count()).isEqualTo(1);
        String caseUrl = page.url().replaceAll("#.*$", "");

        // Kent Police's lead answers in a second browser
        BrowserContext businessContext = context;
        Page businessPage = page;
        context = browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        page = context.newPage();
        try {
            signIn(DemoAccounts.POLICE_LEAD, DemoAccounts.PASSWORD);
            link("Agency requests").first().click();
            page.waitForLoadState();
            assertAccessible();
            Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(ref));
            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Chronology"))
                    .click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.content())
                    .contains("Police contact with the family since 2025")
                    .doesNotContain("Infant with unexplained bruising");
            page.getByLabel("Your answer").fill("Two domestic abuse call-outs in 2025; chronology to follow");
            button("Send answer").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-notification-banner").textContent()).contains("Your answer has been sent");
        } finally {
            context.close();
            context = businessContext;
            page = businessPage;
        }

        // the answer is on the case; the meeting is held, the outcome recorded and the review sent
        page.navigate(caseUrl);
        assertAccessible();
        assertThat(page.locator("#requests ~ .govuk-summary-card").first().textContent())
                .contains("Two domestic abuse call-outs", "Answered");

        button("Meeting and members").click();
        page.waitForLoadState();
        assertAccessible();
        date("meetingOn", today);
        button("Save meeting date").click();
        page.waitForLoadState();
        assertAccessible();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("DS Robin Hale");
        page.getByLabel("Agency (optional)").selectOption(new SelectOption().setLabel("Kent Police"));
        button("Add member").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("table").textContent()).contains("DS Robin Hale");

        page.navigate(caseUrl);
        button("Record outcome").click();
        page.waitForLoadState();
        assertAccessible();
        page.getByLabel("Local child safeguarding practice review commissioned").check();
        page.getByLabel("Rationale").fill("Agencies did not share information about the bruising");
        button("Save outcome").click();
        page.waitForLoadState();
        assertAccessible();

        button("Send to national panel").click();
        page.waitForLoadState();
        assertAccessible();
        button("Record as sent").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner").textContent())
                .contains("Rapid review sent to the national panel");
        Locator rapidReviewClock = page.locator(
                "#clocks + .hub-table-scroll table tr", new Page.LocatorOptions().setHasText("Rapid review sent"));
        assertThat(rapidReviewClock.textContent()).contains("Met");
        assertThat(page.content()).contains("Commission a practice review", "DS Robin Hale");
    }

    private void date(String field, LocalDate date) {
        page.locator("#" + field + "-day").fill(String.valueOf(date.getDayOfMonth()));
        page.locator("#" + field + "-month").fill(String.valueOf(date.getMonthValue()));
        page.locator("#" + field + "-year").fill(String.valueOf(date.getYear()));
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator link(String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
