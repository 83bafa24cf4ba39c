package org.safeguardinghub.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
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
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    /**
     * Finding the actor may itself need a connection: Spring Security loads the security context lazily from the
     * session, which lives in PostgreSQL. That inner connection (session tables only) gets system scope instead of
     * recursing, which would otherwise drain the pool.
     */
    private static final ThreadLocal<Boolean> resolvingActor = ThreadLocal.withInitial(() -> false);

    private static Connection scoped(Connection connection) throws SQLException {
        Optional<Actor> actor = Optional.empty();
        if (!resolvingActor.get()) {
            resolvingActor.set(true);
            try {
                actor = Actors.current();
            } catch (RuntimeException e) {
                connection.close(); // never leak the pooled connection if the session store fails
                throw e;
            } finally {
                resolvingActor.set(false);
            }
        }
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
