package org.safeguardinghub.performance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Kent demo database from an earlier version (per-rule signals with open tasks, no episodes, nothing recorded)
 * gains the partnership's early-warning records once at start-up: the old signal tasks are closed (V5_32), the
 * episodes are found, the known causes are recorded, and only the genuine current early warning is left as a task.
 */
@SpringBootTest
class EarlyWarningStoryDemoTests {

    /** The migration that closes old signal tasks, run again on the rows an earlier version left. */
    static final String MIGRATION = "db/migration/tasks/V5_32__close_signal_tasks.sql";

    @Autowired
    EarlyWarningStory story;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Test
    void anExistingDemoDatabaseGainsTheRecordsOnceAndKeepsOneEarlyWarningTask() throws Exception {
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        awaitOpenEpisodeTasksAtMost(kent, 2);
        // the database as an earlier version left it
        jdbc.sql("delete from spc_change where partnership_id = :p")
                .param("p", kent)
                .update();
        jdbc.sql("delete from spc_episode where partnership_id = :p")
                .param("p", kent)
                .update();
        jdbc.sql("delete from task where partnership_id = :p and source_type = 'indicator-episode'")
                .param("p", kent)
                .update();
        jdbc.sql("""
                        insert into task (partnership_id, assignee_role, title, source_type, source_id)
                        values (:p, 'BUSINESS_TEAM', 'Early warning: run of 8 above the centre line', 'indicator-signal',
                                '77')""").param("p", kent).update();

        template.execute(new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8));
        story.run(null);
        awaitOpenEpisodeTasksAtMost(kent, 2);

        assertThat(jdbc.sql("select count(*) from task where source_type = 'indicator-signal' and status = 'OPEN'")
                        .query(Long.class)
                        .single())
                .isZero();
        List<String> open = jdbc.sql("""
                        select title from task
                        where partnership_id = :p and source_type = 'indicator-episode' and status = 'OPEN'""").param("p", kent).query(String.class).list();
        assertThat(open).singleElement().asString().contains("in Missing children episodes");
        assertThat(jdbc.sql("select count(*) from spc_change where partnership_id = :p")
                        .param("p", kent)
                        .query(Long.class)
                        .single())
                .isEqualTo(EarlyWarningStory.CHANGES.size());
        long acknowledged = jdbc.sql(
                        "select count(*) from spc_episode where partnership_id = :p and acknowledged_at is not null")
                .param("p", kent)
                .query(Long.class)
                .single();
        assertThat(acknowledged).isGreaterThanOrEqualTo(4);

        // once: a second start records nothing more
        story.run(null);
        assertThat(jdbc.sql(
                                "select count(*) from spc_episode where partnership_id = :p and acknowledged_at is not null")
                        .param("p", kent)
                        .query(Long.class)
                        .single())
                .isEqualTo(acknowledged);
    }

    private void awaitOpenEpisodeTasksAtMost(long kent, int most) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline
                && jdbc.sql("""
                                        select count(*) from task where partnership_id = :p
                                          and source_type = 'indicator-episode' and status = 'OPEN'""").param("p", kent).query(Long.class).single() > most) {
            Thread.sleep(250);
        }
    }
}
