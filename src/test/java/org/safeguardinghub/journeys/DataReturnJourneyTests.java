package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.returns.Channel;
import org.safeguardinghub.performance.returns.DataReturns;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The police lead sends a month's return as a spreadsheet: downloads the template, uploads it with a bad cell, sees
 * the problem, fixes and uploads it, submits; the business team sends it back with a comment, the lead resubmits and
 * the business team accepts it.
 */
class DataReturnJourneyTests extends BrowserJourney {

    @Autowired
    DataReturns returns;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void policeLeadSendsAReturnThatTheBusinessTeamSendsBackAndThenAccepts() throws Exception {
        long police = jdbc.sql("select id from agency where name = 'Kent Police'")
                .query(Long.class)
                .single();
        LocalDate month = freshMonth(police);
        Actor lead = (Actor) principals.loadUserByUsername(DemoAccounts.POLICE_LEAD);
        long id = returns.save(lead, police, Frequency.MONTHLY, month, List.of(), Map.of(), Channel.FORM, false)
                .returnId();
        String label = Period.endingOn(Frequency.MONTHLY, month).label();

        signIn(DemoAccounts.POLICE_LEAD, DemoAccounts.PASSWORD);
        visit("/returns/" + id);
        assertThat(page.content()).contains("Kent Police").contains(label);

        Download download =
                page.waitForDownload(() -> page.locator("#template-csv").click());
        String template =
                Files.readString(download.path(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        String good = fill(template, false);
        String bad = fill(template, true);

        upload("return-bad.csv", bad);
        assertThat(page.content()).contains("Row 2, column value");
        assertAccessible();
        upload("return.csv", good);
        assertThat(page.content()).contains("saved the draft");
        assertAccessible();

        submitWithCommentary();
        assertThat(page.locator("#return-status").textContent()).isEqualTo("Submitted");

        // the business team, in its own browser
        Page leadPage = page;
        BrowserContext business = browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        try {
            page = business.newPage();
            signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
            visit("/returns?period=" + month);
            assertThat(page.content()).contains("Monthly return for " + label);
            visit("/returns/" + id);
            page.locator("#review-comment").fill("Please check the custody figure against the custody records");
            page.locator("#send-back").click();
            page.waitForLoadState();
            assertThat(page.locator("#return-status").textContent()).isEqualTo("Returned with comment");
            assertAccessible();

            page = leadPage;
            visit("/returns/" + id);
            assertThat(page.content()).contains("Please check the custody figure against the custody records");
            submitWithCommentary();
            assertThat(page.locator("#return-status").textContent()).isEqualTo("Submitted");

            page = business.pages().get(0);
            visit("/returns/" + id);
            page.locator("#accept-return").click();
            page.waitForLoadState();
            assertThat(page.locator("#return-status").textContent()).isEqualTo("Accepted");
            assertThat(page.content()).contains("and is locked");
            assertAccessible();

            // the scorecard, where it exists, still renders with the accepted figures
            var scorecard = page.navigate("/performance");
            if (scorecard != null && scorecard.status() == 200) {
                assertAccessible();
            }
        } finally {
            page = leadPage;
            business.close();
        }
    }

    private void submitWithCommentary() {
        page.locator("#submit-return").click();
        page.waitForLoadState();
        Locator commentary = page.locator("textarea[id^='commentary-']");
        if (commentary.count() > 0) {
            assertAccessible();
            for (int i = 0; i < commentary.count(); i++) {
                commentary.nth(i).fill("Journey commentary on a red indicator");
            }
            page.locator("#submit-return").click();
            page.waitForLoadState();
        }
        assertAccessible();
    }

    private void upload(String name, String csv) {
        page.locator("#upload-file")
                .setInputFiles(new FilePayload(name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.locator("#upload-button").click();
        page.waitForLoadState();
    }

    /** Fills every total with 5 and a comment (so no figure needs explaining); optionally spoils the first. */
    private static String fill(String template, boolean spoil) {
        StringBuilder out = new StringBuilder();
        String[] lines = template.split("\r?\n");
        out.append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length >= 6 && cells[2].isEmpty()) {
                cells[4] = spoil && i == 1 ? "five" : "5";
                cells[5] = "Journey figure";
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    private LocalDate freshMonth(long agency) {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            LocalDate end = Period.containing(
                            Frequency.MONTHLY, LocalDate.of(2015 + random.nextInt(9), 1 + random.nextInt(12), 1))
                    .end();
            long n = jdbc.sql("select count(*) from data_return where agency_id = :a and period_end = :e"
                            + " and frequency = 'MONTHLY'")
                    .param("a", agency)
                    .param("e", end)
                    .query(Long.class)
                    .single();
            if (n == 0) {
                return end;
            }
        }
        throw new IllegalStateException("No free month for the journey");
    }
}
