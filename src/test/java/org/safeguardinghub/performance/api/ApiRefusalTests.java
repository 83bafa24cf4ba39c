package org.safeguardinghub.performance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the API refuses, and how: every error is application/problem+json, never the HTML page; figures beyond an
 * item's declared range and periods that have not started are refused; tokens expire, stop with their creator's
 * account and are capped per agency. Each test uses an agency of its own, so no other test's tokens count.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiRefusalTests {

    private static final Pattern TOKEN = Pattern.compile("(shub_[A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    long kent;

    @BeforeEach
    void ids() {
        kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
    }

    @Test
    void malformedJsonWrongContentTypeUnknownPathsAndWrongMethodsAnswerProblemJson() throws Exception {
        long agency = newAgency();
        String token = tokenFor(agency, "System " + suffix());
        String end = "2025-01-31";

        var malformed = api(
                put("/api/v1/returns/MONTHLY/" + end)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\": [ {\"item\": "),
                token);
        assertProblem(malformed, 400);
        assertThat(malformed.getContentAsString()).contains("send a JSON body");

        var wrongShape = api(
                put("/api/v1/returns/MONTHLY/" + end)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\": \"twelve\"}"),
                token);
        assertProblem(wrongShape, 400);

        var wrongType = api(
                put("/api/v1/returns/MONTHLY/" + end)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("values=12"),
                token);
        assertProblem(wrongType, 415);

        assertProblem(api(get("/api/v1/no-such-thing"), token), 404);
        assertProblem(api(post("/api/v1/items"), token), 405);
        assertProblem(api(get("/api/v1/returns/WEEKLY/" + end), token), 400);
        assertProblem(api(get("/api/v1/returns/MONTHLY/" + end), token), 404); // nothing returned yet
    }

    @Test
    void aFigureBeyondTheItemsRangeAndAPeriodThatHasNotStartedAreRefused() throws Exception {
        long agency = newAgency();
        String item = item(agency);
        String token = tokenFor(agency, "System " + suffix());

        var huge = save(token, "2025-01-31", item, "9".repeat(400));
        assertProblem(huge, 422);
        assertThat(huge.getContentAsString()).contains("\"field\":\"value\"").contains("400 digits");
        var twenty = save(token, "2025-01-31", item, "99999999999999999999");
        assertProblem(twenty, 422);
        assertThat(twenty.getContentAsString()).contains("must be 999,999,999,999 or less");
        var comma = save(token, "2025-01-31", item, "1,5");
        assertProblem(comma, 422);
        assertThat(comma.getContentAsString()).contains("without commas");
        assertThat(values(agency)).isZero();

        LocalDate thisMonth = YearMonth.now().atEndOfMonth();
        assertThat(save(token, thisMonth.toString(), item, "4").getStatus()).isEqualTo(200);
        var future = save(token, "2031-03-31", item, "4");
        assertProblem(future, 422);
        assertThat(future.getContentAsString())
                .contains("\"field\":\"periodEnd\"")
                .contains("has not started");
        var nextMonth = save(token, YearMonth.now().plusMonths(1).atEndOfMonth().toString(), item, "4");
        assertProblem(nextMonth, 422);
        assertThat(values(agency)).isEqualTo(1);
    }

    @Test
    void anExpiredTokenAndATokenWhoseCreatorIsDeactivatedAreRefused() throws Exception {
        long agency = newAgency();
        String name = "Expiring " + suffix();
        String token = tokenFor(agency, name);
        assertThat(api(get("/api/v1/items"), token).getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select expires_at > now() + interval '364 days' from api_token where name = :n")
                        .param("n", name)
                        .query(Boolean.class)
                        .single())
                .as("a new token lasts a year")
                .isTrue();
        jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where name = :n")
                .param("n", name)
                .update();
        assertProblem(api(get("/api/v1/items"), token), 401);
        assertThat(page("/returns/tokens?agency=" + agency)).contains("Expired");

        // a token created by a person whose account is later deactivated stops with them
        String leaver = "Leaver " + suffix();
        String second = tokenFor(agency, leaver);
        long person = jdbc.sql("""
                        insert into app_user (email, display_name, agency_id, status)
                        values (:e, 'Departed Lead', :a, 'ACTIVE') returning id
                        """)
                .param("e", "leaver-" + suffix() + "@example.org")
                .param("a", agency)
                .query(Long.class)
                .single();
        jdbc.sql("update api_token set created_by = :u where name = :n")
                .param("u", person)
                .param("n", leaver)
                .update();
        assertThat(api(get("/api/v1/items"), second).getStatus()).isEqualTo(200);
        jdbc.sql("update app_user set status = 'DEACTIVATED' where id = :u")
                .param("u", person)
                .update();
        assertProblem(api(get("/api/v1/items"), second), 401);
        assertThat(page("/returns/tokens?agency=" + agency)).contains("Stopped: its creator");
    }

    @Test
    void anAgencyMayHoldOnlyTenLiveTokens() throws Exception {
        long agency = newAgency();
        for (int i = 0; i < ApiTokens.MAX_LIVE_PER_AGENCY; i++) {
            tokenFor(agency, "Token " + i + " " + suffix());
        }
        var refused = createToken(agency, "One too many");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("already has 10 live tokens");
        assertThat(jdbc.sql("select count(*) from api_token where agency_id = :a")
                        .param("a", agency)
                        .query(Long.class)
                        .single())
                .isEqualTo(10);

        // revoking one makes room
        long first = jdbc.sql("select min(id) from api_token where agency_id = :a")
                .param("a", agency)
                .query(Long.class)
                .single();
        mvc.perform(post("/returns/tokens/" + first + "/revoke")
                .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                .with(csrf()));
        assertThat(createToken(agency, "Replacement").getStatus()).isEqualTo(200);
    }

    // ---- helpers ----

    private static void assertProblem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString())
                .startsWith("{")
                .contains("\"status\":" + status)
                .doesNotContain("<html")
                .doesNotContain("Exception");
    }

    private MockHttpServletResponse save(String token, String end, String item, String value) throws Exception {
        return api(
                put("/api/v1/returns/MONTHLY/" + end)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\":[{\"item\":\"" + item + "\",\"value\":\"" + value + "\"}]}"),
                token);
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse createToken(long agency, String name) throws Exception {
        return mvc.perform(post("/returns/tokens/new")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("agency", String.valueOf(agency))
                        .param("name", name))
                .andReturn()
                .getResponse();
    }

    private String tokenFor(long agency, String name) throws Exception {
        String page = createToken(agency, name).getContentAsString();
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("token on the page").isTrue();
        return m.group(1);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long newAgency() {
        long id = jdbc.sql("insert into agency (name, agency_type, sector) values (:n, 'EARLY_YEARS', 'EARLY_YEARS')"
                        + " returning id")
                .param("n", "API Test Agency " + suffix())
                .query(Long.class)
                .single();
        jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p)")
                .param("a", id)
                .param("p", kent)
                .update();
        return id;
    }

    private String item(long agency) {
        String code = "t_apir_" + suffix();
        jdbc.sql("""
                        insert into data_item (partnership_id, code, name, period_type, frequency, source_agency_id,
                                               required, min_value)
                        values (:p, :code, :name, 'MONTHLY', 'MONTHLY', :a, false, 0)
                        """)
                .param("p", kent)
                .param("code", code)
                .param("name", "API refusal item " + code)
                .param("a", agency)
                .update();
        return code;
    }

    private long values(long agency) {
        return jdbc.sql("select count(*) from data_value where agency_id = :a")
                .param("a", agency)
                .query(Long.class)
                .single();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
