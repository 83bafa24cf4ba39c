package org.safeguardinghub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.oidc.Browser;
import org.safeguardinghub.identity.oidc.Browser.Page;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testsupport.oidc.TestAuthorizationServer;

/**
 * Sign-in through a real OpenID provider (Spring Authorization Server, started here on its own port) with the
 * whole authorisation code flow over real HTTP: the Hub discovers the provider, sends the browser there, the
 * person signs in on the provider's own login form, and the Hub exchanges the code, checks the ID token and maps
 * the verified email address to a Hub account.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class OidcSignInTests {

    private static final String STRANGER = "stranger@example.org";
    private static final String PROVIDER_NAME = "Kent Test Identity";

    /** Started before the Hub's context, which reads the provider's discovery document as it starts. */
    private static final TestAuthorizationServer provider =
            TestAuthorizationServer.start(DemoAccounts.POLICE_LEAD, STRANGER);

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("hub.oidc.issuer-uri", provider::issuer);
        registry.add("hub.oidc.client-id", () -> TestAuthorizationServer.CLIENT_ID);
        registry.add("hub.oidc.client-secret", () -> TestAuthorizationServer.CLIENT_SECRET);
        registry.add("hub.oidc.display-name", () -> PROVIDER_NAME);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private URI hub;

    @BeforeEach
    void registerHubWithProvider() {
        // 127.0.0.1 for the Hub too: one host throughout, so both apps' cookies share one jar, as in a browser
        hub = URI.create("http://127.0.0.1:" + port);
        provider.registerClient(hub.resolve("/login/oauth2/code/oidc"));
    }

    @Test
    void theSignInPageOffersTheIdentityProvider() {
        Page page = new Browser().get(hub.resolve("/sign-in"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("href=\"/oauth2/authorization/oidc\"")
                .contains("Sign in with " + PROVIDER_NAME);
    }

    @Test
    void aPersonWithAHubAccountIsSignedInWithTheSameAccessAsAPasswordSignIn() {
        long before = oidcSignIns(DemoAccounts.POLICE_LEAD);
        Browser browser = new Browser();

        Page landing = signInAtProvider(browser, DemoAccounts.POLICE_LEAD);

        assertThat(landing.uri()).isEqualTo(hub.resolve("/"));
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.body()).contains("Sam Taylor");
        assertThat(browser.cookies("127.0.0.1"))
                .containsKeys("SESSION", TestAuthorizationServer.SESSION_COOKIE)
                .doesNotContainKey("JSESSIONID");

        // the same session keeps working, and the agency scope applies exactly as for a password sign-in
        Page home = browser.get(hub.resolve("/"));
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Sam Taylor");

        Page people = browser.get(hub.resolve("/people"));
        assertThat(people.status()).isEqualTo(200);
        List<String> agencies = agencyColumn(people.body());
        assertThat(agencies).isNotEmpty().allMatch("Kent Police"::equals);
        assertThat(people.body())
                .contains("Sam Taylor", "Casey Brown")
                .doesNotContain("Jordan Lee", "Alex Morgan", "Robin Patel");

        // an agency lead has no audit access, whichever way they signed in
        assertThat(browser.get(hub.resolve("/audit")).status()).isEqualTo(403);

        assertThat(oidcSignIns(DemoAccounts.POLICE_LEAD)).isEqualTo(before + 1);
    }

    @Test
    void aPersonWithoutAHubAccountIsTurnedAwayAndNotSignedIn() {
        Browser browser = new Browser();

        Page landing = signInAtProvider(browser, STRANGER);

        assertThat(landing.uri().getPath()).isEqualTo("/sign-in");
        assertThat(landing.uri().getQuery()).isEqualTo("noaccount");
        assertThat(landing.uri().getPort()).isEqualTo(port);
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.body()).contains("There is no Hub account for that sign-in");

        Page home = browser.get(hub.resolve("/"));
        assertThat(home.isRedirect()).as("GET / is redirected to sign in").isTrue();
        assertThat(home.location()).isEqualTo(hub.resolve("/sign-in"));
        assertThat(browser.get(hub.resolve("/people")).isRedirect()).isTrue();
        assertThat(jdbc.sql("select count(*) from app_user where lower(email) = :email")
                        .param("email", STRANGER)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * Starts at the Hub's "Sign in with" link, signs in on the provider's login form, and follows the redirects
     * back to the Hub until the page the Hub finally shows.
     */
    private Page signInAtProvider(Browser browser, String email) {
        Page signIn = browser.get(hub.resolve("/sign-in"));
        assertThat(signIn.body()).contains("/oauth2/authorization/oidc");

        // the Hub sends the browser to the provider's authorisation endpoint...
        Page toProvider = browser.get(hub.resolve("/oauth2/authorization/oidc"));
        assertThat(toProvider.isRedirect()).isTrue();
        URI authorize = toProvider.location();
        assertThat(authorize.toString()).startsWith(provider.issuer() + "/oauth2/authorize?");
        assertThat(authorize.getQuery())
                .contains("client_id=" + TestAuthorizationServer.CLIENT_ID)
                .contains("response_type=code")
                .contains("redirect_uri=" + hub.resolve("/login/oauth2/code/oidc"));

        // ...which asks an unknown browser to sign in there first
        Page login = browser.follow(browser.get(authorize));
        assertThat(login.uri().toString()).isEqualTo(provider.issuer() + "/login");
        assertThat(login.status()).isEqualTo(200);
        String csrf = Browser.hiddenInput(login.body(), "_csrf");

        Page afterLogin = browser.post(
                login.uri(), Map.of("username", email, "password", TestAuthorizationServer.PASSWORD, "_csrf", csrf));
        assertThat(afterLogin.isRedirect())
                .as("the provider accepted the password")
                .isTrue();
        assertThat(afterLogin.location().toString()).doesNotContain("error");

        // back to the provider's authorisation endpoint, then (no consent asked) to the Hub with a code
        Page landing = browser.follow(afterLogin);
        assertThat(browser.visited())
                .anySatisfy(uri ->
                        assertThat(uri.toString()).startsWith(hub.resolve("/login/oauth2/code/oidc") + "?code="));
        return landing;
    }

    private long oidcSignIns(String email) {
        return jdbc.sql("""
                        select count(*) from audit_event
                         where action = 'SIGN_IN'
                           and actor_user_id = (select id from app_user where lower(email) = :email)
                           and changes -> 'detail' ->> 'after' like '%OIDC%'
                        """).param("email", email).query(Long.class).single();
    }

    /** The Agency column of the People table. */
    private static List<String> agencyColumn(String html) {
        List<String> agencies = new ArrayList<>();
        Matcher row = Pattern.compile("<tr class=\"govuk-table__row\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        while (row.find()) {
            Matcher cell = Pattern.compile("<td class=\"govuk-table__cell\"[^>]*>(.*?)</td>", Pattern.DOTALL)
                    .matcher(row.group(1));
            List<String> cells = new ArrayList<>();
            while (cell.find()) {
                cells.add(cell.group(1).trim());
            }
            if (cells.size() >= 2) {
                agencies.add(cells.get(1));
            }
        }
        return agencies;
    }
}
