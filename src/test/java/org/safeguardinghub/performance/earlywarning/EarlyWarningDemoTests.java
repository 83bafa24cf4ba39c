package org.safeguardinghub.performance.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Early warning on the demo data, as the business team sees it after start-up: few scorecard rows tagged, only
 * episodes that reach the latest three periods, one task each with distinct titles. (Before: 16 of 22 scorecard rows
 * tagged, 151 live signals, 7 of the business team's 11 home tasks from early warning, two with the same title. With
 * episodes but nothing recorded: 8 of 22 rows, 8 current episodes, 7 of 11 tasks. With the demo partnership's
 * recorded changes and acknowledgements: 6 of 22 rows, 6 current episodes, 1 of 5 tasks.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class EarlyWarningDemoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoShowsOnlyCurrentEpisodesWithOneTaskEach() throws Exception {
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        String scorecard = mvc.perform(get("/performance").with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int rows = 0;
        int tagged = 0;
        Matcher row = Pattern.compile("(?s)<tr class=\"govuk-table__row\"[^>]*id=\"row-([a-z0-9_]+)\".*?</tr>")
                .matcher(scorecard);
        while (row.find()) {
            if (row.group(1).startsWith("t_")) {
                continue; // made by another test
            }
            rows++;
            if (row.group().contains(">Early warning<")) {
                tagged++;
            }
        }
        long current = jdbc.sql("""
                        select count(*) from spc_episode s join indicator i on i.id = s.indicator_id
                        where s.partnership_id = :p and s.ended_at is null and i.code not like 't\\_%'""").param("p", kent).query(Long.class).single();
        // tasks are raised and closed after commit, on other threads: let start-up's settle first
        long deadline = System.currentTimeMillis() + 30_000;
        while (openEarlyWarningTasks(kent) > 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        String home = mvc.perform(get("/").with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> titles = new java.util.ArrayList<>();
        Matcher task =
                Pattern.compile("(?s)govuk-task-list__link\"[^>]*>([^<]*)</a>").matcher(home);
        while (task.find()) {
            titles.add(org.springframework.web.util.HtmlUtils.htmlUnescape(
                    task.group(1).trim()));
        }
        jdbc.sql("select status || ' ' || title from task where source_type = 'indicator-episode'")
                .query(String.class)
                .list()
                .forEach(t -> System.out.println("  task " + t));
        List<String> earlyWarning =
                titles.stream().filter(t -> t.startsWith("Early warning")).toList();
        System.out.printf(
                "Demo early warning: %d of %d scorecard rows tagged, %d current episodes, %d of %d business home tasks"
                        + " from early warning%n",
                tagged, rows, current, earlyWarning.size(), titles.size());
        earlyWarning.forEach(t -> System.out.println("  " + t));

        assertThat(rows).isEqualTo(22);
        // a row is tagged only for an episode that reaches its latest periods (the fictional history has real
        // drifts, e.g. elective home education up by half, which MDC rightly calls special cause); one task each
        long indicatorsWithCurrentEpisodes =
                jdbc.sql("""
                        select count(distinct s.indicator_id) from spc_episode s join indicator i on i.id = s.indicator_id
                        where s.partnership_id = :p and s.ended_at is null and i.code not like 't\\_%'""").param("p", kent).query(Long.class).single();
        assertThat(tagged)
                .isEqualTo((int) indicatorsWithCurrentEpisodes)
                .isLessThan(16)
                .isPositive();
        assertThat(earlyWarning).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo((int) current);
        // the partnership has recorded what it knows (changes, acknowledgements): only genuine news is a task
        assertThat(earlyWarning).hasSizeBetween(1, 2);
        // every open early-warning task belongs to a current episode that reaches the latest three periods
        assertThat(jdbc.sql("""
                        select count(*) from task t
                        left join spc_episode s on s.id = cast(t.source_id as bigint)
                        where t.partnership_id = :p and t.source_type = 'indicator-episode' and t.status = 'OPEN'
                          and (s.id is null or s.ended_at is not null
                               or (select count(distinct sp.period_end) from spc_point sp
                                    where sp.indicator_id = s.indicator_id and sp.period_end > s.last_period) >= 3)""").param("p", kent).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from task
                        where partnership_id = :p and source_type like 'indicator-%' and status = 'OPEN'""").param("p", kent).query(Long.class).single()).isEqualTo(earlyWarning.size());
        assertThat(earlyWarning).anyMatch(t -> t.contains("in Missing children episodes"));
        // every episode shown reaches one of the latest three months of its chart
        assertThat(jdbc.sql("""
                        select count(*) from spc_episode s
                        where s.partnership_id = :p and s.ended_at is null
                          and s.last_period < (select max(period_end) from spc_point p
                                               where p.indicator_id = s.indicator_id) - interval '3 months'""").param("p", kent).query(Long.class).single()).isZero();
    }

    @Test
    void theDemoPartnershipHasRecordedWhatItKnowsThroughTheFormsServices() throws Exception {
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        // changes re-base the limits with their reason, acknowledgements carry cause and action; both audited
        assertThat(jdbc.sql(
                                "select count(*) from spc_change where partnership_id = :p and reason like 'Fictional (demo)%'")
                        .param("p", kent)
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("""
                        select count(*) from spc_episode where partnership_id = :p and acknowledged_at is not null
                          and acknowledged_by_name = 'Priya Shah' and cause <> '' and action_taken <> ''""").param("p", kent).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                        where record_type in ('spc-change', 'spc-episode') and actor_name = 'Priya Shah'
                          and partnership_id = :p""").param("p", kent).query(Long.class).single()).isGreaterThanOrEqualTo(5);
        String page = mvc.perform(
                        get("/performance/early-warning").with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Recorded changes").contains("from April 2024 plans step down");
        assertThat(page).contains("rose from 3,423 to 4,073 in 2023-24");
    }

    private long openEarlyWarningTasks(long partnershipId) {
        return jdbc.sql("""
                        select count(*) from task
                        where partnership_id = :p and source_type = 'indicator-episode' and status = 'OPEN'""").param("p", partnershipId).query(Long.class).single();
    }
}
