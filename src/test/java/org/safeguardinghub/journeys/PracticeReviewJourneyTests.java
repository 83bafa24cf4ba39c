package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The business team takes a practice review from commissioning to publication in real Chromium: commissions it
 * (first leaving the form empty to see the errors), records a panel meeting with its agenda and downloads it again,
 * tries to sign off too early, records the draft and final reports, signs off and publishes anonymised; the list then
 * shows the review as published. Every page passes an axe WCAG 2.2 AA scan.
 */
class PracticeReviewJourneyTests extends BrowserJourney {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Clock clock;

    @Test
    void theBusinessTeamTakesAReviewFromCommissioningToPublication() throws Exception {
        String title = "Child J " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(clock);
        Path agenda = Files.createTempFile("agenda", ".pdf");
        Files.write(agenda, PDF);

        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit("/reviews");
        button("Commission a practice review").click();
        page.waitForLoadState();
        assertAccessible();

        // the form refuses an empty title and says so in the error summary
        page.locator("#commissionedOn-day").fill("");
        page.locator("#commissionedOn-month").fill("");
        page.locator("#commissionedOn-year").fill("");
        button("Commission review").click();
        page.waitForLoadState();
        assertThat(page.locator(".govuk-error-summary").textContent())
                .contains("Enter the review's title")
                .contains("Select the type of review")
                .contains("Enter the date commissioned");
        assertAccessible();

        page.getByLabel("Title").fill(title);
        page.getByLabel("Type of review").selectOption("LCSPR");
        date("commissionedOn", today);
        page.getByLabel("Reviewer or reviewers (optional)").fill("Independent reviewer");
        page.getByLabel("Terms of reference (optional)").fill("Agency involvement in the year before the incident.");
        button("Commission review").click();
        page.waitForLoadState();
        assertThat(page.locator("h1").textContent()).isEqualTo(title);
        assertThat(page.content()).contains("Practice review commissioned").contains("On track");
        assertAccessible();

        // the details can be changed on their own page
        button("Change review details").click();
        page.waitForLoadState();
        assertThat(page.locator("h1").textContent()).isEqualTo("Change review details");
        assertAccessible();
        page.getByLabel("Reviewer or reviewers (optional)").fill("Independent reviewer and co-author");
        button("Save changes").click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Review details updated").contains("Independent reviewer and co-author");
        assertAccessible();

        // a panel meeting with its agenda, which downloads again as it was uploaded
        date("meetingOn", today);
        page.getByLabel("Notes (optional)").fill("Scoping meeting with the panel.");
        page.locator("#meetingAgenda").setInputFiles(agenda);
        button("Record meeting").click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Panel meeting of").contains("recorded");
        Locator agendaLink =
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agenda: " + agenda.getFileName()));
        assertThat(agendaLink.count()).isEqualTo(1);
        assertAccessible();
        Download download = page.waitForDownload(agendaLink::click);
        assertThat(Files.readAllBytes(download.path())).isEqualTo(PDF);

        // signing off before the final report is refused with the reason
        date("signedOffOn", today);
        page.getByLabel("Signed off by").fill("Safeguarding partners' executive");
        button("Sign off review").click();
        page.waitForLoadState();
        assertThat(page.locator(".govuk-error-summary").textContent())
                .contains("A review cannot be signed off before its final report is recorded");
        assertAccessible();

        date("draftOn", today);
        button("Record draft report").click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Draft report recorded");
        assertAccessible();

        date("finalOn", today);
        button("Record final report").click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Final report recorded");
        assertAccessible();

        date("signedOffOn", today);
        page.getByLabel("Signed off by").fill("Safeguarding partners' executive");
        button("Sign off review").click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Review signed off");
        assertAccessible();

        page.getByLabel("Published anonymised").check();
        date("publishedOn", today);
        button("Save publication").click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Review published").contains("Published on time");
        assertAccessible();

        visit("/reviews?status=PUBLISHED");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(title));
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.textContent()).contains("Published").contains("Published on time");
    }

    private Locator button(String name) {
        return page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(name).setExact(true))
                .or(page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)))
                .first();
    }

    private void date(String field, LocalDate on) {
        page.locator("#" + field + "-day").fill(String.valueOf(on.getDayOfMonth()));
        page.locator("#" + field + "-month").fill(String.valueOf(on.getMonthValue()));
        page.locator("#" + field + "-year").fill(String.valueOf(on.getYear()));
    }
}
