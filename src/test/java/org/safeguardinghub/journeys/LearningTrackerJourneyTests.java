package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;

/**
 * A recommendation from a national review to a signed-off action, as the three people involved would click it: the
 * business team adds the recommendation and an action for Kent Police; the police safeguarding lead, in their own
 * browser, records that it is completed with evidence; a member of the Learning and Improvement Group signs it off;
 * the tracker then shows it signed off. Every page is checked with axe.
 */
class LearningTrackerJourneyTests extends BrowserJourney {

    @Test
    void recommendationToActionToSignOff() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String title = "National review of infant injuries " + tag;
        Page business = page;

        // the business team adds a recommendation from a national review
        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit("/learning");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a recommendation"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        button("Add recommendation").click();
        page.waitForLoadState();
        assertThat(page.locator(".govuk-error-summary").textContent())
                .contains("Select where the recommendation came from")
                .contains("Enter the recommendation");
        assertAccessible();
        page.getByLabel("National review", new Page.GetByLabelOptions().setExact(true))
                .check();
        page.getByLabel("Title of the review or source").fill(title);
        page.getByLabel("Recommendation", new Page.GetByLabelOptions().setExact(true))
                .fill("Agencies should make sure staff recognise bruising in non-mobile infants (" + tag + ")");
        page.getByLabel("Non-accidental injury").check();
        button("Add recommendation").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner").textContent()).contains("added");
        assertThat(page.locator("main").textContent()).contains(title).contains("Non-accidental injury");

        // and an action for Kent Police
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add an action"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        LocalDate due = LocalDate.now().plusMonths(2);
        page.getByLabel("What will be done").fill("Brief all response officers on bruising protocols " + tag);
        page.getByLabel("Owner agency").selectOption(new SelectOption().setLabel("Kent Police"));
        page.getByLabel("Owner (optional)").fill("Head of public protection");
        page.locator("#dueOn-day").fill(String.valueOf(due.getDayOfMonth()));
        page.locator("#dueOn-month").fill(String.valueOf(due.getMonthValue()));
        page.locator("#dueOn-year").fill(String.valueOf(due.getYear()));
        button("Add action").click();
        page.waitForLoadState();
        assertAccessible();
        String actionUrl = page.url().replaceAll("^https?://[^/]+", "");
        assertThat(actionUrl).matches("/learning/actions/\\d+");
        String reference = page.locator("h1").textContent().trim().replace("Action ", "");
        assertThat(page.locator("main").textContent()).contains("Not started").contains("Kent Police");

        // the police safeguarding lead, in their own browser, completes it with evidence
        BrowserContext police = browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        try {
            page = police.newPage();
            signIn(DemoAccounts.POLICE_LEAD, DemoAccounts.PASSWORD);
            visit("/learning?q=" + tag);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference))
                    .click();
            page.waitForLoadState();
            assertAccessible();
            page.getByLabel("What has been done").fill("All response officers briefed; briefing slides attached.");
            page.getByLabel("Completed, awaiting sign-off").check();
            button("Save progress").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-notification-banner").textContent())
                    .contains("status changed to completed");

            Path pdf = Files.createTempFile("briefing-" + tag, ".pdf");
            Files.write(
                    pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            page.locator("#evidence").setInputFiles(pdf);
            page.getByLabel("Description (optional)").fill("Briefing slides");
            button("Upload evidence").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator("#evidence-list").textContent())
                    .contains(pdf.getFileName().toString());
            Files.deleteIfExists(pdf);
        } finally {
            police.close();
        }

        // a member of the Learning and Improvement Group signs it off
        BrowserContext panel = browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        try {
            page = panel.newPage();
            signIn(DemoAccounts.PANEL, DemoAccounts.PASSWORD);
            visit(actionUrl);
            assertThat(page.locator("main").textContent())
                    .contains("Completed, awaiting sign-off")
                    .contains("All response officers briefed");
            page.getByLabel("Note (optional)").fill("Agreed at the Learning and Improvement Group");
            button("Sign off action").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-notification-banner").textContent()).contains("signed off");
            assertThat(page.locator("main").textContent())
                    .contains("Signed off")
                    .contains("Chris Evans");
        } finally {
            panel.close();
        }

        // the tracker shows it signed off
        page = business;
        visit("/learning?q=" + tag);
        Locator row = page.locator("#actions tbody tr");
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.textContent())
                .contains(reference)
                .contains("Kent Police")
                .contains("Signed off");
        visit("/learning?status=SIGNED_OFF&q=" + tag);
        assertThat(page.locator("#actions").textContent()).contains(reference);
        assertThat(page.locator("#signed-off-summary").textContent())
                .matches("\\d+ of \\d+ actions signed off \\(\\d+%\\)");

        // the other views of the tracker
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Recommendations").setExact(true))
                .click();
        page.waitForLoadState();
        assertAccessible();
        visit("/learning/recommendations?q=" + tag);
        assertThat(page.locator("table").textContent()).contains(title).contains("Non-accidental injury");
        visit("/learning/themes");
        assertThat(page.locator("table").textContent()).contains("Voice of the child");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a theme"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        button("Add theme").click();
        page.waitForLoadState();
        assertThat(page.locator(".govuk-error-summary").textContent()).contains("Enter the theme");
        assertAccessible();
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
