package org.safeguardinghub.learning.tracker;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code learning_theme} table as {@link ThemeAdministration} manages it: each theme with how many
 * recommendations use it, and version-checked changes (an update that finds another version changes nothing).
 */
@Repository
class ThemeRecords {

    private static final String SELECT = """
            select t.id, t.name, t.description, t.active, t.version,
                   (select count(*) from recommendation_theme rt where rt.theme_id = t.id) as uses
            from learning_theme t
            """;

    private final JdbcClient jdbc;

    ThemeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every theme, active first, then by name. */
    List<ThemeRecord> all() {
        return jdbc.sql(SELECT + " order by t.active desc, t.name")
                .query(ThemeRecord.class)
                .list();
    }

    Optional<ThemeRecord> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id")
                .param("id", id)
                .query(ThemeRecord.class)
                .optional();
    }

    boolean nameTaken(String name, @Nullable Long exceptId) {
        return jdbc.sql("""
                        select count(*) from learning_theme
                        where lower(name) = lower(:name) and id <> coalesce(cast(:except as bigint), -1)""")
                        .param("name", name)
                        .param("except", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(String name, @Nullable String description) {
        return jdbc.sql("insert into learning_theme (name, description) values (:name, :description) returning id")
                .param("name", name)
                .param("description", description)
                .query(Long.class)
                .single();
    }

    /** Renames or describes a theme at {@code version}; false if someone changed it first. */
    boolean describe(long id, int version, String name, @Nullable String description) {
        return jdbc.sql("""
                        update learning_theme set name = :name, description = :description, version = version + 1
                        where id = :id and version = :version""")
                        .param("id", id)
                        .param("version", version)
                        .param("name", name)
                        .param("description", description)
                        .update()
                == 1;
    }

    /** Retires or restores a theme at {@code version}; false if someone changed it first. */
    boolean setActive(long id, int version, boolean active) {
        return jdbc.sql("""
                        update learning_theme set active = :active, version = version + 1
                        where id = :id and version = :version""")
                        .param("id", id)
                        .param("version", version)
                        .param("active", active)
                        .update()
                == 1;
    }
}
