package org.safeguardinghub.platform.web;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Every error ends on a friendly page with the request id, never a stack trace. A database that cannot be
 * reached becomes 503 "try again shortly" (the pool reconnects by itself when the database returns); see also
 * {@link DatabaseDownFilter}, which answers the 503 itself while the database is away.
 */
@Controller
class HubErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(HubErrorController.class);

    /** Request attribute: the request failed because no database connection could be had (the database is away). */
    static final String DATABASE_DOWN = "hub.databaseDown";

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, org.springframework.ui.Model model) {
        Object requestId = request.getAttribute(RequestLogFilter.REQUEST_ID);
        model.addAttribute("requestId", requestId);
        // the error page runs after the request log filter has finished: log with the id shown to the user
        if (requestId != null) {
            MDC.put("requestId", requestId.toString());
        }
        try {
            return errorPage(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    private String errorPage(HttpServletRequest request, HttpServletResponse response) {
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (error != null && isDatabaseUnavailable(error)) {
            status = 503;
            if (isConnectionFailure(error)) {
                request.setAttribute(DATABASE_DOWN, Boolean.TRUE);
            }
        } else if (error != null && status >= 500) {
            log.error("Unhandled error", error);
        }
        return page(status, response);
    }

    /** The status the error page gives a request that failed with this exception. */
    static int statusFor(Throwable error) {
        return isDatabaseUnavailable(error) ? 503 : 500;
    }

    static String page(int status, HttpServletResponse response) {
        int shown = switch (status) {
            case 400, 403, 404, 405, 413, 429, 503 -> status;
            default -> status >= 500 ? 500 : 400;
        };
        response.setStatus(status == 405 ? 405 : shown);
        if (shown == 503) {
            response.setHeader("Retry-After", "30");
        }
        return "error/" + (shown == 405 ? 404 : shown);
    }

    /**
     * Whether no connection to the database could be had or the connection was lost: the database is away, not just
     * busy (a lock or statement timeout is transient but says nothing about the others' requests).
     *
     * <p>The pool's own timeout ({@link SQLTransientConnectionException}) counts only when a failed attempt to connect
     * lies behind it. With no cause, every connection was simply in use for the whole wait: that request answers 503,
     * but the Hub is not marked down, or one busy moment would turn every other user's pages into 503s as well (seen
     * when sixteen signed-in requests shared a pool of four on a slow machine).
     */
    static boolean isConnectionFailure(Throwable error) {
        if (poolWasOnlyBusy(error)) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean poolWasOnlyBusy(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return t.getCause() == null;
            }
        }
        return false;
    }

    static boolean isDatabaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * While the database is away, every page answers the friendly 503 at once instead of holding a request thread
     * for the pool's connection timeout, possibly twice (the session is read from the database by Spring Session's
     * filter, and again on Tomcat's error dispatch, which then fails and shows Tomcat's own 500 page).
     *
     * <p>It sits outside Spring Session's filter. A request that fails because no database connection could be had
     * (thrown through the filters, or answered 503 by {@link DatabaseUnavailableAdvice}, which marks the request)
     * marks the database down, and this filter renders the 503 page itself. From
     * then on requests are answered 503 without touching the session or the pool, and one background thread asks the
     * pool for a connection every {@link #PROBE_INTERVAL}; the first one it gets marks the database up again, so
     * recovery follows the database's return within about a second, with no restart. Static assets and the health
     * probes always pass (readiness reports the database itself).
     */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 10) // outside Spring Session's filter (HIGHEST_PRECEDENCE + 50)
    static final class DatabaseDownFilter extends OncePerRequestFilter {

        static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

        private final DataSource dataSource;
        private final ITemplateEngine templates;
        private final AtomicBoolean down = new AtomicBoolean();

        DatabaseDownFilter(DataSource dataSource, ITemplateEngine templates) {
            this.dataSource = dataSource;
            this.templates = templates;
        }

        boolean databaseDown() {
            return down.get();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI();
            if (path.startsWith("/assets/") || path.startsWith("/actuator/")) {
                chain.doFilter(request, response);
                return;
            }
            if (down.get()) {
                unavailable(request, response);
                return;
            }
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                if (!isConnectionFailure(e) || response.isCommitted()) {
                    throw e;
                }
                markDown();
                unavailable(request, response);
                return;
            }
            if (request.getAttribute(DATABASE_DOWN) != null) {
                markDown();
            }
        }

        private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object requestId = request.getAttribute(RequestLogFilter.REQUEST_ID);
            if (requestId == null) { // answered before the request log filter gave the request its id
                requestId = UUID.randomUUID().toString();
                response.setHeader("X-Request-Id", requestId.toString());
            }
            response.resetBuffer();
            response.setStatus(503);
            response.setHeader("Retry-After", "30");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html;charset=UTF-8");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write(templates.process("error/503", new Context(Locale.UK, Map.of("requestId", requestId))));
            response.flushBuffer();
        }

        private void markDown() {
            if (!down.compareAndSet(false, true)) {
                return;
            }
            log.warn("The database cannot be reached: pages answer 503 until it is back");
            Thread probe = new Thread(this::probeUntilUp, "database-probe");
            probe.setDaemon(true);
            probe.start();
        }

        private void probeUntilUp() {
            while (down.get()) {
                try {
                    Thread.sleep(PROBE_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    down.set(false); // never leave the Hub answering 503 because the probe stopped
                    return;
                }
                if (databaseAnswers()) {
                    down.set(false);
                    log.info("The database is back: pages are served again");
                }
            }
        }

        /**
         * Asks PostgreSQL directly, on a connection of its own, rather than through the pool: a probe waiting on the
         * pool keeps HikariCP's connection adder retrying with a backoff that grows to 5 s, and the first page after
         * the database returns would then wait out that backoff (issue 6, scripts/resilience-outage.sh). With nobody
         * waiting on the pool while the database is away, the pool connects at once on the first request after.
         */
        private boolean databaseAnswers() {
            if (!isHikari()) {
                try (Connection connection = dataSource.getConnection()) {
                    return connection.isValid(1);
                } catch (SQLException | RuntimeException e) {
                    return false;
                }
            }
            try {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                Properties properties = new Properties();
                if (pool.getUsername() != null) {
                    properties.setProperty("user", pool.getUsername());
                }
                if (pool.getPassword() != null) {
                    properties.setProperty("password", pool.getPassword());
                }
                properties.setProperty("connectTimeout", "2");
                properties.setProperty("socketTimeout", "2");
                try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), properties)) {
                    return connection.isValid(1);
                }
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        }

        private boolean isHikari() {
            try {
                return dataSource.isWrapperFor(HikariDataSource.class);
            } catch (SQLException e) {
                return false;
            }
        }
    }

    /**
     * The readiness check of the database ({@code db}): down at once while the database-down filter knows the
     * database is away, without waiting on the pool (see {@link DatabaseDownFilter#databaseAnswers}); otherwise
     * Spring Boot's own check through the pool.
     */
    @Component("dbHealthIndicator")
    static final class DatabaseHealth implements HealthIndicator {

        private final DatabaseDownFilter filter;
        private final DataSourceHealthIndicator pooled;

        DatabaseHealth(DatabaseDownFilter filter, DataSource dataSource) {
            this.filter = filter;
            this.pooled = new DataSourceHealthIndicator(dataSource);
        }

        @Override
        public Health health() {
            if (filter.databaseDown()) {
                return Health.down().withDetail("database", "unreachable").build();
            }
            return pooled.health();
        }
    }
}
