package testsupport.oidc;

import java.net.URI;
import java.util.Objects;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider (Spring Authorization Server) running in its own application context on a random
 * port of {@code 127.0.0.1}, for tests that sign in to the Hub through OIDC over real HTTP.
 *
 * <p>It lives outside {@code org.safeguardinghub} so the Hub's component scan and Spring Modulith never see it. It
 * has no database and loads none of the Hub's configuration files: its settings are given here as command-line
 * arguments, so nothing in the Hub's {@code application.yml} or test properties can apply to it.
 */
public final class TestAuthorizationServer implements AutoCloseable {

    public static final String CLIENT_ID = "safeguarding-hub";
    public static final String CLIENT_SECRET = "hub-client-secret";
    /** The password of every user at the provider. */
    public static final String PASSWORD = "idp-password";
    /** Browsers key cookies by host, not port: the provider's session cookie must not collide with the Hub's. */
    public static final String SESSION_COOKIE = "AUTHSESSION";

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private TestAuthorizationServer(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.issuer = "http://127.0.0.1:" + port;
    }

    /**
     * Starts a provider whose users sign in with their email address and {@link #PASSWORD}; each user's ID token
     * carries that address as a verified {@code email} claim.
     */
    public static TestAuthorizationServer start(String... userEmails) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthorizationServerConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .run(
                        // a configuration name with no files: none of the Hub's application.yml/properties apply
                        "--spring.config.name=oidc-test-authorization-server",
                        // the Hub's EmbeddedDatabase post-processor starts PostgreSQL only when no URL is set
                        "--spring.datasource.url=jdbc:none",
                        "--spring.main.banner-mode=off",
                        "--spring.jmx.enabled=false",
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--server.servlet.session.cookie.name=" + SESSION_COOKIE,
                        "--" + AuthorizationServerConfiguration.USERS_PROPERTY + "=" + String.join(",", userEmails));
        return new TestAuthorizationServer(context);
    }

    /** {@code http://127.0.0.1:<port>}: one host for discovery, the back channel and browser redirects alike. */
    public String issuer() {
        return issuer;
    }

    /**
     * Registers the Hub as a confidential client that may redirect only to {@code redirectUri}, which is known
     * once the Hub listens on its random port.
     */
    public void registerClient(URI redirectUri) {
        context.getBean(HubClientRepository.class)
                .register(Objects.requireNonNull(redirectUri).toString());
    }

    @Override
    public void close() {
        context.close();
    }
}
