package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.safeguardinghub.support.Chromium;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser journeys: the Hub on a random port, real Debian Chromium driven by Playwright, an axe
 * WCAG 2.2 AA scan of every page a journey visits, and a screenshot under target/journeys when a journey fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserJourney.ScreenshotOnFailure.class)
abstract class BrowserJourney {

    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    String testName;

    @BeforeAll
    static void launch() throws Exception {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
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

    @BeforeEach
    void openContext(TestInfo info) {
        testName = info.getTestClass().map(Class::getSimpleName).orElse("journey") + "-"
                + info.getDisplayName().replaceAll("\\W+", "_");
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        page = context.newPage();
        ScreenshotOnFailure.current.set(this);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** Opens a path and checks the page for accessibility problems. */
    Page visit(String path) {
        page.navigate(path);
        assertAccessible();
        return page;
    }

    /** Runs axe on the current page and fails with every violation listed. */
    void assertAccessible() {
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

    /** Signs in through the sign-in page as a person would. */
    void signIn(String email, String password) {
        visit("/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForLoadState();
        assertAccessible();
    }

    void signOut() {
        if (page.locator("button:has-text('Sign out')").count() == 0) {
            page.navigate("/"); // error pages carry no account links: they must render even when the session cannot
        }
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForLoadState();
        assertThat(page.content()).contains("You have signed out");
        assertAccessible();
    }

    /** Keeps a screenshot of the page a journey failed on, for whoever reads the CI log. */
    static class ScreenshotOnFailure implements TestWatcher {
        static final ThreadLocal<BrowserJourney> current = new ThreadLocal<>();

        @Override
        public void testFailed(ExtensionContext ctx, Throwable cause) {
            BrowserJourney journey = current.get();
            if (journey != null && journey.page != null) {
                try {
                    Path dir = Path.of("target", "journeys");
                    Files.createDirectories(dir);
                    journey.page.screenshot(new Page.ScreenshotOptions()
                            .setPath(dir.resolve(journey.testName + ".png"))
                            .setFullPage(true));
                } catch (Exception e) {
                    System.err.println("Could not save a screenshot: " + e.getMessage());
                }
            }
        }
    }
}
