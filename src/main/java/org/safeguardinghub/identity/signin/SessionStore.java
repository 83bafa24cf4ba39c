package org.safeguardinghub.identity.signin;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Signed-in sessions live in PostgreSQL (Spring Session JDBC), so every Hub instance sees them. Spring Session
 * writes a session's last access time back on every request, which made every page view, even a read, a write
 * transaction with a WAL flush at commit and a dead row in {@code spring_session} (issue 6, scripts/load-test.sh).
 *
 * <p>Here the row is only rewritten when something in it changed (session id, timeout, principal) or the stored
 * access time is at least {@link #LAST_ACCESS_RESOLUTION} old. A session in use therefore expires at most that much
 * earlier than its timeout says (a minute of 30 by default); attribute changes are written as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    static final Duration LAST_ACCESS_RESOLUTION = Duration.ofSeconds(60);

    /**
     * Spring Session's update with the same six parameters in the same order (session id, last access time, max
     * inactive interval, expiry time, principal name, primary id), skipped when nothing but a recent access changed.
     */
    static final String UPDATE_SESSION_UNLESS_RECENT = """
            UPDATE %TABLE_NAME% s
            SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                PRINCIPAL_NAME = v.principal_name
            FROM (SELECT CAST(? AS VARCHAR) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                         CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                         CAST(? AS VARCHAR) AS principal_name, CAST(? AS VARCHAR) AS primary_id) v
            WHERE s.PRIMARY_ID = v.primary_id
              AND (s.SESSION_ID <> v.session_id
                   OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                   OR v.last_access_time - s.LAST_ACCESS_TIME >= """ + LAST_ACCESS_RESOLUTION.toMillis() + ")";

    /** After Spring Boot's own customisation of the repository (table name), which would reset the queries. */
    @Bean
    static BeanPostProcessor sessionUpdateOnlyWhenChanged() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcIndexedSessionRepository sessions) {
                    sessions.setUpdateSessionQuery(UPDATE_SESSION_UNLESS_RECENT);
                }
                return bean;
            }
        };
    }
}
