package org.safeguardinghub.performance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API tokens and the data returns API: a token is shown once and stored as a hash; it acts for its own agency only;
 * a missing, wrong or revoked token is a 401; the OpenAPI description is public.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenTests {

    private static final Pattern TOKEN = Pattern.compile("(shub_[A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    long kent;
    long police;
    long council;

    @BeforeEach
    void ids() {
        kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        police = agency("Kent Police");
        council = agency("Kent County Council");
    }

    @Test
    void aNewTokenIsShownOnceAndOnlyItsHashIsKept() throws Exception {
        String name = "Custody system " + suffix();
        String page = mvc.perform(post("/returns/tokens/new")
                        .with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD))
                        .with(csrf())
                        .param("name", name))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = token(page);
        assertThat(page).contains("shown only once").contains(name);

        var stored = jdbc.sql("select token_hash, token_prefix, agency_id from api_token where name = :n")
                .param("n", name)
                .query((rs, i) -> new String[] {
                    rs.getString("token_hash"), rs.getString("token_prefix"), rs.getString("agency_id")
                })
                .single();
        assertThat(stored[0]).isEqualTo(ApiTokens.sha256(token)).doesNotContain(token);
        assertThat(token).startsWith(stored[1]);
        assertThat(stored[1]).hasSize(11);
        assertThat(stored[2]).isEqualTo(String.valueOf(police));

        String list = mvc.perform(get("/returns/tokens").with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(name).contains(stored[1]).doesNotContain(token);

        // a name is required
        var invalid = mvc.perform(post("/returns/tokens/new")
                        .with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD))
                        .with(csrf())
                        .param("name", " "))
                .andReturn()
                .getResponse();
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getContentAsString()).contains("Enter a name for the token");
    }

    @Test
    void anAgencyLeadCannotManageAnotherAgencysTokens() throws Exception {
        String councilToken = tokenFor(DemoAccounts.BUSINESS, council, "KCC system " + suffix());
        long id = jdbc.sql("select id from api_token where token_hash = :h")
                .param("h", ApiTokens.sha256(councilToken))
                .query(Long.class)
                .single();
        assertThat(mvc.perform(get("/returns/tokens")
                                .param("agency", String.valueOf(council))
                                .with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/returns/tokens/" + id + "/revoke")
                                .with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("select revoked_at is null from api_token where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aTokenSavesIntoItsOwnAgencysReturnOnly() throws Exception {
        String policeItem = item(police);
        String councilItem = item(council);
        LocalDate end = openMonthEnd(police);
        String token = tokenFor(DemoAccounts.POLICE_LEAD, police, "Custody " + suffix());

        var items = api(get("/api/v1/items"), token);
        assertThat(items.getStatus()).isEqualTo(200);
        assertThat(items.getContentAsString()).contains(policeItem).doesNotContain(councilItem);

        var saved = api(
                put("/api/v1/returns/MONTHLY/" + end)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\":[{\"item\":\"" + policeItem
                                + "\",\"breakdown\":\"\",\"breakdownValue\":\"\",\"value\":\"150\",\"comment\":null}],"
                                + "\"submit\":false}"),
                token);
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        assertThat(saved.getContentAsString())
                .contains("\"status\":\"DRAFT\"")
                .contains(policeItem)
                .contains("150");
        assertThat(valueOf(policeItem, police, end)).isEqualTo("150");
        assertThat(jdbc.sql("select source from data_value v join data_item i on i.id = v.data_item_id"
                                + " where i.code = :c and v.period_end = :e")
                        .param("c", policeItem)
                        .param("e", end)
                        .query(String.class)
                        .single())
                .isEqualTo("API");

        // another agency's item is a problem and nothing is saved
        var refused = api(
                put("/api/v1/returns/MONTHLY/" + end)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\":[{\"item\":\"" + policeItem + "\",\"value\":\"151\"},{\"item\":\""
                                + councilItem + "\",\"value\":\"9\"}]}"),
                token);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("\"problems\"")
                .contains("\"item\":\"" + councilItem + "\"")
                .contains("\"field\":\"item_code\"");
        assertThat(valueOf(policeItem, police, end)).isEqualTo("150");
        assertThat(jdbc.sql("select count(*) from data_value v join data_item i on i.id = v.data_item_id"
                                + " where i.code = :c")
                        .param("c", councilItem)
                        .query(Long.class)
                        .single())
                .isZero();

        // the police token reads its return; the council's token cannot see it (the token decides the agency)
        var read = api(get("/api/v1/returns/MONTHLY/" + end), token);
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getContentAsString()).contains(policeItem).contains("\"value\":\"150\"");
        String councilToken = tokenFor(DemoAccounts.BUSINESS, council, "KCC " + suffix());
        var other = api(get("/api/v1/returns/MONTHLY/" + end), councilToken);
        assertThat(other.getContentAsString()).doesNotContain(policeItem);
        assertThat(other.getStatus()).isEqualTo(404);
        // and it cannot write the police item either
        var otherWrite = api(
                put("/api/v1/returns/MONTHLY/" + end)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\":[{\"item\":\"" + policeItem + "\",\"value\":\"1\"}]}"),
                councilToken);
        assertThat(otherWrite.getStatus()).isEqualTo(422);
        assertThat(valueOf(policeItem, police, end)).isEqualTo("150");

        // a period end that is not one is a 400 problem
        var badPeriod = api(get("/api/v1/returns/MONTHLY/" + end.minusDays(3)), token);
        assertThat(badPeriod.getStatus()).isEqualTo(400);
    }

    @Test
    void missingWrongAndRevokedTokensAreRefused() throws Exception {
        var none = mvc.perform(get("/api/v1/items")).andReturn().getResponse();
        assertThat(none.getStatus()).isEqualTo(401);
        assertThat(none.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(none.getContentAsString()).contains("\"status\":401").contains("\"title\"");

        var wrong = api(get("/api/v1/items"), "shub_" + "x".repeat(43));
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getHeader("WWW-Authenticate")).isEqualTo("Bearer");

        String name = "Revoked " + suffix();
        String token = tokenFor(DemoAccounts.POLICE_LEAD, police, name);
        assertThat(api(get("/api/v1/items"), token).getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select last_used_at is not null from api_token where name = :n")
                        .param("n", name)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        long id = jdbc.sql("select id from api_token where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        var revoked = mvc.perform(post("/returns/tokens/" + id + "/revoke")
                        .with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(revoked.getStatus()).isEqualTo(302);
        var after = api(get("/api/v1/items"), token);
        assertThat(after.getStatus()).isEqualTo(401);
        assertThat(after.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'api_token' and record_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theOpenApiDescriptionIsPublicAndListsThePut() throws Exception {
        var response = mvc.perform(get("/api/openapi")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String json = response.getContentAsString();
        assertThat(json)
                .contains("\"/api/v1/returns/{frequency}/{periodEnd}\"")
                .contains("\"put\"")
                .contains("\"/api/v1/items\"")
                .contains("bearer")
                .doesNotContain("\"/districts\"");
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'");
    }

    // ---- helpers ----

    private MockHttpServletResponse api(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
    }

    private String tokenFor(String account, long agency, String name) throws Exception {
        var request = post("/returns/tokens/new")
                .with(SignedIn.as(principals, account))
                .with(csrf())
                .param("name", name);
        if (DemoAccounts.BUSINESS.equals(account)) {
            request = request.param("agency", String.valueOf(agency));
        }
        return token(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("token on the page").isTrue();
        return m.group(1);
    }

    private String item(long agency) {
        String code = "t_api_" + suffix();
        jdbc.sql("""
                        insert into data_item (partnership_id, code, name, period_type, frequency, source_agency_id,
                                               required, min_value)
                        values (:p, :code, :name, 'MONTHLY', 'MONTHLY', :a, false, 0)
                        """)
                .param("p", kent)
                .param("code", code)
                .param("name", "API test item " + code)
                .param("a", agency)
                .update();
        return code;
    }

    private String valueOf(String code, long agency, LocalDate end) {
        return jdbc.sql("select v.value from data_value v join data_item i on i.id = v.data_item_id"
                        + " where i.code = :c and v.agency_id = :a and v.period_end = :e")
                .param("c", code)
                .param("a", agency)
                .param("e", end)
                .query(java.math.BigDecimal.class)
                .optional()
                .map(v -> v.stripTrailingZeros().toPlainString())
                .orElse("none");
    }

    private long agency(String name) {
        return jdbc.sql("select a.id from agency a where a.name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    /** A month (within the working-day calendar) whose police return nobody has submitted or accepted. */
    private LocalDate openMonthEnd(long agency) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            LocalDate end =
                    YearMonth.of(2015 + r.nextInt(10), 1 + r.nextInt(12)).atEndOfMonth();
            boolean locked = jdbc.sql("select count(*) > 0 from data_return where agency_id = :a"
                            + " and frequency = 'MONTHLY' and period_end = :e and status in ('SUBMITTED', 'ACCEPTED')")
                    .param("a", agency)
                    .param("e", end)
                    .query(Boolean.class)
                    .single();
            // the council must have no return ending that day (of any frequency: its annual population returns end
            // on 31 March), so its token finds nothing for the period
            boolean councilHasOne = jdbc.sql(
                            "select count(*) > 0 from data_return where agency_id = :a" + " and period_end = :e")
                    .param("a", council)
                    .param("e", end)
                    .query(Boolean.class)
                    .single();
            if (!locked && !councilHasOne) {
                return end;
            }
        }
        throw new IllegalStateException("no open month");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
