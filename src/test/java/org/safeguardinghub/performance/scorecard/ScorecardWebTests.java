package org.safeguardinghub.performance.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The scorecard, indicator page, context in numbers and priorities dashboard over MockMvc, on the shared demo
 * database. Each test creates its own uniquely coded indicators in the Kent partnership with values it inserts
 * directly (as the calculator would), and archives them afterwards so they leave the pages as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ScorecardWebTests {

    static final String PRIORITY = "Online safety";

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    long kent;
    String tag;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void kent() {
        kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void archive() {
        for (long id : created) {
            jdbc.sql("update indicator set archived_at = now() where id = :id")
                    .param("id", id)
                    .update();
        }
    }

    // ------------------------------------------------------------------ fixtures

    long indicator(
            String code, String name, String factor, String polarity, @Nullable String target, String... priorities) {
        long id = jdbc.sql("insert into indicator (partnership_id, code, name, sort_order) values (:p, :c, :n, 9999)"
                        + " returning id")
                .param("p", kent)
                .param("c", code)
                .param("n", name)
                .query(Long.class)
                .single();
        created.add(id);
        jdbc.sql("""
                        insert into indicator_version (indicator_id, version_no, numerator, denominator, factor,
                               decimals, polarity, target, benchmark_england, priorities, effective_from, methodology)
                        values (:i, 1, :num, :den, :f, 0, :pol, :t::numeric, 42, string_to_array(:pr, '|'),
                                date '2000-01-01', 'Test method')
                        """)
                .param("i", id)
                .param("num", "t_" + tag + "_n")
                .param("den", factor.equals("COUNT") ? null : "t_" + tag + "_d")
                .param("f", factor)
                .param("pol", polarity)
                .param("t", target)
                .param("pr", String.join("|", priorities))
                .update();
        return id;
    }

    void value(long indicator, String end, String value, @Nullable String first) {
        value(indicator, end, "", "", 1, value, value, first);
    }

    void value(
            long indicator,
            String end,
            String kind,
            String category,
            int version,
            String numerator,
            String value,
            @Nullable String first) {
        jdbc.sql("""
                        insert into indicator_value (indicator_id, partnership_id, period_end, breakdown_kind,
                               breakdown_value, version_no, numerator, value, first_value)
                        values (:i, :p, :e, :k, :c, :v, :num::numeric, :val::numeric, :f::numeric)
                        """)
                .param("i", indicator)
                .param("p", kent)
                .param("e", LocalDate.parse(end))
                .param("k", kind)
                .param("c", category)
                .param("v", version)
                .param("num", numerator)
                .param("val", value)
                .param("f", first)
                .update();
    }

    String page(String path, String account) throws Exception {
        return mvc.perform(get(java.net.URI.create(path)).with(SignedIn.as(principals, account)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The scorecard row of one indicator (from its id to the end of the row), unescaped. */
    static String row(String html, String code) {
        int start = html.indexOf("id=\"row-" + code + "\"");
        assertThat(start).as("row of " + code).isGreaterThan(0);
        return HtmlUtils.htmlUnescape(html.substring(start, html.indexOf("</tr>", start)));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ------------------------------------------------------------------ tests

    @Test
    void scorecardShowsLatestPreviousChangeRatingAndCommentaryRequired() throws Exception {
        String code = "t_" + tag + "_red";
        long id = indicator(code, "Test red " + tag, "COUNT", "LOWER_IS_BETTER", "100");
        value(id, "2024-01-31", "100", "100");
        value(id, "2024-02-29", "120", "110");

        String row = row(page("/performance", DemoAccounts.BUSINESS), code);
        assertThat(row)
                .contains("Test red " + tag)
                .contains("120")
                .contains("Feb 2024")
                .contains("Jan 2024")
                .contains("+20 (+20.0%)")
                .contains(">Red<")
                .contains("Commentary required")
                .contains("England <span>42</span>")
                .doesNotContain("Early warning");

        jdbc.sql("insert into indicator_commentary (partnership_id, indicator_id, period_end, body, written_by_name)"
                        + " values (:p, :i, date '2024-02-29', :b, 'Tester')")
                .param("p", kent)
                .param("i", id)
                .param("b", "Explained " + tag)
                .update();
        assertThat(row(page("/performance", DemoAccounts.BUSINESS), code))
                .contains("Explained " + tag)
                .doesNotContain("Commentary required");

        assertThat(row(page("/performance?period=2024-01-31", DemoAccounts.BUSINESS), code))
                .as("the period filter shows each value at or before it")
                .contains("Jan 2024")
                .doesNotContain("Feb 2024")
                .contains(">Green<");
    }

    @Test
    void aCurrentEpisodePutsAnEarlyWarningMarkerOnTheRowAndAnEndedOneDoesNot() throws Exception {
        String code = "t_" + tag + "_sig";
        long id = indicator(code, "Test signal " + tag, "COUNT", "NEITHER", null);
        value(id, "2024-01-31", "50", "50");
        jdbc.sql("insert into spc_episode (partnership_id, indicator_id, direction, variation, started_on,"
                        + " last_period, rules, explanation) values (:p, :i, 'UP', 'NEITHER', date '2024-01-31',"
                        + " date '2024-01-31', array['OUTSIDE_LIMITS'], 'Far above the usual range')")
                .param("p", kent)
                .param("i", id)
                .update();
        assertThat(row(page("/performance", DemoAccounts.BUSINESS), code))
                .contains("/performance/early-warning#" + code)
                .contains("Early warning");
        jdbc.sql("update spc_episode set ended_at = now() where indicator_id = :i")
                .param("i", id)
                .update();
        assertThat(row(page("/performance", DemoAccounts.BUSINESS), code)).doesNotContain("Early warning");
    }

    @Test
    void filtersByPriorityAgencyAndDistrict() throws Exception {
        String withCode = "t_" + tag + "_pri";
        String otherCode = "t_" + tag + "_oth";
        long with = indicator(withCode, "Test priority " + tag, "COUNT", "NEITHER", null, PRIORITY);
        long other = indicator(otherCode, "Test other " + tag, "COUNT", "NEITHER", null, "Some other theme");
        value(with, "2024-01-31", "70", "70");
        value(other, "2024-01-31", "80", "80");
        String district = "Test district " + tag;
        value(with, "2024-01-31", "DISTRICT", district, 1, "17", "17", "17");

        String byPriority = page("/performance?priority=" + enc(PRIORITY), DemoAccounts.BUSINESS);
        assertThat(byPriority).contains("row-" + withCode).doesNotContain("row-" + otherCode);

        String byDistrict = page("/performance?district=" + enc(district), DemoAccounts.BUSINESS);
        assertThat(row(byDistrict, withCode)).contains("17").doesNotContain(">70<");
        assertThat(row(byDistrict, otherCode)).contains("Not available by district");

        long police = jdbc.sql("select id from agency where name = 'Kent Police' order by id limit 1")
                .query(Long.class)
                .single();
        jdbc.sql("insert into data_item (partnership_id, code, name, period_type, frequency, source_agency_id)"
                        + " values (:p, :c, 'Test item', 'MONTHLY', 'MONTHLY', :a)")
                .param("p", kent)
                .param("c", "t_" + tag + "_n")
                .param("a", police)
                .update();
        String byAgency = page("/performance?agency=" + police, DemoAccounts.BUSINESS);
        assertThat(byAgency).contains("row-" + withCode).contains("row-" + otherCode);
        jdbc.sql("update indicator_version set numerator = 'something_else' where indicator_id = :i")
                .param("i", other)
                .update();
        assertThat(page("/performance?agency=" + police, DemoAccounts.BUSINESS))
                .contains("row-" + withCode)
                .doesNotContain("row-" + otherCode);
    }

    @Test
    void firstPublishedFiguresDifferFromLatest() throws Exception {
        String code = "t_" + tag + "_fp";
        long id = indicator(code, "Test first " + tag, "COUNT", "NEITHER", null);
        value(id, "2024-03-31", "250", "230");
        assertThat(row(page("/performance", DemoAccounts.BUSINESS), code))
                .contains("250")
                .doesNotContain("230");
        assertThat(row(page("/performance?figures=first", DemoAccounts.BUSINESS), code))
                .contains("230")
                .doesNotContain("250");
    }

    @Test
    void scrutineerSeesSmallCountsSuppressed() throws Exception {
        String code = "t_" + tag + "_sm";
        long id = indicator(code, "Test small " + tag, "COUNT", "NEITHER", null);
        value(id, "2024-01-31", "40", "40");
        value(id, "2024-02-29", "3", "3");
        assertThat(row(page("/performance", DemoAccounts.BUSINESS), code)).contains(">3<");
        assertThat(row(page("/performance", DemoAccounts.SCRUTINEER), code))
                .contains("fewer than 6")
                .doesNotContain(">3<")
                .contains("suppressed");
        assertThat(row(page("/performance?view=published", DemoAccounts.BUSINESS), code))
                .contains("fewer than 6");
        String indicatorPage = HtmlUtils.htmlUnescape(page("/performance/indicators/" + code, DemoAccounts.SCRUTINEER));
        assertThat(indicatorPage).contains("fewer than 6").contains("40").doesNotContain(">3<");
        String csv = csv("/performance/indicators/" + code + "/export?format=csv", DemoAccounts.SCRUTINEER);
        assertThat(csv).contains("fewer than 6").doesNotContain(",3,");
    }

    @Test
    void indicatorPageShowsTheSeriesAndTheMethodologyBreak() throws Exception {
        String code = "t_" + tag + "_ser";
        long id = indicator(code, "Test series " + tag, "COUNT", "HIGHER_IS_BETTER", "50");
        jdbc.sql("""
                        insert into indicator_version (indicator_id, version_no, numerator, factor, decimals,
                               polarity, target, effective_from, change_reason)
                        values (:i, 2, :n, 'COUNT', 0, 'HIGHER_IS_BETTER', 50, date '2024-02-01', 'Recording change')
                        """).param("i", id).param("n", "t_" + tag + "_n").update();
        jdbc.sql("update indicator set current_version = 2 where id = :i")
                .param("i", id)
                .update();
        value(id, "2023-12-31", "", "", 1, "61", "61", "61");
        value(id, "2024-01-31", "", "", 1, "62", "62", "60");
        value(id, "2024-02-29", "", "", 2, "45", "45", "45");
        value(id, "2024-02-29", "DISTRICT", "Test district " + tag, 2, "12", "12", "12");

        String html = HtmlUtils.htmlUnescape(page("/performance/indicators/" + code, DemoAccounts.PANEL));
        assertThat(html)
                .contains("Test series " + tag)
                .contains("Methodology change (version 2)")
                .contains("Dec 2023")
                .contains(">61<")
                .contains(">62<")
                .contains(">60<")
                .contains(">45<")
                .contains("Test district " + tag)
                .contains("/performance/catalogue/indicators/" + code)
                .contains("Earlier periods keep the older method");
        assertThat(row(page("/performance", DemoAccounts.BUSINESS), code)).contains("Methodology changed");

        String csv = csv("/performance/indicators/" + code + "/export?format=csv", DemoAccounts.BUSINESS);
        assertThat(csv.lines()
                        .filter(l -> l.startsWith("Dec 2023") || l.startsWith("Jan 2024") || l.startsWith("Feb 2024")))
                .hasSize(3);
        assertThat(csv).contains("Feb 2024,2024-02-29,45,45,,45,Amber,No,2");
    }

    @Test
    void contextInNumbersGroupsByTheThreePercentRule() throws Exception {
        String inLine = "t_" + tag + "_il";
        String down = "t_" + tag + "_dn";
        String up = "t_" + tag + "_up";
        long a = indicator(inLine, "Test in line " + tag, "COUNT", "NEITHER", null);
        long b = indicator(down, "Test decreasing " + tag, "COUNT", "NEITHER", null);
        long c = indicator(up, "Test increasing " + tag, "COUNT", "NEITHER", null);
        value(a, "2023-03-31", "1000", "1000");
        value(a, "2024-03-31", "973", "973");
        value(b, "2023-03-31", "1000", "1000");
        value(b, "2024-03-31", "970", "970");
        value(c, "2023-03-31", "1000", "1000");
        value(c, "2024-03-31", "1061", "1061");

        String csv = csv("/performance/context.csv?year=2024-03-31", DemoAccounts.BUSINESS);
        assertThat(csv)
                .contains("Test in line " + tag + ",973,\"1,000\",'-2.7%,In line")
                .contains("Test decreasing " + tag + ",970,\"1,000\",'-3.0%,Decreasing")
                .contains("Test increasing " + tag + ",\"1,061\",\"1,000\",'+6.1%,Increasing");
        String html = HtmlUtils.htmlUnescape(page("/performance/context?year=2024-03-31", DemoAccounts.BUSINESS));
        assertThat(html).contains("2023-24 compared with 2022-23").contains("Test in line " + tag);
    }

    @Test
    void prioritiesDashboardGroupsIndicators() throws Exception {
        String code = "t_" + tag + "_pd";
        long id = indicator(code, "Test dashboard " + tag, "COUNT", "NEITHER", null, PRIORITY);
        value(id, "2024-01-31", "33", "33");
        String html = HtmlUtils.htmlUnescape(page("/performance/priorities", DemoAccounts.PANEL));
        int group = html.indexOf(">Online safety</h2>");
        assertThat(group).isPositive();
        assertThat(html.indexOf("Test dashboard " + tag)).isGreaterThan(group);
        assertThat(html).contains("Mental health of children and young people").contains(">33<");
    }

    @Test
    void businessTeamAddsCommentaryWithValidation() throws Exception {
        String code = "t_" + tag + "_com";
        long id = indicator(code, "Test commentary " + tag, "COUNT", "NEITHER", null);
        value(id, "2024-01-31", "10", "10");
        MockHttpServletResponse invalid = mvc.perform(post("/performance/indicators/" + code + "/commentary")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("periodEnd", "")
                        .param("body", " "))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse();
        assertThat(invalid.getContentAsString(StandardCharsets.UTF_8))
                .contains("Choose the period the commentary is about")
                .contains("Enter the commentary");

        mvc.perform(post("/performance/indicators/" + code + "/commentary")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("periodEnd", "2024-01-31")
                        .param("body", "Rising because of " + tag))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/performance/indicators/" + code, DemoAccounts.BUSINESS))
                .contains("Rising because of " + tag);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'indicator_commentary'"
                                + " and changes::text like :t")
                        .param("t", "%" + tag + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        mvc.perform(post("/performance/indicators/" + code + "/commentary")
                        .with(SignedIn.as(principals, DemoAccounts.PANEL))
                        .with(csrf())
                        .param("periodEnd", "2024-01-31")
                        .param("body", "Not allowed"))
                .andExpect(status().isForbidden());
    }

    @Test
    void agencyLeadsCannotSeeThePerformancePagesAndUnknownIndicatorsAreNotFound() throws Exception {
        for (String path : List.of(
                "/performance", "/performance/context", "/performance/priorities", "/performance/scorecard.csv")) {
            mvc.perform(get(java.net.URI.create(path)).with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/performance/indicators/no_such_" + tag).with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andExpect(status().isNotFound());
    }

    @Test
    void scorecardDownloadsHaveTheFilteredRows() throws Exception {
        String withCode = "t_" + tag + "_xa";
        String otherCode = "t_" + tag + "_xb";
        long with = indicator(withCode, "Test export " + tag, "COUNT", "NEITHER", null, PRIORITY);
        long other = indicator(otherCode, "Test not exported " + tag, "COUNT", "NEITHER", null);
        value(with, "2024-01-31", "70", "70");
        value(other, "2024-01-31", "80", "80");
        String csv = csv("/performance/scorecard.csv?priority=" + enc(PRIORITY), DemoAccounts.BUSINESS);
        assertThat(csv)
                .contains("Code,Indicator,Period")
                .contains(withCode + ",Test export " + tag + ",Jan 2024,70")
                .doesNotContain(otherCode);
        MockHttpServletResponse xlsx = mvc.perform(
                        get(java.net.URI.create("/performance/scorecard.xlsx?priority=" + enc(PRIORITY)))
                                .with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(xlsx.getContentType()).contains("spreadsheetml");
        assertThat(xlsx.getContentAsByteArray()).isNotEmpty();
        assertThat(new BigDecimal(xlsx.getContentAsByteArray().length)).isPositive();
    }

    String csv(String path, String account) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get(java.net.URI.create(path)).with(SignedIn.as(principals, account)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
