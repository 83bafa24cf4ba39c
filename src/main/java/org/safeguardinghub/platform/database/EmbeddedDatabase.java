package org.safeguardinghub.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Starts a real, embedded PostgreSQL server when no external database is configured.
 *
 * <p>It runs before the application context is built, so everything else (the connection pool, Flyway, Spring
 * Session) is configured exactly as for an external server. The data directory persists under {@code ./var}
 * (or {@code HUB_DATA_DIR}) so a restart keeps every record. Two roles are created, mirroring production: {@code
 * hub_owner} owns the schema and runs migrations; {@code hub_app} is what the application connects as, so it
 * cannot alter tables, bypass row-level security or rewrite the audit trail.
 */
public class EmbeddedDatabase implements EnvironmentPostProcessor, Ordered {

    public static final String OWNER_ROLE = "hub_owner";
    public static final String APP_ROLE = "hub_app";
    private static final String DATABASE = "hub";
    private static final Map<Path, EmbeddedPostgres> running = new HashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return; // an external PostgreSQL is configured: leave it alone
        }
        boolean ephemeral = environment.getProperty("hub.database.ephemeral", Boolean.class, false);
        Path dataDir = Path.of(environment.getProperty("hub.data-dir", "./var"))
                .toAbsolutePath()
                .normalize()
                .resolve(ephemeral ? "pgdata-test-" + ProcessHandle.current().pid() : "pgdata");
        EmbeddedPostgres postgres = start(dataDir, ephemeral);
        if (!ephemeral) {
            // Stop PostgreSQL as the very last step of closing the application (registered first, so destroyed
            // last), after the pool and the event registry have finished their shutdown work.
            var ownedByContext = new java.util.concurrent.atomic.AtomicBoolean();
            application.addInitializers(context -> {
                if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                    registry.registerDisposableBean("embeddedPostgresServer", () -> stop(postgres, dataDir, false));
                    ownedByContext.set(true);
                }
            });
            // fallback for a start that failed before any context existed
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!ownedByContext.get()) {
                    stop(postgres, dataDir, false);
                }
            }));
        }
        int port = postgres.getPort();
        String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", APP_ROLE);
        props.put("spring.datasource.password", "");
        props.put("spring.flyway.url", url);
        props.put("spring.flyway.user", OWNER_ROLE);
        props.put("spring.flyway.password", "");
        props.put("hub.database.embedded-port", port);
        environment.getPropertySources().addFirst(new MapPropertySource("hubEmbeddedDatabase", props));
    }

    private static synchronized EmbeddedPostgres start(Path dataDir, boolean ephemeral) {
        EmbeddedPostgres existing = running.get(dataDir);
        if (existing != null) {
            return existing; // tests build several contexts in one JVM; they share one server
        }
        try {
            Files.createDirectories(dataDir.getParent());
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(ephemeral)
                    .setRegisterShutdownHook(false) // we decide when it stops: after the application has closed
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
            if (!ephemeral) {
                // zonky is tuned for throwaway test databases (fsync and synchronous commit off); a persistent
                // Hub database must survive a crash or power cut with every acknowledged change, so turn them on
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            createRolesAndDatabase(postgres);
            running.put(dataDir, postgres);
            if (ephemeral) {
                // test JVMs share one server between several application contexts: stop it when the JVM exits
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres, dataDir, true)));
            }
            // logging is not set up yet this early, so say it on the console: backups need the port
            System.out.println("Embedded PostgreSQL running on port " + postgres.getPort()
                    + " (database hub) with data in " + dataDir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static void createRolesAndDatabase(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var st = c.createStatement()) {
            st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + OWNER_ROLE
                    + "') then create role " + OWNER_ROLE + " login; end if; if not exists (select from pg_roles"
                    + " where rolname = '" + APP_ROLE + "') then create role " + APP_ROLE + " login; end if; end $$");
            try (var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL roles", e);
        }
        try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection();
                var st = c.createStatement()) {
            // PostgreSQL 15+ no longer lets every role create objects in public; the owner needs it.
            st.execute("alter schema public owner to " + OWNER_ROLE);
            st.execute("grant usage on schema public to " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL schema", e);
        }
    }

    private static synchronized void stop(EmbeddedPostgres postgres, Path dataDir, boolean ephemeral) {
        if (running.remove(dataDir) == null) {
            return; // already stopped
        }
        try {
            postgres.close();
            if (ephemeral) {
                FileSystemUtils.deleteRecursively(dataDir);
            }
        } catch (IOException e) {
            // the JVM is exiting; nothing more useful to do than say so
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    @Override
    public int getOrder() {
        // after config files are read (so hub.data-dir and spring.datasource.url are known)
        return Ordered.LOWEST_PRECEDENCE;
    }
}
