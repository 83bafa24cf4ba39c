package org.safeguardinghub.performance.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.performance.IndicatorValuesChanged;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import testsupport.Await;

/**
 * A known shift in an indicator's series becomes one early-warning episode with one business-team task; the page shows
 * it with the chart in "Making Data Count" words; the business team acknowledges it (validated, audited, task closed);
 * once the latest periods are ordinary again it ends; a recorded change re-bases the limits and is shown on the chart.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EarlyWarningTests {

    @Autowired
    EarlyWarning earlyWarning;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    long kent;
    long indicator;
    String code;
    String name;

    static final YearMonth FIRST = YearMonth.of(2019, 1);

    @BeforeEach
    void indicatorWithAShift() {
        kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        code = "t_ew_" + UUID.randomUUID().toString().substring(0, 8);
        name = "Test early warning " + code;
        indicator = jdbc.sql("""
                        insert into indicator (partnership_id, code, name, sort_order) values (:p, :code, :name, 9999)
                        returning id""")
                .param("p", kent)
                .param("code", code)
                .param("name", name)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into indicator_version (indicator_id, version_no, numerator, factor, aggregation,
                                                       decimals, polarity, effective_from)
                        values (:i, 1, 'cp_plans', 'COUNT', 'LATEST', 0, 'LOWER_IS_BETTER', date '2000-01-01')""").param("i", indicator).update();
        // 20 baseline months alternating 100 and 110 (centre 105, sigma 8.9, upper limit 132), then six months
        // rising from the last baseline month (110), the last two above the upper limit
        for (int m = 0; m < 20; m++) {
            value(m, m % 2 == 0 ? 100 : 110);
        }
        int[] shift = {112, 115, 120, 126, 133, 160};
        for (int m = 0; m < shift.length; m++) {
            value(20 + m, shift[m]);
        }
    }

    @AfterEach
    void archive() {
        jdbc.sql("update indicator set archived_at = now() where id = :i")
                .param("i", indicator)
                .update();
        jdbc.sql("update spc_episode set ended_at = now() where indicator_id = :i and ended_at is null")
                .param("i", indicator)
                .update();
    }

    private void value(int month, int value) {
        jdbc.sql("""
                        insert into indicator_value (indicator_id, partnership_id, period_end, version_no, numerator,
                                                     value)
                        values (:i, :p, :end, 1, :v, :v)
                        on conflict (indicator_id, breakdown_kind, breakdown_value, period_end)
                        do update set value = excluded.value, numerator = excluded.numerator""")
                .param("i", indicator)
                .param("p", kent)
                .param("end", FIRST.plusMonths(month).atEndOfMonth())
                .param("v", value)
                .update();
    }

    record Stored(
            long id, LocalDate startedOn, LocalDate lastPeriod, String variation, String rules, boolean current) {}

    private List<Stored> episodes() {
        return jdbc.sql("""
                        select id, started_on, last_period, variation, array_to_string(rules, ',') as rules,
                               ended_at is null as current
                        from spc_episode where indicator_id = :i order by id""").param("i", indicator).query(Stored.class).list();
    }

    private List<String> tasks() {
        return jdbc.sql("""
                        select t.status || ' ' || t.title from task t join spc_episode s on t.source_id = s.id::text
                        where t.source_type = 'indicator-episode' and s.indicator_id = :i and t.partnership_id = :p
                        order by t.id""")
                .param("i", indicator)
                .param("p", kent)
                .query(String.class)
                .list();
    }

    private String page(String email) throws Exception {
        return mvc.perform(get("/performance/early-warning").with(SignedIn.as(principals, email)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aShiftIsOneEpisodeWithOneTaskThatIsAcknowledgedAndEndsWhenTheLatestMonthsAreOrdinary() throws Exception {
        EarlyWarning.ScanResult result = earlyWarning.scan(kent, List.of(indicator));
        assertThat(result.indicatorsCharted()).isEqualTo(1);
        assertThat(result.started()).isEqualTo(1);
        // the trend from Jul 2020 (100) to Feb 2021 (160), the points above the limit and near it: one episode
        assertThat(episodes()).singleElement().satisfies(e -> {
            assertThat(e.startedOn()).isEqualTo(LocalDate.of(2020, 7, 31));
            assertThat(e.lastPeriod()).isEqualTo(LocalDate.of(2021, 2, 28));
            assertThat(e.variation()).isEqualTo("CONCERN");
            assertThat(e.rules()).isEqualTo("OUTSIDE_LIMITS,RUN_OF_7,TREND_OF_6,TWO_OF_THREE");
            assertThat(e.current()).isTrue();
        });
        String title = "Early warning: special cause concern (higher) in " + name + " since Jul 2020";
        assertThat(Await.nonNull(() -> tasks().size() == 1 ? tasks() : null)).containsExactly("OPEN " + title);

        // scanning again, or after another month that keeps it going, raises nothing new
        assertThat(earlyWarning.scan(kent, List.of(indicator)).started()).isZero();
        value(26, 170);
        assertThat(earlyWarning.scan(kent, List.of(indicator)).started()).isZero();
        assertThat(episodes())
                .singleElement()
                .satisfies(e -> assertThat(e.lastPeriod()).isEqualTo(LocalDate.of(2021, 3, 31)));
        Thread.sleep(300);
        assertThat(tasks()).hasSize(1);

        // the page shows it in MDC words with the chart and its table; only reviewers may acknowledge
        assertThat(page(DemoAccounts.BUSINESS))
                .contains("id=\"" + code + "\"")
                .contains("Special cause concern (higher)")
                .contains("id=\"table-" + code + "\"")
                .contains("Trend of 6")
                .contains("<svg")
                .contains("/acknowledge");
        assertThat(page(DemoAccounts.SCRUTINEER)).contains(name).doesNotContain("/acknowledge\"");
        assertThat(mvc.perform(get("/performance/early-warning")
                                .with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        // acknowledging needs the cause and the action; then it is recorded, audited and the task closes
        long id = episodes().get(0).id();
        String form = "/performance/early-warning/episodes/" + id + "/acknowledge";
        assertThat(mvc.perform(get(form).with(SignedIn.as(principals, DemoAccounts.SCRUTINEER)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        var refused = mvc.perform(post(form)
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("version", "0")
                        .param("cause", " ")
                        .param("actionTaken", ""))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("govuk-error-summary")
                .contains("Enter the cause of the change")
                .contains("Enter the action taken");
        var accepted = mvc.perform(post(form)
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("version", "0")
                        .param("cause", "New recording of missing episodes from April")
                        .param("actionTaken", "Checked with the missing children team"))
                .andReturn()
                .getResponse();
        assertThat(accepted.getStatus()).isEqualTo(302);
        assertThat(Await.nonNull(() -> tasks().equals(List.of("DONE " + title)) ? "done" : null))
                .isEqualTo("done");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where record_type = 'spc-episode' and record_id = :id
                          and changes::text like '%New recording of missing episodes%'""")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(page(DemoAccounts.BUSINESS))
                .contains("Acknowledged")
                .contains("Checked with the missing children team");

        // three ordinary months later the latest periods no longer show it: it ends and tags nothing
        value(27, 100);
        value(28, 110);
        value(29, 100);
        EarlyWarning.ScanResult ordinary = earlyWarning.scan(kent, List.of(indicator));
        assertThat(ordinary.ended()).isEqualTo(1);
        assertThat(episodes())
                .singleElement()
                .satisfies(e -> assertThat(e.current()).isFalse());
        assertThat(page(DemoAccounts.BUSINESS)).doesNotContain(name);
    }

    @Test
    void aRecordedChangeReBasesTheLimitsAndIsShownOnTheChart() throws Exception {
        // a new level from month 20 on, for 14 months: without a recorded change that is a concern
        for (int m = 20; m < 34; m++) {
            value(m, m % 2 == 0 ? 150 : 160);
        }
        earlyWarning.scan(kent, List.of(indicator));
        assertThat(episodes())
                .singleElement()
                .satisfies(e -> assertThat(e.current()).isTrue());
        String form = "/performance/early-warning/" + code + "/changes";
        var refused = mvc.perform(post(form)
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("periodEnd", "1999-01-31")
                        .param("reason", ""))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("govuk-error-summary")
                .contains("Choose one of the periods on the chart")
                .contains("Enter what changed");
        assertThat(mvc.perform(post(form)
                                .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                                .with(csrf())
                                .param(
                                        "periodEnd",
                                        FIRST.plusMonths(20).atEndOfMonth().toString())
                                .param("reason", "Missing episodes counted per episode, not per child"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        // the limits now come from the months after the change: the new level is ordinary there
        assertThat(episodes())
                .singleElement()
                .satisfies(e -> assertThat(e.current()).isFalse());
        assertThat(jdbc.sql("select distinct centre from spc_point where indicator_id = :i order by centre")
                        .param("i", indicator)
                        .query(Double.class)
                        .list())
                .hasSize(2);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where record_type = 'spc-change'
                          and changes::text like '%counted per episode%'""").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void recomputedValuesAreRescannedAfterCommit() throws Exception {
        transaction.executeWithoutResult(
                status -> events.publishEvent(new IndicatorValuesChanged(kent, Set.of(indicator))));
        assertThat(Await.nonNull(() -> episodes().size() == 1 ? "scanned" : null))
                .isEqualTo("scanned");
    }

    @Test
    void fewerThanTwelvePointsAreNotCharted() {
        jdbc.sql("delete from indicator_value where indicator_id = :i and period_end > :end")
                .param("i", indicator)
                .param("end", FIRST.plusMonths(10).atEndOfMonth())
                .update();
        assertThat(earlyWarning.scan(kent, List.of(indicator)).indicatorsCharted())
                .isZero();
        assertThat(episodes()).isEmpty();
    }
}
