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
import java.util.Locale;
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
 * the business team accepts it. Then the business team sees the accepted figures at work: the scorecard for that
 * month shows the indicators computed from them and the indicator page lists the month in its data table. The
 * month is years before the regular monthly history, so early warning (which charts only the latest regular stretch
 * and tags only episodes reaching the latest periods) leaves the row untagged.
 *
 * <p>The figures are chosen so that only this return can explain what the pages show. Kent Police's three items
 * each feed one indicator of the Kent catalogue ({@code kent.yml}), each a COUNT with LATEST aggregation, so the
 * indicator's value for the month is the figure itself: domestic abuse notifications about children
 * ({@code da_notifications_child}), children in police custody and section 46 police protections. The domestic
 * abuse figure is a random number in the thousands, never seen before, against a fictional history of about 70 a
 * month; the chosen month (2015 to 2019) comes years before that history, so it is not on the control chart at all:
 * the chart takes only the latest regular stretch of months.
 */
class DataReturnJourneyTests extends BrowserJourney {

    @Autowired
    DataReturns returns;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    // the indicator the journey's spike feeds and its name in the catalogue, then the other two police indicators
    static final String DA_CODE = "da_notifications_child";
    static final String DA_NAME = "Domestic abuse notifications about children";
    static final String CUSTODY_CODE = "children_in_custody";
    static final String PROTECTIONS_CODE = "police_protections";

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
        // a figure in the thousands no earlier run or demo month can have produced, and two small distinct ones
        int spike = 3000 + new Random().nextInt(7000);
        Map<String, Integer> figures = Map.of(DA_CODE, spike, CUSTODY_CODE, 11, PROTECTIONS_CODE, 4);

        signIn(DemoAccounts.POLICE_LEAD, DemoAccounts.PASSWORD);
        visit("/returns/" + id);
        assertThat(page.content()).contains("Kent Police").contains(label);

        Download download =
                page.waitForDownload(() -> page.locator("#template-csv").click());
        String template =
                Files.readString(download.path(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        String good = fill(template, figures, false);
        String bad = fill(template, figures, true);

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

            seeAcceptedFiguresOnScorecard(month, label, spike);
            seeMonthOnIndicatorPage(label, spike);
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

    /**
     * The scorecard for the return's month (the filter form's GET): each police indicator shows the figure sent for
     * that month; the domestic abuse spike, years before the monthly history, carries no early-warning marker.
     */
    private void seeAcceptedFiguresOnScorecard(LocalDate month, String label, int spike) {
        visit("/performance?period=" + month);
        assertThat(page.locator("h1").textContent()).contains("Scorecard");
        assertThat(latestValue(DA_CODE)).isEqualTo(thousands(spike));
        assertThat(latestValue(CUSTODY_CODE)).isEqualTo("11");
        assertThat(latestValue(PROTECTIONS_CODE)).isEqualTo("4");
        for (String code : List.of(DA_CODE, CUSTODY_CODE, PROTECTIONS_CODE)) {
            assertThat(page.locator("#row-" + code + " td").first().textContent())
                    .as("period of %s on the scorecard", code)
                    .contains(label);
        }
        assertThat(page.locator("#row-" + DA_CODE + " a[href='/performance/early-warning#" + DA_CODE + "']")
                        .count())
                .isZero();
    }

    /** The latest value cell of a scorecard row, exactly as shown. */
    private String latestValue(String code) {
        return page.locator("#row-" + code + " td strong").first().textContent().trim();
    }

    /** The indicator page lists the month in its data table with the accepted figure, as published, not fictional. */
    private void seeMonthOnIndicatorPage(String label, int spike) {
        page.locator("#row-" + DA_CODE + " th a[href='/performance/indicators/" + DA_CODE + "']")
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("h1").textContent()).contains(DA_NAME);
        Locator cells = page.locator("#series-table tbody tr:has(th:text-is('" + label + "')) td");
        assertThat(cells.count())
                .as("cells of the %s row in the indicator's table", label)
                .isEqualTo(7);
        assertThat(cells.nth(0).textContent().trim()).as("value").isEqualTo(thousands(spike));
        assertThat(cells.nth(1).textContent().trim()).as("count").isEqualTo(thousands(spike));
        assertThat(cells.nth(3).textContent().trim()).as("as first published").isEqualTo(thousands(spike));
        assertThat(cells.nth(5).textContent().trim()).as("fictional").isEqualTo("No");
    }

    private static String thousands(int value) {
        return String.format(Locale.UK, "%,d", value);
    }

    /**
     * Fills every total with its item's figure (5 for any item not named) and a comment, so no figure needs
     * explaining; optionally spoils the first.
     */
    private static String fill(String template, Map<String, Integer> figures, boolean spoil) {
        StringBuilder out = new StringBuilder();
        String[] lines = template.split("\r?\n");
        out.append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length >= 6 && cells[2].isEmpty()) {
                cells[4] = spoil && i == 1 ? "five" : String.valueOf(figures.getOrDefault(cells[0], 5));
                cells[5] = "Journey figure";
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    /**
     * A month from 2015 to 2019, before the demo's fictional police history (April 2021 on), with no return of the
     * agency and none of its figures either (Kent's published custody and police protection figures of 2019-20 have
     * no return, and a journey must not overwrite them).
     */
    private LocalDate freshMonth(long agency) {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            LocalDate end = Period.containing(
                            Frequency.MONTHLY, LocalDate.of(2015 + random.nextInt(5), 1 + random.nextInt(12), 1))
                    .end();
            long n = jdbc.sql("""
                            select (select count(*) from data_return where agency_id = :a and period_end = :e
                                      and frequency = 'MONTHLY')
                                 + (select count(*) from data_value where agency_id = :a and period_end = :e)""")
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
