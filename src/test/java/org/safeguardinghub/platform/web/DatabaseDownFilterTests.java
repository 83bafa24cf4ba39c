package org.safeguardinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The filter that answers 503 while the database is away, with the Hub's real error templates. The real outage
 * (PostgreSQL stopped under load, behind Tomcat) is scripts/resilience-outage.sh; here only its decisions.
 */
class DatabaseDownFilterTests {

    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final AtomicInteger chainCalls = new AtomicInteger();

    @Test
    void aRequestFailingOnTheDatabaseGetsTheFriendly503AndLaterOnesAreAnsweredWithoutTheChain() throws Exception {
        var filter = filter();
        databaseUp.set(false);

        MockHttpServletResponse first = get(filter, "/performance", failingChain());
        assertThat(first.getStatus()).isEqualTo(503);
        assertThat(first.getHeader("Retry-After")).isEqualTo("30");
        assertThat(first.getContentAsString())
                .contains("Sorry, the service is unavailable")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        assertThat(filter.databaseDown()).isTrue();

        chainCalls.set(0);
        MockHttpServletResponse next = get(filter, "/sign-in", failingChain());
        assertThat(next.getStatus()).isEqualTo(503);
        assertThat(next.getContentAsString()).contains("Sorry, the service is unavailable");
        assertThat(chainCalls).hasValue(0); // no session lookup, no wait for the pool

        // readiness and static assets still go through: readiness reports the database itself
        assertThat(get(filter, "/actuator/health/readiness", okChain()).getStatus())
                .isEqualTo(200);
        databaseUp.set(true); // lets the probe thread finish
    }

    @Test
    void theProbeNoticesTheDatabaseIsBackAndPagesAreServedAgain() throws Exception {
        var filter = filter();
        databaseUp.set(false);
        get(filter, "/", failingChain());
        assertThat(filter.databaseDown()).isTrue();

        databaseUp.set(true);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (filter.databaseDown() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(filter.databaseDown()).isFalse();
        assertThat(get(filter, "/", okChain()).getStatus()).isEqualTo(200);
    }

    @Test
    void otherErrorsAreLeftToTheErrorPage() {
        var filter = filter();
        FilterChain broken = (request, response) -> {
            throw new IllegalStateException("a bug, not an outage");
        };
        assertThatThrownBy(() -> get(filter, "/", broken)).isInstanceOf(IllegalStateException.class);
        assertThat(filter.databaseDown()).isFalse();
    }

    @Test
    void aPageTheApplicationAnswered503ForALostConnectionMarksTheDatabaseDown() throws Exception {
        var filter = filter();
        databaseUp.set(false);
        FilterChain lockTimeout = (request, response) -> ((MockHttpServletResponse) response).setStatus(503);
        get(filter, "/learning/themes", lockTimeout);
        assertThat(filter.databaseDown()).isFalse(); // a 503 for a busy database says nothing about other requests

        FilterChain advice = (request, response) -> {
            request.setAttribute(HubErrorController.DATABASE_DOWN, Boolean.TRUE);
            ((MockHttpServletResponse) response).setStatus(503);
        };
        get(filter, "/learning/themes", advice);
        assertThat(filter.databaseDown()).isTrue();
        databaseUp.set(true); // lets the probe thread finish
    }

    private HubErrorController.DatabaseDownFilter filter() {
        DataSource dataSource = Mockito.mock(DataSource.class);
        try {
            Mockito.when(dataSource.getConnection()).thenAnswer(invocation -> {
                if (!databaseUp.get()) {
                    throw unreachable();
                }
                Connection connection = Mockito.mock(Connection.class);
                Mockito.when(connection.isValid(Mockito.anyInt())).thenReturn(true);
                return connection;
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new HubErrorController.DatabaseDownFilter(dataSource, engine);
    }

    private FilterChain failingChain() {
        return (request, response) -> {
            chainCalls.incrementAndGet();
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction", unreachable());
        };
    }

    /** HikariCP's timeout while the database is away: the last failed attempt to connect lies behind it. */
    private static SQLTransientConnectionException unreachable() {
        return new SQLTransientConnectionException(
                "Connection is not available, request timed out after 3000ms",
                "08001",
                new java.sql.SQLException("Connection to localhost:5432 refused", "08001"));
    }

    private FilterChain okChain() {
        return (request, response) -> ((MockHttpServletResponse) response).setStatus(200);
    }

    private static MockHttpServletResponse get(
            HubErrorController.DatabaseDownFilter filter, String path, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
