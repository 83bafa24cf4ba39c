package org.safeguardinghub.learning;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The learning-theme taxonomy as other modules read it: to offer themes on forms and to name them on pages. */
@Service
public class LearningThemes {

    private final JdbcClient jdbc;

    LearningThemes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Themes that can be chosen now, by name. */
    public List<LearningTheme> active() {
        return jdbc.sql("select id, name, description, active from learning_theme where active order by name")
                .query(LearningTheme.class)
                .list();
    }

    /** Every theme, including retired ones (so old tags still have a name). */
    public List<LearningTheme> all() {
        return jdbc.sql("select id, name, description, active from learning_theme order by name")
                .query(LearningTheme.class)
                .list();
    }

    public Optional<LearningTheme> find(long id) {
        return jdbc.sql("select id, name, description, active from learning_theme where id = :id")
                .param("id", id)
                .query(LearningTheme.class)
                .optional();
    }
}
