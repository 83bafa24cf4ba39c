package org.safeguardinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The database goes away: pages answer with the friendly 503 (no stack trace), readiness goes down, and when the
 * database comes back the Hub recovers by itself. The outage is made by refusing the application role's
 * connections and ending the ones it holds, which to the Hub looks exactly like a database that has gone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatabaseOutageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Value("${hub.database.embedded-port:0}")
    int embeddedPort;

    @AfterEach
    void restore() throws Exception {
        if (embeddedPort > 0) {
            superuser("alter role hub_app login");
        }
    }

    @Test
    void outageGivesFriendly503AndRecoversByItself() throws Exception {
        assumeTrue(embeddedPort > 0, "needs the embedded server's superuser to cut connections");
        var admin = SignedIn.as(principals, DemoAccounts.ADMIN);
        assertThat(mvc.perform(get("/").with(admin)).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        superuser("alter role hub_app nologin");
        superuser("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'hub_app'");

        var down = mvc.perform(get("/").with(admin)).andReturn().getResponse();
        assertThat(down.getStatus()).isEqualTo(503);
        assertThat(down.getContentAsString())
                .contains("Sorry, the service is unavailable")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        assertThat(mvc.perform(get("/actuator/health/readiness"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(503);

        superuser("alter role hub_app login");
        Instant back = Instant.now();
        int status = 0;
        while (Duration.between(back, Instant.now()).toSeconds() < 15 && status != 200) {
            status = mvc.perform(get("/").with(admin)).andReturn().getResponse().getStatus();
        }
        assertThat(status).isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health/readiness"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    private void superuser(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + embeddedPort + "/hub", "postgres", "");
                var st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
