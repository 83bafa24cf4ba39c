package org.safeguardinghub.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the signed-in user's agency scope, for PostgreSQL row-level security.
 *
 * <p>Every query already filters by scope in its own SQL; this is the second line. Each checkout sets {@code
 * hub.agency_id} and {@code hub.all_agencies} from the current {@link Actor}. Work without a signed-in user
 * (sign-in itself, start-up, event listeners) runs with system scope.
 */
public class ScopedDataSource extends DelegatingDataSource {

    private static final String SET_SCOPE =
            "select set_config('hub.agency_id', ?, false), set_config('hub.all_agencies', ?, false)";

    public ScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<Actor> actor = currentActor(); // before taking a connection: see currentActor()
        return scoped(super.getConnection(), actor);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Optional<Actor> actor = currentActor();
        return scoped(super.getConnection(username, password), actor);
    }

    /**
     * Finding the actor may itself need a connection: Spring Security loads the security context lazily from the
     * session, which lives in PostgreSQL. That inner connection (session tables only) gets system scope instead of
     * recursing.
     *
     * <p>The actor is found before this call takes its own connection, so a thread never holds two connections at
     * once. Holding one while waiting for the session's was a pool deadlock under load: with as many concurrent
     * requests as the pool has connections, every request held one and waited for a second until the pool's
     * timeout, and every request failed (issue 6, scripts/load-test.sh).
     */
    private static final ThreadLocal<Boolean> resolvingActor = ThreadLocal.withInitial(() -> false);

    /**
     * Runs work with system scope, without looking up the actor: for loading the session itself, so that the lookup
     * does not start a second, nested session load (see {@code RequestLogFilter}).
     */
    public static <T> T withoutActor(Supplier<T> work) {
        boolean outer = resolvingActor.get();
        resolvingActor.set(true);
        try {
            return work.get();
        } finally {
            resolvingActor.set(outer);
        }
    }

    private static Optional<Actor> currentActor() {
        if (resolvingActor.get()) {
            return Optional.empty();
        }
        resolvingActor.set(true);
        try {
            return Actors.current();
        } finally {
            resolvingActor.set(false);
        }
    }

    private static Connection scoped(Connection connection, Optional<Actor> actor) throws SQLException {
        String agency = actor.map(Actor::agencyId).map(String::valueOf).orElse("");
        boolean all = actor.map(Actor::seesAllAgencies).orElse(true);
        try (PreparedStatement ps = connection.prepareStatement(SET_SCOPE)) {
            ps.setString(1, agency);
            ps.setString(2, all ? "on" : "off");
            ps.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
