package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * month shows the indicators computed from them, the indicator page lists the month in its data table, and the
 * early-warning page explains the signal the journey's own figure raised.
 *
 * <p>The figures are chosen so that only this return can explain what the pages show. Kent Police's three items
 * each feed one indicator of the Kent catalogue ({@code kent.yml}), each a COUNT with LATEST aggregation, so the
 * indicator's value for the month is the figure itself: domestic abuse notifications about children
 * ({@code da_notifications_child}), children in police custody and section 46 police protections. The domestic
 * abuse figure is a random number in the thousands, never seen before, against a fictional history of about 70 a
 * month; the chosen month (2015 to 2019) comes before that history, so it is one of the first points of the control
 * chart's two-year baseline. It widens the limits but stays far above the upper one (with a baseline of the spike
 * and 23 months around 70 the upper limit is roughly 80 + 0.16 × the spike): a point outside the control limits.
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

    /** How long the early-warning scan (run after the accept transaction commits, off the request) may take. */
    static final Duration SCAN_WAIT = Duration.ofSeconds(30);

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

            long signal = awaitSpikeSignal(month);
            seeAcceptedFiguresOnScorecard(month, label, spike);
            seeMonthOnIndicatorPage(label, spike);
            seeSignalOnEarlyWarning(signal, label, spike);
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
     * that month, and the domestic abuse row carries the early-warning marker linking to its chart.
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
        Locator marker = page.locator("#row-" + DA_CODE + " a[href='/performance/early-warning#" + DA_CODE + "']");
        assertThat(marker.textContent()).contains("Early warning").contains("for " + DA_NAME);
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

    /**
     * The early-warning page (reached from the latest scorecard's marker) lists the journey's signal in plain words
     * (found by paging as a person would) and the chart's table marks the month.
     */
    private void seeSignalOnEarlyWarning(long signal, String label, int spike) {
        visit("/performance"); // the latest scorecard carries the marker too
        page.locator("#row-" + DA_CODE + " a[href='/performance/early-warning#" + DA_CODE + "']")
                .click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("h1").textContent()).isEqualTo("Early warning");
        Locator row = page.locator("#signal-" + signal);
        if (row.count() == 0 && page.locator(".govuk-pagination__item a").count() > 0) {
            // signals are listed newest period first and this one is years old: start from the last page
            page.locator(".govuk-pagination__item a").last().click();
            page.waitForLoadState();
            assertAccessible();
        }
        for (int pages = 1; row.count() == 0; pages++) {
            Locator previous = page.locator(".govuk-pagination__prev a");
            assertThat(previous.count())
                    .as("signal %d not on the last %d early-warning pages", signal, pages)
                    .isPositive();
            previous.click();
            page.waitForLoadState();
            assertAccessible();
        }
        Locator cells = row.locator("td");
        assertThat(cells.nth(0).textContent().trim()).isEqualTo(DA_NAME);
        assertThat(cells.nth(1).textContent().trim()).isEqualTo(label);
        assertThat(cells.nth(2).textContent())
                .contains("Outside the control limits")
                .contains("Up")
                .contains("Context");
        assertThat(cells.nth(3).textContent())
                .startsWith(DA_NAME + " in " + label + " (" + thousands(spike) + ") is above the upper control limit (")
                .contains("Ordinary month-to-month variation would very rarely produce this")
                .contains("Neither direction is better in itself for this indicator");
        Locator chartRow = page.locator("#table-" + DA_CODE + " tbody tr:has(th:text-is('" + label + "')) td");
        assertThat(chartRow.nth(0).textContent().trim()).isEqualTo(thousands(spike));
        assertThat(chartRow.nth(4).textContent()).contains("Outside the control limits (up)");
    }

    /**
     * The live "outside the control limits" signal of the domestic abuse indicator for the month. Accepting the
     * return recomputes the indicators in its transaction; the scan that finds signals runs after it commits, off
     * the request, so the journey waits for it (and fails with the chart's stored points if it never comes).
     */
    private long awaitSpikeSignal(LocalDate month) throws InterruptedException {
        long deadline = System.nanoTime() + SCAN_WAIT.toNanos();
        while (true) {
            Optional<Long> id = jdbc.sql("""
                            select s.id from spc_signal s join indicator i on i.id = s.indicator_id
                             join partnership p on p.id = s.partnership_id
                            where p.short_name = 'KSCMP' and i.code = :code and s.period_end = :month
                              and s.rule = 'OUTSIDE_LIMITS' and s.direction = 'UP' and s.cleared_at is null""")
                    .param("code", DA_CODE)
                    .param("month", month)
                    .query(Long.class)
                    .optional();
            if (id.isPresent()) {
                return id.get();
            }
            if (System.nanoTime() > deadline) {
                List<String> points =
                        jdbc.sql("""
                                select p.period_end || ' ' || p.value || ' [' || p.lower_limit || ', '
                                       || p.upper_limit || ']'
                                from spc_point p join indicator i on i.id = p.indicator_id
                                where i.code = :code and i.partnership_id = (select id from partnership
                                  where short_name = 'KSCMP') order by p.period_end limit 30""").param("code", DA_CODE).query(String.class).list();
                throw new AssertionError("No early-warning signal for " + DA_CODE + " " + month + " within " + SCAN_WAIT
                        + "; chart points: " + points);
            }
            Thread.sleep(200);
        }
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
