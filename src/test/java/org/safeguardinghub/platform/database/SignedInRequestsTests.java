package org.safeguardinghub.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.oidc.Browser;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a signed-in request costs the database, over real HTTP with the sessions in PostgreSQL (nothing is timed).
 *
 * <p>A request holds at most one connection at a time, so more signed-in requests at once than the pool has
 * connections all succeed, waiting their turn. A request that held one connection while it waited for a second (to
 * load the session that its scope lookup needed) deadlocked the pool until its timeout: every request then failed
 * (issue 6, scripts/load-test.sh).
 *
 * <p>A read does not rewrite the session row unless its stored access time is a minute old (identity's
 * SessionStore), so a page view is not a write transaction, while a session in use is still kept alive.
 */
@SpringBootTest(
        webEnvironment = RANDOM_PORT,
        properties = {
            // four connections (the scheduled jobs that start with the Hub hold some for a while): requests that each
            // need a second one at once block each other for good; a long wait for a connection, so that queueing
            // behind the others on a busy machine is not mistaken for that
            "spring.datasource.hikari.maximum-pool-size=4",
            "spring.datasource.hikari.minimum-idle=4",
            "spring.datasource.hikari.connection-timeout=30000",
            // the tests share one database: a new context would otherwise republish every other test context's
            // outstanding event publications at start and handle them on these four connections while the requests run
            "spring.modulith.events.republish-outstanding-events-on-restart=false"
        })
class SignedInRequestsTests {

    private static final int CONCURRENT_REQUESTS = 16;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private URI hub() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Signs in with the form, as a browser does; returns the Cookie header of the signed-in session. */
    private String signIn(String email) {
        Browser browser = new Browser();
        Browser.Page signIn = browser.get(hub().resolve("/sign-in"));
        Browser.Page signedIn = browser.post(
                hub().resolve("/sign-in"),
                Map.of(
                        "username",
                        email,
                        "password",
                        DemoAccounts.PASSWORD,
                        "_csrf",
                        Browser.hiddenInput(signIn.body(), "_csrf")));
        assertThat(signedIn.location().getPath()).isNotEqualTo("/sign-in");
        return browser.cookies("127.0.0.1").entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private int get(String path, String cookie) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(hub().resolve(path))
                                .header("Cookie", cookie)
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private long storedLastAccess(String email) {
        return jdbc.sql("select last_access_time from spring_session where principal_name = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    @Test
    void aReadRewritesTheSessionOnlyWhenItsStoredAccessTimeIsAMinuteOld() throws Exception {
        String cookie = signIn(DemoAccounts.SCRUTINEER);
        assertThat(get("/", cookie)).isEqualTo(200);
        long afterFirstRead = storedLastAccess(DemoAccounts.SCRUTINEER);

        assertThat(get("/learning", cookie)).isEqualTo(200);
        assertThat(storedLastAccess(DemoAccounts.SCRUTINEER)).isEqualTo(afterFirstRead);

        long twoMinutesAgo = afterFirstRead - Duration.ofMinutes(2).toMillis();
        jdbc.sql("update spring_session set last_access_time = :t where principal_name = :email")
                .param("t", twoMinutesAgo)
                .param("email", DemoAccounts.SCRUTINEER)
                .update();
        assertThat(get("/learning", cookie)).isEqualTo(200);
        assertThat(storedLastAccess(DemoAccounts.SCRUTINEER)).isGreaterThanOrEqualTo(afterFirstRead);
        boolean expiryMoved = jdbc.sql("""
                        select expiry_time = last_access_time + max_inactive_interval * 1000::bigint
                        from spring_session where principal_name = :email""")
                .param("email", DemoAccounts.SCRUTINEER)
                .query(Boolean.class)
                .single();
        assertThat(expiryMoved).as("the expiry moves with the access time").isTrue();
    }

    @Test
    void moreConcurrentSignedInRequestsThanConnectionsAllSucceed() throws Exception {
        URI hub = hub();
        String cookie = signIn(DemoAccounts.BUSINESS);
        List<String> pages = List.of("/", "/learning", "/section11", "/cases");
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
                String page = pages.get(i % pages.size());
                answers.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<Void> response = http.send(
                            HttpRequest.newBuilder(hub.resolve(page))
                                    .header("Cookie", cookie)
                                    .timeout(Duration.ofSeconds(60))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    return page + " " + response.statusCode();
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> answer : answers) {
                results.add(answer.get());
            }
            assertThat(results).allSatisfy(result -> assertThat(result).endsWith(" 200"));
        } finally {
            pool.shutdownNow();
        }
    }
}
