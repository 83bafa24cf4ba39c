package org.safeguardinghub.performance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.performance.compute.IndicatorCalculator;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Kent catalogue file at start, newer file versions, the calculator on values the test inserts, recomputing
 * history, export and import, and who may change the catalogue. Codes carry a random suffix (shared database).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    CatalogueLoader loader;

    @Autowired
    IndicatorCalculator calculator;

    private long kent() {
        return jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
    }

    private long kcc() {
        return jdbc.sql("select id from agency where name = 'Kent County Council'")
                .query(Long.class)
                .single();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void theKentFileIsLoadedAtStart() {
        long p = kent();
        assertThat(catalogue.items(p))
                .extracting(DataItem::code)
                .contains("population_u18", "cp_plans", "nelft_referrals");
        DataItem nelft = catalogue.item(p, "nelft_referrals").orElseThrow();
        assertThat(nelft.sourceAgencyName()).isEqualTo("North East London NHS Foundation Trust");
        assertThat(catalogue.rules(p))
                .extracting(DataRule::code)
                .contains("uasc_within_cla", "cp_second_time_within_cp");
        IndicatorDefinition cp = catalogue.indicator(p, "cp_rate").orElseThrow();
        assertThat(cp.target()).isEqualByComparingTo("35.7");
        assertThat(cp.priorities()).contains("Effective multi-agency working");
        IndicatorDefinition cla = catalogue.indicator(p, "cla_rate").orElseThrow();
        assertThat(catalogue.versions(cla.indicatorId())).hasSize(2);
        assertThat(cla.numerator()).isEqualTo("cla_total");
        assertThat(jdbc.sql(
                                "select file_version from catalogue_file_load where partnership_id = :p and file_name = 'kent.yml'")
                        .param("p", p)
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void publishedKentFiguresKeepTheirProvenanceAndComputeTheRates() {
        long p = kent();
        String provenance = jdbc.sql("""
                        select v.provenance from data_value v join data_item i on i.id = v.data_item_id
                        where v.partnership_id = :p and i.code = 'cp_plans' and v.period_end = date '2020-03-31'
                          and v.source = 'PUBLISHED'""").param("p", p).query(String.class).single();
        assertThat(provenance).contains("2019-20", "[002:124]");
        calculator.recomputeForItems(p, List.of("cp_plans"));
        Map<String, Object> cp = indicatorValue("cp_rate", LocalDate.of(2020, 3, 31));
        // 1,338 children on a plan, 343,800 children (mid-2019): 38.9 per 10,000
        assertThat((BigDecimal) cp.get("numerator")).isEqualByComparingTo("1338");
        assertThat((BigDecimal) cp.get("denominator")).isEqualByComparingTo("343800");
        assertThat((BigDecimal) cp.get("value")).isEqualByComparingTo("38.9");
    }

    private String file(String s, int version, String numerator, String effectiveFrom) {
        return """
                partnership: KSCMP
                version: %d
                items:
                  - code: t_pop_%s
                    name: Test population %s
                    kind: POPULATION
                    period_type: SNAPSHOT
                    frequency: ANNUAL
                    source_agency: Kent County Council
                  - code: t_a_%s
                    name: Test monthly A %s
                    period_type: MONTHLY
                    source_agency: Kent County Council
                  - code: t_b_%s
                    name: Test monthly B %s
                    period_type: MONTHLY
                    source_agency: No Such Agency Anywhere
                indicators:
                  - code: t_rate_%s
                    name: Test rate %s
                    numerator: %s
                    denominator: t_pop_%s
                    factor: PER_10000
                    aggregation: ROLLING_12_MONTHS
                    decimals: 1
                    effective_from: %s
                """.formatted(version, s, s, s, s, s, s, s, s, numerator.replace("$", s), s, effectiveFrom);
    }

    /** A figure as loaded from a published report (no return): only such figures and accepted ones count. */
    private void value(long item, LocalDate periodEnd, String value) {
        jdbc.sql("""
                        insert into data_value (partnership_id, data_item_id, agency_id, period_end, value, first_value,
                                                source, provenance)
                        values (:p, :item, :agency, :end, :value, :value, 'PUBLISHED', 'Test report')""")
                .param("p", kent())
                .param("item", item)
                .param("agency", kcc())
                .param("end", periodEnd)
                .param("value", new BigDecimal(value))
                .update();
    }

    private Map<String, Object> indicatorValue(String code, LocalDate periodEnd) {
        return jdbc.sql("""
                        select v.value, v.version_no, v.numerator, v.denominator from indicator_value v
                        join indicator i on i.id = v.indicator_id
                        where i.partnership_id = :p and i.code = :code and v.period_end = :end
                          and v.breakdown_kind = ''""")
                .param("p", kent())
                .param("code", code)
                .param("end", periodEnd)
                .query()
                .singleRow();
    }

    private int valueCount(String code) {
        return jdbc.sql("""
                        select count(*) from indicator_value v join indicator i on i.id = v.indicator_id
                        where i.partnership_id = :p and i.code = :code""")
                .param("p", kent())
                .param("code", code)
                .query(Integer.class)
                .single();
    }

    @Test
    void aRatePer10000OverRolling12MonthsANewerFileVersionAndRecomputingHistory() throws Exception {
        String s = suffix();
        String name = "t_" + s + ".yml";
        assertThat(loader.load(name, file(s, 1, "t_a_$", "2020-04-01"))).isTrue();
        assertThat(loader.load(name, file(s, 1, "t_a_$", "2020-04-01")))
                .as("same version again")
                .isFalse();
        long p = kent();
        assertThat(catalogue.item(p, "t_b_" + s).orElseThrow().sourceAgencyId())
                .as("unknown agency")
                .isNull();
        long pop = catalogue.item(p, "t_pop_" + s).orElseThrow().id();
        long a = catalogue.item(p, "t_a_" + s).orElseThrow().id();
        long b = catalogue.item(p, "t_b_" + s).orElseThrow().id();
        value(pop, LocalDate.of(2023, 3, 31), "300000");
        // April 2023 to June 2024: 100 a month for a, 50 for b
        for (YearMonth m = YearMonth.of(2023, 4); !m.isAfter(YearMonth.of(2024, 6)); m = m.plusMonths(1)) {
            value(a, m.atEndOfMonth(), "100");
            value(b, m.atEndOfMonth(), "50");
        }
        calculator.recomputeForItems(p, List.of("t_a_" + s));
        // 12 x 100 = 1,200 over 300,000 children = 40.0 per 10,000
        Map<String, Object> march = indicatorValue("t_rate_" + s, LocalDate.of(2024, 3, 31));
        assertThat((BigDecimal) march.get("numerator")).isEqualByComparingTo("1200");
        assertThat((BigDecimal) march.get("denominator")).isEqualByComparingTo("300000");
        assertThat((BigDecimal) march.get("value")).isEqualByComparingTo("40.0");
        // only March 2024 to June 2024 have twelve months
        assertThat(valueCount("t_rate_" + s)).isEqualTo(4);

        // version 2: numerator a + b from July 2024... and from 1 May 2024
        assertThat(loader.load(name, file(s, 2, "t_a_$ + t_b_$", "2024-05-01"))).isTrue();
        IndicatorDefinition current = catalogue.indicator(p, "t_rate_" + s).orElseThrow();
        assertThat(current.versionNo()).isEqualTo(2);
        assertThat(catalogue.versions(current.indicatorId())).hasSize(2);
        calculator.recomputeForItems(p, List.of("t_b_" + s));
        Map<String, Object> april = indicatorValue("t_rate_" + s, LocalDate.of(2024, 4, 30));
        assertThat(april.get("version_no")).isEqualTo(1);
        assertThat((BigDecimal) april.get("value")).isEqualByComparingTo("40.0");
        Map<String, Object> may = indicatorValue("t_rate_" + s, LocalDate.of(2024, 5, 31));
        assertThat(may.get("version_no")).isEqualTo(2);
        assertThat((BigDecimal) may.get("value")).isEqualByComparingTo("60.0");

        MvcResult page = send(DemoAccounts.BUSINESS, get("/performance/catalogue/indicators/t_rate_" + s));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).contains("Methodology break", "Recompute history");

        MvcResult recompute =
                send(DemoAccounts.BUSINESS, post("/performance/catalogue/indicators/t_rate_" + s + "/recompute"));
        assertThat(recompute.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> aprilAgain = indicatorValue("t_rate_" + s, LocalDate.of(2024, 4, 30));
        assertThat(aprilAgain.get("version_no")).isEqualTo(2);
        assertThat((BigDecimal) aprilAgain.get("value")).isEqualByComparingTo("60.0");
    }

    @Test
    void exportThenImportRoundTripsWithoutNewVersions() throws Exception {
        long p = kent();
        IndicatorDefinition cla = catalogue.indicator(p, "cla_rate").orElseThrow();
        int versionsBefore = catalogue.versions(cla.indicatorId()).size();
        MvcResult export = send(DemoAccounts.BUSINESS, get("/performance/catalogue/export.yaml"));
        assertThat(export.getResponse().getStatus()).isEqualTo(200);
        String yaml = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(yaml).contains("partnership: KSCMP", "code: cp_rate", "numerator: cla_total");
        CatalogueFiles.Parsed parsed = CatalogueFiles.parse(yaml, List.of());
        assertThat(parsed.problems()).isEmpty();

        MvcResult imported = upload(DemoAccounts.BUSINESS, "catalogue.yaml", yaml);
        assertThat(imported.getResponse().getStatus()).isEqualTo(302);
        assertThat(catalogue.versions(cla.indicatorId())).hasSize(versionsBefore);
    }

    @Test
    void anImportWithSeveralMistakesReportsEachAndWritesNothing() throws Exception {
        String s = suffix();
        String bad = """
                partnership: KSCMP
                version: 9
                items:
                  - code: t_new_%s
                    name: New item
                    period_type: MONTHLY
                indicators:
                  - code: t_ok_%s
                    name: Fine
                    numerator: t_new_%s
                    effective_from: 2024-04-01
                  - code: t_bad_%s
                    name: Bad
                    numerator: cpp_plans
                    factor: PERCENT
                    decimals: 9
                    effective_from: 2024-04-01
                """.formatted(s, s, s, s);
        MvcResult result = upload(DemoAccounts.BUSINESS, "bad.yaml", bad);
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        String page = result.getResponse().getContentAsString();
        assertThat(page)
                .contains(
                        "indicators[1].numerator: unknown item code cpp_plans",
                        "indicators[1].decimals: must be between 0 and 4",
                        "indicators[1].denominator: required");
        assertThat(catalogue.item(kent(), "t_new_" + s)).isEmpty();
        assertThat(catalogue.indicator(kent(), "t_ok_" + s)).isEmpty();

        // a Windows-1252 file is refused with a message, never read with replacement characters
        String accented = bad.replace("name: Fine", "name: Café £5").replace("cpp_plans", "t_new_" + s);
        MvcResult windows1252 = mvc.perform(multipart("/performance/catalogue/import")
                        .file(new MockMultipartFile(
                                "file",
                                "cat.yaml",
                                "application/yaml",
                                accented.getBytes(java.nio.charset.Charset.forName("windows-1252"))))
                        .with(csrf())
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn();
        assertThat(windows1252.getResponse().getStatus()).isEqualTo(422);
        assertThat(windows1252.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("not saved as UTF-8");
        assertThat(catalogue.item(kent(), "t_new_" + s)).isEmpty();
    }

    @Test
    void anIndicatorFormWithMistakesIsRefusedAndAFormulaChangeNeedsADateAndReason() throws Exception {
        MvcResult result = send(
                DemoAccounts.BUSINESS,
                post("/performance/catalogue/indicators")
                        .param("code", "t_x_" + suffix())
                        .param("name", "X")
                        .param("numerator", "cp_plans + nope_" + suffix())
                        .param("factor", "PER_10000")
                        .param("aggregation", "LATEST")
                        .param("decimals", "7")
                        .param("polarity", "NEITHER")
                        .param("effectiveFrom", "2024-04-01"));
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString())
                .contains("There is a problem", "unknown item code", "only a count has none", "from 0 to 4");

        MvcResult edit = send(
                DemoAccounts.BUSINESS,
                post("/performance/catalogue/indicators/cp_plans")
                        .param("name", "Children on a child protection plan")
                        .param("numerator", "cp_plans + cp_plans_disability")
                        .param("factor", "COUNT")
                        .param("aggregation", "LATEST")
                        .param("decimals", "0")
                        .param("polarity", "NEITHER")
                        .param("version", "0"));
        assertThat(edit.getResponse().getStatus()).isEqualTo(422);
        assertThat(edit.getResponse().getContentAsString())
                .contains("methodology break", "Enter why the formula changed");
    }

    @Test
    void anAgencyLeadReadsTheCatalogueButCannotChangeIt() throws Exception {
        MvcResult read = send(DemoAccounts.POLICE_LEAD, get("/performance/catalogue"));
        assertThat(read.getResponse().getStatus()).isEqualTo(200);
        assertThat(read.getResponse().getContentAsString()).contains("Children on a child protection plan per 10,000");
        assertThat(send(DemoAccounts.POLICE_LEAD, get("/performance/catalogue/indicators/cp_rate"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(send(
                                DemoAccounts.POLICE_LEAD,
                                post("/performance/catalogue/items").param("code", "t_" + suffix()))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(DemoAccounts.POLICE_LEAD, post("/performance/catalogue/indicators/cp_rate/recompute"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(DemoAccounts.POLICE_LEAD, get("/performance/catalogue/new-item"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(DemoAccounts.BUSINESS, get("/performance/catalogue/new-indicator"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(send(DemoAccounts.BUSINESS, get("/performance/catalogue/items/cp_plans/edit"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(send(DemoAccounts.BUSINESS, get("/performance/catalogue/items/no_such_item"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private MvcResult send(String account, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(SignedIn.as(principals, account)))
                .andReturn();
    }

    private MvcResult upload(String account, String name, String text) throws Exception {
        return mvc.perform(multipart("/performance/catalogue/import")
                        .file(new MockMultipartFile(
                                "file", name, "application/yaml", text.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(SignedIn.as(principals, account)))
                .andReturn();
    }
}
