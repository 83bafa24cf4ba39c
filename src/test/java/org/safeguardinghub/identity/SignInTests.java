package org.safeguardinghub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.users.Users;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Form sign-in as a person would meet it: success, lockout, one-time passwords, headers. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

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

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        String email = newAccount("correct horse battery", false);
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn(email, "wrong-" + i)).isEqualTo("/sign-in?error");
        }
        assertThat(signIn(email, "wrong-5")).isEqualTo("/sign-in?locked");
        assertThat(signIn(email, "correct horse battery")).isEqualTo("/sign-in?locked");
        long lockedEvents = jdbc.sql("""
                        select count(*) from audit_event a join app_user u on a.record_id = u.id::text
                        where u.email = :e and a.action = 'ACCOUNT_LOCKED'""").param("e", email).query(Long.class).single();
        assertThat(lockedEvents).isEqualTo(1);
    }

    @Test
    void lockExpiresAndTheCountStartsAgain() throws Exception {
        String email = newAccount("correct horse battery", false);
        for (int i = 1; i <= 5; i++) {
            signIn(email, "wrong");
        }
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where email = :e")
                .param("e", email)
                .update();
        assertThat(signIn(email, "correct horse battery")).isEqualTo("/");
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

    private String signIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/sign-in").user(email).password(password))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }
}
