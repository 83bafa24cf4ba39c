package org.safeguardinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.safeguardinghub.support.SignedInPages;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a penetration test sends, answered as a person would want: a NUL byte in any text is removed (with a
 * notice) and what was typed is saved; any page number gives a page; a tampered CSRF token is a plain 403.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileInputTests extends SignedInPages {

    static final String NUL = "\u0000";

    @Test
    void aPublicReferralWithANulByteIsKeptWithoutIt() throws Exception {
        String name = "Nul Notifier " + UUID.randomUUID();
        long district = jdbc.sql("""
                        select min(d.id) from district d join partnership p on p.id = d.partnership_id
                        where p.short_name = 'KSCMP' and d.archived_at is null""").query(Long.class).single();
        LocalDate incident = LocalDate.now().minusDays(3);
        LocalDate aware = LocalDate.now().minusDays(1);
        MvcResult result = mvc.perform(multipart("/notify")
                        .with(from("10.13.7.1"))
                        .with(csrf())
                        .param("partnership", "KSCMP")
                        .param("incidentDate.day", String.valueOf(incident.getDayOfMonth()))
                        .param("incidentDate.month", String.valueOf(incident.getMonthValue()))
                        .param("incidentDate.year", String.valueOf(incident.getYear()))
                        .param("laAwareDate.day", String.valueOf(aware.getDayOfMonth()))
                        .param("laAwareDate.month", String.valueOf(aware.getMonthValue()))
                        .param("laAwareDate.year", String.valueOf(aware.getYear()))
                        .param("harm", "SERIOUSLY_HARMED")
                        .param("abuseOrNeglect", "SUSPECTED")
                        .param("childInCare", "no")
                        .param("summary", "A baby" + NUL + " was brought to hospital.")
                        .param("children[0].ageYears", "0")
                        .param("children[0].gender", "2")
                        .param("children[0].ethnicity", "WBRI")
                        .param("children[0].statutoryStatus", "CHILD_IN_NEED")
                        .param("children[0].districtId", String.valueOf(district))
                        .param("notifierName", name + NUL)
                        .param("notifierEmail", "notifier@example.org")
                        .param("rationale", "Suspected" + NUL + " non-accidental injury."))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/notify/confirmation");
        assertThat(result.getFlashMap().get("inputNotice")).isEqualTo(InputRules.Notice.MESSAGE);
        assertThat(jdbc.sql("select incident_summary from referral where notifier_name = :n")
                        .param("n", name)
                        .query(String.class)
                        .single())
                .isEqualTo("A baby was brought to hospital.");
    }

    @Test
    void searchesWithANulByteAnswerAPage() throws Exception {
        for (String path : List.of("/people", "/learning/recommendations")) {
            MockHttpServletResponse response = mvc.perform(
                            get(path).param("q", "Ke" + NUL + "nt").with(SignedIn.as(principals, DemoAccounts.ADMIN)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getContentAsString()).as(path).contains(InputRules.Notice.MESSAGE);
        }
    }

    @Test
    void aThemeNamedWithANulByteIsSavedWithoutIt() throws Exception {
        String name = "Theme " + UUID.randomUUID().toString().substring(0, 8);
        MvcResult result = mvc.perform(post("/learning/themes/new")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("name", name + NUL)
                        .param("description", "Bad" + NUL + "\u0007 bytes"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("inputNotice")).isEqualTo(InputRules.Notice.MESSAGE);
        assertThat(jdbc.sql("select description from learning_theme where name = :n")
                        .param("n", name)
                        .query(String.class)
                        .single())
                .isEqualTo("Bad bytes");
    }

    @Test
    void aDraftAutosaveWithANulByteSavesTheText() throws Exception {
        MockHttpServletResponse started = mvc.perform(post("/referrals/new")
                        .with(SignedIn.as(principals, DemoAccounts.PRACTITIONER))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        long id = Long.parseLong(started.getRedirectedUrl().replace("/referrals/", ""));
        int version = jdbc.sql("select version from referral where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        MockHttpServletResponse saved = mvc.perform(post("/referrals/" + id + "/autosave")
                        .with(SignedIn.as(principals, DemoAccounts.PRACTITIONER))
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("summary", "Typed" + NUL + " text"))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select incident_summary from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Typed text");
    }

    @Test
    void aSignInWithANulByteIsAnOrdinaryFailure() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/sign-in")
                        .with(from("10.13.7.2"))
                        .with(csrf())
                        .param("username", "nobody" + NUL + "@example.org")
                        .param("password", "x" + NUL))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/sign-in?error");
    }

    /** Every list page, with the account that may read it. */
    static final List<String[]> LISTS = List.of(
            new String[] {"/people", DemoAccounts.ADMIN},
            new String[] {"/referrals", DemoAccounts.PRACTITIONER},
            new String[] {"/cases", DemoAccounts.BUSINESS},
            new String[] {"/cases/overdue", DemoAccounts.BUSINESS},
            new String[] {"/contributions", DemoAccounts.POLICE_LEAD},
            new String[] {"/reviews", DemoAccounts.BUSINESS},
            new String[] {"/audit", DemoAccounts.ADMIN},
            new String[] {"/agencies", DemoAccounts.BUSINESS},
            new String[] {"/districts", DemoAccounts.BUSINESS},
            new String[] {"/areas", DemoAccounts.BUSINESS},
            new String[] {"/groups", DemoAccounts.BUSINESS},
            new String[] {"/partnerships", DemoAccounts.ADMIN},
            new String[] {"/performance/early-warning", DemoAccounts.BUSINESS},
            new String[] {"/performance/extracts", DemoAccounts.BUSINESS},
            new String[] {"/returns", DemoAccounts.BUSINESS},
            new String[] {"/imports", DemoAccounts.BUSINESS},
            new String[] {"/learning", DemoAccounts.BUSINESS},
            new String[] {"/learning/recommendations", DemoAccounts.BUSINESS});

    @Test
    void everyListAnswersAnyPageNumberWithAPage() throws Exception {
        for (String[] list : LISTS) {
            for (String page : List.of("999999999", "2147483647", "99999999999999999999", "-1", "0", "abc", "")) {
                MockHttpServletResponse response = mvc.perform(
                                get(list[0]).param("page", page).with(SignedIn.as(principals, list[1])))
                        .andReturn()
                        .getResponse();
                assertThat(response.getStatus()).as("%s?page=%s", list[0], page).isEqualTo(200);
            }
        }
    }

    @Test
    void pageParametersAreReadAsTheNearestPage() {
        assertThat(InputRules.pageNumber("999999999")).isEqualTo(String.valueOf(InputRules.MAX_PAGE));
        assertThat(InputRules.pageNumber("99999999999999999999")).isEqualTo(String.valueOf(InputRules.MAX_PAGE));
        assertThat(InputRules.pageNumber("-3")).isEqualTo("1");
        assertThat(InputRules.pageNumber("two")).isEqualTo("1");
        assertThat(InputRules.pageNumber(" 7 ")).isEqualTo("7");
        assertThat(PageResult.offset(Integer.MAX_VALUE, 25)).isEqualTo(Integer.MAX_VALUE);
        assertThat(PageResult.offset(-5, 25)).isZero();
    }

    @Test
    void aTamperedCsrfTokenIsRefusedWith403() throws Exception {
        Cookie token = new Cookie("XSRF-TOKEN", UUID.randomUUID().toString()); // as the sign-in page sets it
        // the right length for the cookie's 36-character token, but decoding to bytes that are not UTF-8: Spring's XOR
        // token handler threw on this one (a 500 with a long stack trace in the log)
        byte[] wrong = new byte[72];
        java.util.Arrays.fill(wrong, 0, 36, (byte) 0xFF);
        String rightLength = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(wrong);
        for (String tampered : List.of(rightLength, "%%%", "not*base64!", "AAAA", "A", "x".repeat(500), "")) {
            MockHttpServletResponse response = mvc.perform(post("/sign-in")
                            .with(from("10.13.7.3"))
                            .cookie(token)
                            .param("_csrf", tampered)
                            .param("username", "someone@example.org")
                            .param("password", "whatever"))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as("_csrf=%s", tampered).isEqualTo(403);
        }
    }

    @Test
    void refusedRequestsGoInTheAuditTrailAtAMeasuredRate() throws Exception {
        String address = "10.13.8.1";
        assertThat(statusOf(DemoAccounts.PRACTITIONER, "/audit", address)).isEqualTo(403);
        assertThat(statusOf(DemoAccounts.BUSINESS, "/cases/987654321", address)).isEqualTo(404);
        var rows = jdbc.sql("""
                        select actor_name, changes -> 'detail' ->> 'after' as detail from audit_event
                        where source_address = :a and action = 'REQUEST_REFUSED' order by id""")
                .param("a", address)
                .query((rs, n) -> rs.getString("actor_name") + ": " + rs.getString("detail"))
                .list();
        assertThat(rows)
                .containsExactly(
                        "Robin Patel: 403 not allowed: GET /audit", "Priya Shah: 404 not found: GET /cases/987654321");

        String scanner = "10.13.8.2";
        for (int i = 0; i < 25; i++) {
            mvc.perform(get("/people/" + (900_000 + i))
                    .with(SignedIn.as(principals, DemoAccounts.ADMIN))
                    .with(from(scanner)));
        }
        assertThat(jdbc.sql("select count(*) from audit_event where source_address = :a and action = 'REQUEST_REFUSED'")
                        .param("a", scanner)
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
    }

    /** The status {@code who} gets for {@code path} when asking from {@code address}. */
    int statusOf(String who, String path, String address) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(principals, who)).with(from(address)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    /** A request sent from {@code address}. */
    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }
}
