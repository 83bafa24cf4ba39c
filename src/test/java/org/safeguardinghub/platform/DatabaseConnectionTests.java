package org.safeguardinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Hub talks to the PostgreSQL it was told to: the external server when SPRING_DATASOURCE_URL is set (the second
 * run of scripts/test.sh), otherwise its own embedded one; always as the unprivileged application role, on a
 * PostgreSQL of version 15 or newer.
 */
@SpringBootTest
class DatabaseConnectionTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void connectsToTheConfiguredServerAsTheApplicationRole() {
        String external = System.getenv("SPRING_DATASOURCE_URL");
        int port = jdbc.sql("select current_setting('port')::int")
                .query(Integer.class)
                .single();
        if (external != null && !external.isBlank()) {
            int expected = URI.create(external.substring("jdbc:".length())).getPort();
            assertThat(port).as("port of the external server").isEqualTo(expected);
        }
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("hub_app");
        int version = jdbc.sql("select current_setting('server_version_num')::int")
                .query(Integer.class)
                .single();
        assertThat(version).isGreaterThanOrEqualTo(150000);
    }
}
