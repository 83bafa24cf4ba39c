package org.safeguardinghub.performance.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
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

/**
 * A scan turns a known shift in an indicator's series into signals and business-team tasks; the page shows them with
 * the chart; when the figures are corrected back to normal a rescan clears them and closes the tasks.
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
        // 24 baseline months alternating 100 and 110 (centre 105, moving range 10, upper limit 131.6), then six
        // months rising, the last two above the upper limit
        for (int m = 0; m < 24; m++) {
            value(m, m % 2 == 0 ? 100 : 110);
        }
        int[] shift = {112, 115, 120, 126, 133, 160};
        for (int m = 0; m < shift.length; m++) {
            value(24 + m, shift[m]);
        }
    }

    @AfterEach
    void archive() {
        jdbc.sql("update indicator set archived_at = now() where id = :i")
                .param("i", indicator)
                .update();
        jdbc.sql("update spc_signal set cleared_at = now() where indicator_id = :i and cleared_at is null")
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

    record Signal(long id, LocalDate periodEnd, String rule, String direction, String explanation, boolean live) {}

    private List<Signal> signals() {
        return jdbc.sql("""
                        select id, period_end, rule, direction, explanation, cleared_at is null as live
                        from spc_signal where indicator_id = :i order by period_end, rule""").param("i", indicator).query(Signal.class).list();
    }

    private String taskStatus(long signalId) {
        return jdbc.sql("""
                        select coalesce(max(status), 'NONE') from task
                        where source_type = 'indicator-signal' and source_id = :s and assignee_role = 'BUSINESS_TEAM'
                          and partnership_id = :p""")
                .param("s", String.valueOf(signalId))
                .param("p", kent)
                .query(String.class)
                .single();
    }

    @Test
    void aShiftRaisesSignalsAndTasksAndACorrectionClearsThem() throws Exception {
        EarlyWarning.ScanResult result = earlyWarning.scan(kent, List.of(indicator));
        assertThat(result.indicatorsCharted()).isEqualTo(1);
        List<Signal> signals = signals();
        LocalDate may = LocalDate.of(2021, 5, 31);
        LocalDate june = LocalDate.of(2021, 6, 30);
        assertThat(signals)
                .extracting(Signal::periodEnd, Signal::rule, Signal::direction)
                .containsExactly(
                        // 100 (Nov 2020), 110, 112, 115, 120, 126: the sixth rising point is April
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2021, 4, 30), "TREND_OF_6", "UP"),
                        org.assertj.core.groups.Tuple.tuple(may, "OUTSIDE_LIMITS", "UP"),
                        org.assertj.core.groups.Tuple.tuple(june, "OUTSIDE_LIMITS", "UP"));
        assertThat(signals.get(2).explanation())
                .isEqualTo(name + " in Jun 2021 (160) is above the upper control limit (132). Ordinary month-to-month"
                        + " variation would very rarely produce this: something has changed. Lower is better for this"
                        + " indicator, so this is a concern.");
        assertThat(signals.get(0).explanation())
                .startsWith("Eight months in a row have risen (Nov 2020 100 to Jun 2021 160)");
        // tasks only for the signals on the latest two periods; the trend reached six in April
        for (Signal s : signals.subList(1, 3)) {
            assertThat(eventually(() -> taskStatus(s.id()).equals("OPEN") ? "open" : null))
                    .isEqualTo("open");
        }
        Thread.sleep(500);
        assertThat(taskStatus(signals.get(0).id())).isEqualTo("NONE");
        String title = jdbc.sql(
                        "select title || ' ' || link from task where source_type = 'indicator-signal' and source_id = :s")
                .param("s", String.valueOf(signals.get(2).id()))
                .query(String.class)
                .single();
        assertThat(title).isEqualTo("Early-warning signal: " + name + " Jun 2021 /performance/early-warning#" + code);

        // scanning again changes nothing
        EarlyWarning.ScanResult again = earlyWarning.scan(kent, List.of(indicator));
        assertThat(again.detected()).isZero();
        assertThat(again.cleared()).isZero();
        assertThat(signals()).hasSize(3);

        // the page shows the signals and the chart with its table
        String page = mvc.perform(
                        get("/performance/early-warning").with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"" + code + "\"")
                .contains("<title>Early warning")
                .contains("Outside the control limits (up)")
                .contains("id=\"table-" + code + "\"")
                .contains("Trend of 6")
                .contains("<svg");
        assertThat(mvc.perform(get("/performance/early-warning")
                                .with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        // the last six months are corrected back to ordinary variation: the signals clear and their tasks close
        for (int m = 24; m < 30; m++) {
            value(m, m % 2 == 0 ? 100 : 110);
        }
        EarlyWarning.ScanResult corrected = earlyWarning.scan(kent, List.of(indicator));
        assertThat(corrected.cleared()).isEqualTo(3);
        assertThat(signals()).hasSize(3).noneMatch(Signal::live);
        for (Signal s : signals.subList(1, 3)) {
            assertThat(eventually(() -> taskStatus(s.id()).equals("DONE") ? "done" : null))
                    .isEqualTo("done");
        }
        assertThat(mvc.perform(get("/performance/early-warning").with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(name);
    }

    @Test
    void recomputedValuesAreRescannedAfterCommit() throws Exception {
        transaction.executeWithoutResult(
                status -> events.publishEvent(new IndicatorValuesChanged(kent, Set.of(indicator))));
        assertThat(eventually(() -> signals().size() == 3 ? "scanned" : null)).isEqualTo("scanned");
    }

    @Test
    void fewerThanTwelvePointsAreNotCharted() {
        jdbc.sql("delete from indicator_value where indicator_id = :i and period_end > :end")
                .param("i", indicator)
                .param("end", FIRST.plusMonths(10).atEndOfMonth())
                .update();
        assertThat(earlyWarning.scan(kent, List.of(indicator)).indicatorsCharted())
                .isZero();
        assertThat(signals()).isEmpty();
    }

    static <T> T eventually(Callable<T> check) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            T result = check.call();
            if (result != null || System.currentTimeMillis() > until) {
                return result;
            }
            Thread.sleep(100);
        }
    }
}
