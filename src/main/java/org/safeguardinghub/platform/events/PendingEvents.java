package org.safeguardinghub.platform.events;

import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the events not yet handled by every listener (Spring Modulith's event publication registry, a platform
 * table), so modules need not read the registry's table themselves.
 */
@Component
public class PendingEvents {

    private final JdbcClient jdbc;

    PendingEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Publications of any of these event types (matched by simple class name) that some listener has not completed. */
    public long count(Class<?>... eventTypes) {
        String[] patterns =
                Arrays.stream(eventTypes).map(t -> "%." + t.getSimpleName()).toArray(String[]::new);
        return jdbc.sql("""
                        select count(*) from event_publication
                        where completion_date is null and event_type like any(:patterns)""").param("patterns", patterns).query(Long.class).single();
    }
}
