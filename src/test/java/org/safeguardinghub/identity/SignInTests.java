package org.safeguardinghub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.identity.users.UserRecords;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Form sign-in as a person would meet it: success, slowing down guessing, one-time passwords, headers. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserRecords users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Principals principals;

    String newAccount(String password, boolean mustChange) {
        String email = "signin-" + UUID.randomUUID() + "@example.org";
        long agency = jdbc.sql("select id from agency where name = 'Kent Police'")
                .query(Long.class)
                .single();
        long partnership = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        long id = users.insert(
                email, "Test Person", null, agency, passwords.encode(password), mustChange, "ACTIVE", null, null);
        users.grant(id, partnership, Set.of(Role.PRACTITIONER));
        return email;
    }

    @Test
    void demoAccountSignsInAndLandsOnHome() throws Exception {
        var result = mvc.perform(formLogin("/sign-in").user(DemoAccounts.PANEL).password(DemoAccounts.PASSWORD))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        var session = result.getResponse().getCookie("SESSION"); // sessions live in PostgreSQL (Spring Session)
        String home =
                mvc.perform(get("/").cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("What needs your attention").contains("Chris Evans");
    }

    /**
     * Before: the fifth wrong password locked the account for 15 minutes against everyone, its owner included, and
     * the page said "locked" only for addresses with an account.
     */
    @Test
    void fiveWrongPasswordsMakeThatNetworkWaitButNotTheOwnerElsewhere() throws Exception {
        String email = newAccount("correct horse battery", false);
        for (int i = 1; i <= 5; i++) {
            assertThat(signIn(email, "wrong-" + i, "10.66.1.1")).isEqualTo("/sign-in?error");
        }
        assertThat(signIn(email, "correct horse battery", "10.66.1.1")).isEqualTo("/sign-in?wait");
        assertThat(signIn(email, "correct horse battery", "10.66.1.2")).isEqualTo("/");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event a join app_user u on a.record_id = u.id::text
                        where u.email = :e and a.action = 'SIGN_IN_FAILED'""").param("e", email).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void anAddressWithNoAccountGetsExactlyTheSameAnswers() throws Exception {
        String known = newAccount("correct horse battery", false);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        List<String> forKnown = new ArrayList<>();
        List<String> forUnknown = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            forKnown.add(signIn(known, "wrong-" + i, "10.66.2.1"));
            forUnknown.add(signIn(unknown, "wrong-" + i, "10.66.2.2"));
        }
        assertThat(forUnknown).isEqualTo(forKnown);
        assertThat(forKnown).contains("/sign-in?error", "/sign-in?wait");
        String page = mvc.perform(get("/sign-in").param("wait", ""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("too many failed attempts").doesNotContain("locked");
    }

    @Test
    void guessingFromManyAddressesIsSlowedButABrowserThatSignedInBeforeIsNot() throws Exception {
        String email = newAccount("correct horse battery", false);
        var owner = mvc.perform(post("/sign-in")
                        .with(csrf())
                        .with(from("10.66.3.250"))
                        .param("username", email)
                        .param("password", "correct horse battery"))
                .andReturn()
                .getResponse();
        assertThat(owner.getRedirectedUrl()).isEqualTo("/");
        var knownBrowser = owner.getCookie("HUB_KNOWN");
        assertThat(knownBrowser).isNotNull();
        for (int i = 1; i <= 20; i++) { // the default slow-down threshold, each from an address of its own
            assertThat(signIn(email, "guess-" + i, "10.66.3." + i)).isEqualTo("/sign-in?error");
        }
        assertThat(signIn(email, "guess-21", "10.66.3.100")).isEqualTo("/sign-in?slow");
        assertThat(signIn(email, "correct horse battery", "10.66.3.101")).isEqualTo("/sign-in?slow");
        var again = mvc.perform(post("/sign-in")
                        .with(csrf())
                        .with(from("10.66.3.251"))
                        .cookie(knownBrowser)
                        .param("username", email)
                        .param("password", "correct horse battery"))
                .andReturn()
                .getResponse();
        assertThat(again.getRedirectedUrl()).isEqualTo("/");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event a join app_user u on a.record_id = u.id::text
                        where u.email = :e and a.action = 'ACCOUNT_LOCKED'""").param("e", email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAdministratorsResetUnblocksThePerson() throws Exception {
        String email = newAccount("correct horse battery", false);
        for (int i = 1; i <= 5; i++) {
            signIn(email, "wrong-" + i, "10.66.4.1");
        }
        assertThat(signIn(email, "correct horse battery", "10.66.4.1")).isEqualTo("/sign-in?wait");
        long id = jdbc.sql("select id from app_user where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
        int version = jdbc.sql("select version from app_user where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        var reset = mvc.perform(post("/people/" + id + "/reset")
                        .with(SignedIn.as(principals, DemoAccounts.ADMIN))
                        .with(csrf())
                        .param("version", String.valueOf(version)))
                .andReturn()
                .getResponse();
        assertThat(reset.getContentAsString()).contains("/invitation/");
        // the password is gone until the person uses the one-time link, but the network no longer has to wait
        assertThat(signIn(email, "correct horse battery", "10.66.4.1")).isEqualTo("/sign-in?error");
    }

    @Test
    void failedSignInsForAddressesWithNoAccountAreAuditedAtAMeasuredRate() throws Exception {
        String address = "10.66.5.1";
        for (int i = 1; i <= 15; i++) {
            assertThat(signIn("nobody-" + UUID.randomUUID() + "@example.org", "x", address))
                    .isEqualTo("/sign-in?error");
        }
        var details = jdbc.sql("""
                        select changes -> 'detail' ->> 'after' from audit_event
                        where source_address = :a and action = 'SIGN_IN_FAILED' and record_id is null""").param("a", address).query(String.class).list();
        assertThat(details).hasSize(10).allMatch(d -> d.contains("no account has the email address"));
    }

    @Test
    void oneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String email = newAccount("one-time-password-1", true);
        var login = mvc.perform(formLogin("/sign-in").user(email).password("one-time-password-1"))
                .andReturn();
        var session = login.getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/account/password");
        var weak = mvc.perform(post("/account/password")
                        .cookie(session)
                        .with(csrf())
                        .param("currentPassword", "one-time-password-1")
                        .param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andReturn()
                .getResponse();
        assertThat(weak.getStatus()).as("redirect %s", weak.getRedirectedUrl()).isEqualTo(422);
        assertThat(weak.getContentAsString()).contains("There is a problem").contains("at least 12 characters");
        var changed = mvc.perform(post("/account/password")
                        .cookie(session)
                        .with(csrf())
                        .param("currentPassword", "one-time-password-1")
                        .param("newPassword", "a much longer passphrase")
                        .param("confirmPassword", "a much longer passphrase"))
                .andReturn()
                .getResponse();
        assertThat(changed.getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(signIn(email, "one-time-password-1")).isEqualTo("/sign-in?error");
        assertThat(signIn(email, "a much longer passphrase")).isEqualTo("/");
    }

    @Test
    void everyPageCarriesStrictSecurityHeaders() throws Exception {
        var response = mvc.perform(get("/sign-in")).andReturn().getResponse();
        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getContentAsString()).doesNotContain("<script>").contains("name=\"_csrf\"");
    }

    @Test
    void deactivatedAccountCannotSignIn() throws Exception {
        String email = newAccount("correct horse battery", false);
        jdbc.sql("update app_user set status = 'DEACTIVATED' where email = :e")
                .param("e", email)
                .update();
        assertThat(signIn(email, "correct horse battery")).isEqualTo("/sign-in?error");
    }

    private String signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/sign-in")
                        .with(csrf())
                        .with(from(address))
                        .param("username", email)
                        .param("password", password))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private String signIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/sign-in").user(email).password(password))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }
}
