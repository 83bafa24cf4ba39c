package org.safeguardinghub.resilience;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safeguardinghub.support.Chromium;

/**
 * The browser half of scripts/two-nodes.sh: real Debian Chromium driven by Playwright against two Hub nodes behind
 * haproxy. Not a test class (the suite does not run it); the script runs it with the test classpath.
 *
 * <pre>
 * TwoNodeChecks edits    PROXY_URL NODE1_URL NODE2_URL OUT_DIR
 * TwoNodeChecks failover PROXY_URL NODE1_PID NODE2_PID OUT_DIR
 * </pre>
 *
 * <ul>
 *   <li>{@code edits}: the business team opens a recommendation's edit page on node 1 and the administrator the
 *       same page on node 2; the business team saves first, then the administrator. The second save must answer 409
 *       with the conflict message and the first person's text in the form, and the record must show the first
 *       text. Writes the record id and the expected text to OUT_DIR/edits.properties for the script's database
 *       check.
 *   <li>{@code failover}: the business team signs in through the proxy and opens pages; haproxy names the node that
 *       answered in X-Served-By. The node that served the last page is killed with SIGKILL; the journey must go on
 *       signed in through the other node: pages load (not the sign-in page) and a form is submitted.
 * </ul>
 *
 * Prints one PASS or FAIL line per check (and the steps before it) and exits 1 on any FAIL.
 */
public final class TwoNodeChecks {

    private static final String PASSWORD = "demo-hub-2026";
    private static final String BUSINESS = "business@example.org";
    private static final String ADMIN = "admin@example.org";

    private final Path out;
    private final Browser browser;
    private boolean failed;

    private TwoNodeChecks(Browser browser, Path out) {
        this.browser = browser;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: TwoNodeChecks edits PROXY NODE1_URL NODE2_URL OUT_DIR"
                    + " | failover PROXY NODE1_PID NODE2_PID OUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[4]);
        Files.createDirectories(out);
        boolean failed;
        try (Playwright playwright = Chromium.playwright()) {
            Browser browser = Chromium.launch(playwright);
            TwoNodeChecks checks = new TwoNodeChecks(browser, out);
            switch (args[0]) {
                case "edits" -> checks.concurrentEdits(args[2], args[3]);
                case "failover" -> checks.failover(args[1], Long.parseLong(args[2]), Long.parseLong(args[3]));
                default -> throw new IllegalArgumentException("Unknown check " + args[0]);
            }
            failed = checks.failed;
            browser.close();
        }
        System.exit(failed ? 1 : 0);
    }

    // ---- c. concurrent edits ----

    private void concurrentEdits(String node1, String node2) throws Exception {
        String check = "c. concurrent edits on two nodes";
        try (BrowserContext first = context(node1);
                BrowserContext second = context(node2)) {
            Page business = first.newPage();
            Page admin = second.newPage();
            signIn(business, BUSINESS);
            signIn(admin, ADMIN);

            business.navigate("/learning/recommendations");
            String link = business.locator("a[href^='/learning/recommendations/']")
                    .evaluateAll("links => links.map(a => a.getAttribute('href'))"
                            + ".find(h => /^\\/learning\\/recommendations\\/\\d+$/.test(h))")
                    .toString();
            long id = Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
            String edit = "/learning/recommendations/" + id + "/edit";
            business.navigate(edit);
            admin.navigate(edit);
            say("both opened " + edit + " (business team on node 1, administrator on node 2)");

            String stamp = Long.toString(System.currentTimeMillis(), 36);
            // one line each, so the script can compare the stored text exactly
            String firstText = "Two-node check " + stamp + ": saved first by the business team.";
            String secondText = "Two-node check " + stamp + ": saved second by the administrator.";
            business.locator("textarea[name=text]").fill(firstText);
            admin.locator("textarea[name=text]").fill(secondText);

            int firstStatus = save(business, edit);
            int secondStatus = save(admin, edit);
            String secondPage = admin.content();
            String shownToSecond = admin.locator("textarea[name=text]").inputValue();
            say("first save " + firstStatus + ", second save " + secondStatus);
            screenshot(admin, "edits-conflict");

            business.navigate("/learning/recommendations/" + id);
            boolean firstStored = business.content().contains(firstText);
            Files.writeString(out.resolve("edits.properties"), "id=" + id + "\nexpected=" + firstText + "\n");

            List<String> problems = new ArrayList<>();
            if (firstStatus != 302 && firstStatus != 200) {
                problems.add("the first save answered " + firstStatus);
            }
            if (secondStatus != 409) {
                problems.add("the second save answered " + secondStatus + ", not 409");
            }
            if (!secondPage.contains("changed by someone else")) {
                problems.add("the second user saw no conflict message");
            }
            if (!shownToSecond.equals(firstText)) {
                problems.add("the second user's form does not show the first user's text");
            }
            if (!firstStored) {
                problems.add("the recommendation page does not show the first user's text");
            }
            result(
                    check,
                    problems,
                    "second save 409 with \"changed by someone else\" and the first text shown; first text kept");
        }
    }

