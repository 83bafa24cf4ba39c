package org.safeguardinghub.platform.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the application connects as a role that owns tables or bypasses row-level security: such a
 * role would silently switch off the second line of agency scoping and could rewrite the audit trail. The fix is to
 * run migrations as a separate owner role (README, "Production").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApplicationRoleCheck implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final boolean allowOwner;

    ApplicationRoleCheck(JdbcClient jdbc, @Value("${hub.database.allow-owner-role:false}") boolean allowOwner) {
        this.jdbc = jdbc;
        this.allowOwner = allowOwner;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean privileged = jdbc.sql("""
                        select exists (select 1 from pg_tables where schemaname = 'public' and tableowner = current_user)
                            or (select rolsuper or rolbypassrls from pg_roles where rolname = current_user)""").query(Boolean.class).single();
        if (privileged && !allowOwner) {
            throw new IllegalStateException("The Hub is connected to PostgreSQL as a role that owns its tables or"
                    + " bypasses row-level security. Run migrations as a separate owner role (SPRING_FLYWAY_USER) and"
                    + " connect as an application role (SPRING_DATASOURCE_USERNAME); see the README. Set"
                    + " hub.database.allow-owner-role=true only for throwaway local databases.");
        }
    }
}
