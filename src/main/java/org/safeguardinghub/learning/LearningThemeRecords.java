package org.safeguardinghub.learning;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code learning_theme} table as {@link LearningThemes} reads it for other modules. Changes to the taxonomy are
 * made by the tracker's theme administration.
 */
@Repository
class LearningThemeRecords {

    private final JdbcClient jdbc;

    LearningThemeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LearningTheme> active() {
        return jdbc.sql("select id, name, description, active from learning_theme where active order by name")
                .query(LearningTheme.class)
                .list();
    }

    List<LearningTheme> all() {
        return jdbc.sql("select id, name, description, active from learning_theme order by name")
                .query(LearningTheme.class)
                .list();
    }

    Optional<LearningTheme> find(long id) {
        return jdbc.sql("select id, name, description, active from learning_theme where id = :id")
                .param("id", id)
                .query(LearningTheme.class)
                .optional();
    }
}
