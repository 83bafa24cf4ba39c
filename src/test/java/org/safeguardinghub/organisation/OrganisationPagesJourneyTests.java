package org.safeguardinghub.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business team's journey through the organisation pages in real Chromium: every page, including forms showing
 * their errors, passes an axe WCAG 2.2 AA scan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationPagesJourneyTests {

    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getenv().getOrDefault("HUB_CHROMIUM", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void everyOrganisationPageIsAccessible() throws Exception {
        try (BrowserContext context =
                browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port))) {
            Page page = context.newPage();
            try {
                journey(page);
            } catch (AssertionError | RuntimeException e) {
                Files.createDirectories(Path.of("target", "journeys"));
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "journeys", "organisation-pages.png"))
                        .setFullPage(true));
                throw e;
            }
        }
    }

    private void journey(Page page) {
        page.navigate("/sign-in");
        page.getByLabel("Email address").fill(DemoAccounts.BUSINESS);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(DemoAccounts.PASSWORD);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForLoadState();

        long district = id(
                "select d.id from district d join partnership p on p.id = d.partnership_id where p.short_name = 'KSCMP' and d.name = 'Dover'");
        long area = id(
                "select a.id from area a join partnership p on p.id = a.partnership_id where p.short_name = 'KSCMP' and a.name = 'East Kent'");
        long kent = id("select id from partnership where short_name = 'KSCMP'");
        long board = id("select g.id from partnership_group g where g.partnership_id = " + kent
                + " and g.name = 'Scrutiny and Challenge Group'");

        for (String path : List.of(
                "/agencies",
                "/agencies?type=POLICE&archived=true",
                "/agencies/1",
                "/agencies/1/edit",
                "/partnerships",
                "/partnerships/" + kent,
                "/partnerships/" + kent + "/edit",
                "/partnerships/new",
                "/districts",
                "/districts/" + district,
                "/districts/" + district + "/edit",
                "/districts/new",
                "/areas",
                "/areas/" + area,
                "/areas/" + area + "/edit",
                "/areas/new",
                "/groups",
                "/groups/" + board,
                "/groups/" + board + "/edit",
                "/groups/new")) {
            visit(page, path);
        }

        // forms showing their errors
        visit(page, "/agencies/new");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add agency"))
                .click();
        page.waitForLoadState();
        assertThat(page.content()).contains("There is a problem");
        assertAccessible(page);

        // a group with a member who joined and then left
        String group = "Accessibility Group " + UUID.randomUUID().toString().substring(0, 8);
        visit(page, "/groups/new");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(group);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add group"))
                .click();
        page.waitForLoadState();
        assertThat(page.locator("h1").textContent()).isEqualTo(group);
        assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a member"))
                .click();
        page.waitForLoadState();
        assertAccessible(page);
        page.getByLabel("Full name", new Page.GetByLabelOptions().setExact(true))
                .fill("Alex Example");
        page.getByLabel("Chair", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("#joinedOn-day").fill("10");
        page.locator("#joinedOn-month").fill("5");
        page.locator("#joinedOn-year").fill("2024");
        page.locator("#leftOn-day").fill("1");
        page.locator("#leftOn-month").fill("5");
        page.locator("#leftOn-year").fill("2024");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member"))
                .click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Date left must be the same as or after the date joined");
        assertAccessible(page);
        page.locator("#leftOn-day").fill("");
        page.locator("#leftOn-month").fill("");
        page.locator("#leftOn-year").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member"))
                .click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Alex Example", "Chair");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Alex Example"))
                .click();
        page.waitForLoadState();
        assertAccessible(page);
        page.goBack();
        page.waitForLoadState();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mark as left"))
                .click();
        page.waitForLoadState();
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as left"))
                .click();
        page.waitForLoadState();
        assertThat(page.content()).contains("marked as left");
        assertAccessible(page);
    }

    private void visit(Page page, String path) {
        page.navigate(path);
        assertThat(page.locator("h1").count()).as(path).isEqualTo(1);
        assertAccessible(page);
    }

    private static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(AXE_TAGS).analyze();
        String problems = results.getViolations().stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(results.getViolations())
                .as("axe violations on %s:%n%s", page.url(), problems)
                .isEmpty();
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