    /** Clicks Save changes and returns the status of the form's POST (302 when it redirects). */
    private static int save(Page page, String action) {
        Response response = page.waitForResponse(
                r -> r.url().endsWith(action) && r.request().method().equals("POST"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes"))
                        .click());
        if (response.status() == 302) { // wait for the page it redirects to, not just the POST's answer
            page.waitForURL(url -> !url.endsWith(action));
        }
        page.waitForLoadState();
        return response.status();
    }

    // ---- a. fail-over ----

    private void failover(String proxy, long node1Pid, long node2Pid) throws Exception {
        String check = "a. browser journey survives SIGKILL of the node that served it";
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = context(proxy)) {
            Page page = context.newPage();
            signIn(page, BUSINESS);
            String lastNode = null;
            for (String path : List.of("/", "/section11", "/learning/recommendations", "/performance")) {
                Served served = open(page, path);
                say("before: " + path + " " + served);
                if (!served.signedIn()) {
                    problems.add(path + " before the kill was not a signed-in page");
                }
                lastNode = served.node() != null ? served.node() : lastNode;
            }
            if (lastNode == null) {
                result(check, List.of("haproxy sent no X-Served-By header"), "");
                return;
            }
            long victim = lastNode.equals("node1") ? node1Pid : node2Pid;
            String survivor = lastNode.equals("node1") ? "node2" : "node1";
            Optional<ProcessHandle> process = ProcessHandle.of(victim);
            process.ifPresent(ProcessHandle::destroyForcibly); // SIGKILL on Linux
            if (process.isPresent()) {
                process.get().onExit().get();
            }
            say("killed " + lastNode + " (pid " + victim + ") with SIGKILL");

            for (String path : List.of("/", "/learning/recommendations", "/section11", "/")) {
                Served served = open(page, path);
                say("after:  " + path + " " + served);
                if (!served.signedIn()) {
                    problems.add(path + " after the kill was not a signed-in page (" + served + ")");
                }
                if (served.node() != null && !served.node().equals(survivor)) {
                    problems.add(path + " after the kill was served by " + served.node());
                }
            }
            // a form: save a recommendation unchanged; the redirect lands on its page with the "updated" banner
            page.navigate("/learning/recommendations");
            String link = page.locator("a[href^='/learning/recommendations/']")
                    .evaluateAll("links => links.map(a => a.getAttribute('href'))"
                            + ".find(h => /^\\/learning\\/recommendations\\/\\d+$/.test(h))")
                    .toString();
            String edit = link + "/edit";
            page.navigate(edit);
            int status = save(page, edit);
            boolean updated = page.content().contains("updated");
            say("after:  form POST " + edit + " answered " + status + ", banner shown: " + updated);
            if (status != 302 || !updated || !page.url().endsWith(link)) {
                problems.add("the form submitted after the kill answered " + status + " at " + page.url());
            }
            screenshot(page, "failover-after");
            result(
                    check,
                    problems,
                    "signed in through the proxy, killed " + lastNode + ", 4 pages and a form" + " on " + survivor);
        }
    }

    private record Served(
            int status, @org.jspecify.annotations.Nullable String node, boolean signedIn) {
        @Override
        public String toString() {
            return status + " from " + node + (signedIn ? ", signed in" : ", NOT signed in");
        }
    }

    private static Served open(Page page, String path) {
        Response response = page.navigate(path);
        page.waitForLoadState();
        boolean signedIn = response != null
                && response.status() == 200
                && !page.url().contains("/sign-in")
                && page.locator("button:has-text('Sign out')").count() > 0;
        return new Served(
                response == null ? 0 : response.status(),
                response == null ? null : response.headers().get("x-served-by"),
                signedIn);
    }

    // ---- shared ----

    private BrowserContext context(String baseUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl));
        context.setDefaultTimeout(Duration.ofSeconds(60).toMillis());
        return context;
    }

    private static void signIn(Page page, String email) {
        page.navigate("/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        try {
            page.waitForURL(url -> !url.contains("/sign-in"));
        } catch (RuntimeException timedOut) {
            // reported below with the page it stayed on
        }
        page.waitForLoadState();
        if (page.url().contains("/sign-in")) {
            throw new IllegalStateException("Could not sign in as " + email + " at " + page.url());
        }
    }

    private void result(String check, List<String> problems, String detail) {
        if (problems.isEmpty()) {
            System.out.println("PASS " + check + ": " + detail);
        } else {
            failed = true;
            System.out.println("FAIL " + check + ": " + String.join("; ", problems));
        }
    }

    private void screenshot(Page page, String name) {
        try {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(out.resolve(name + ".png"))
                    .setFullPage(true));
        } catch (RuntimeException e) {
            say("no screenshot: " + e.getMessage());
        }
    }

    private static void say(String line) {
        System.out.println("  " + line);
    }
}
