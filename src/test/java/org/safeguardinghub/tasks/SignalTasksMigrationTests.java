package org.safeguardinghub.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database from before early-warning episodes still holds open tasks raised by the per-rule signals ('indicator-signal'),
 * which nothing can close once V5_30 dropped their table; V5_32 closes them and leaves every other task as it was.
 */
@SpringBootTest
class SignalTasksMigrationTests {

    static final String MIGRATION = "db/migration/tasks/V5_32__close_signal_tasks.sql";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    Flyway flyway;

    @Test
    void openSignalTasksAreClosedAndOtherTasksKept() throws Exception {
        assertThat(java.util.Arrays.stream(flyway.info().applied())
                        .filter(m -> m.getVersion().getVersion().equals("5.32"))
                        .map(m -> m.getState().isApplied() && !m.getState().isFailed()))
                .containsExactly(true);
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        long stale = task(kent, "indicator-signal", "901", "Early warning: run of 8 above the centre line");
        long other = task(kent, "indicator-episode", "902", "Early warning: special cause concern");
        long unrelated = task(kent, "return-review", "903", "Review a submitted return");

        String sql = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        template.execute(sql);

        assertThat(status(stale)).isEqualTo("DONE");
        assertThat(jdbc.sql("select completed_at is not null from task where id = :id")
                        .param("id", stale)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(status(other)).isEqualTo("OPEN");
        assertThat(status(unrelated)).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from task where source_type = 'indicator-signal' and status = 'OPEN'")
                        .query(Long.class)
                        .single())
                .isZero();
        jdbc.sql("delete from task where id in (:ids)")
                .param("ids", java.util.List.of(stale, other, unrelated))
                .update();
    }

    private long task(long partnership, String sourceType, String sourceId, String title) {
        return jdbc.sql("""
                        insert into task (partnership_id, assignee_role, title, source_type, source_id)
                        values (:p, 'BUSINESS_TEAM', :title, :type, :id) returning id""")
                .param("p", partnership)
                .param("title", title)
                .param("type", sourceType)
                .param("id", sourceId)
                .query(Long.class)
                .single();
    }

    private String status(long id) {
        return jdbc.sql("select status from task where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
