package org.safeguardinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Which failures mark the whole Hub down (every page 503 until a probe reaches the database) and which only fail the
 * request they happened in. The pool's timeout is told apart by what lies behind it, as HikariCP reports it: the last
 * failed attempt to connect, or nothing when every connection was merely in use.
 */
class DatabaseFailureKindsTest {

    @Test
    void aPoolThatWasOnlyBusyDoesNotMarkTheHubDownButStillAnswers503() {
        var busy = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 30000ms"));

        assertThat(HubErrorController.isConnectionFailure(busy)).isFalse();
        assertThat(HubErrorController.statusFor(busy)).isEqualTo(503);
    }

    @Test
    void aPoolTimeoutBehindWhichTheDatabaseRefusedMarksTheHubDown() {
        var refused = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 3000ms",
                        "08001",
                        new SQLException("Connection to localhost:5432 refused", "08001")));

        assertThat(HubErrorController.isConnectionFailure(refused)).isTrue();
    }

    @Test
    void aLostConnectionOrARefusedSocketMarksTheHubDown() {
        assertThat(HubErrorController.isConnectionFailure(
                        new SQLException("This connection has been closed.", "08003")))
                .isTrue();
        assertThat(HubErrorController.isConnectionFailure(new RuntimeException(new ConnectException("refused"))))
                .isTrue();
        assertThat(HubErrorController.isConnectionFailure(new SQLException("deadlock detected", "40P01")))
                .isFalse();
    }
}
