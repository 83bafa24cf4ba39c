package org.safeguardinghub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
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

/** An account from invitation to deactivation, as an administrator manages it. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountLifecycleTests {

    static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{20,})");

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void inviteSetPasswordResetDeactivateAndReactivate() throws Exception {
        String email = "lifecycle-" + UUID.randomUUID() + "@example.org";
        long police = jdbc.sql("select id from agency where name = 'Kent Police'")
                .query(Long.class)
                .single();
        var admin = SignedIn.as(principals, DemoAccounts.ADMIN);

        String invited = mvc.perform(post("/people/invite")
                        .with(admin)
                        .with(csrf())
                        .param("displayName", "Life Cycle")
                        .param("email", email)
                        .param("agencyId", String.valueOf(police))
                        .param("roles", "PRACTITIONER"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var token = LINK.matcher(invited);
        assertThat(token.find()).as("invitation link shown once").isTrue();
        String stored = jdbc.sql("select invitation_token_hash from app_user where email = :e")
                .param("e", email)
                .query(String.class)
                .single();
        assertThat(stored)
                .as("only a SHA-256 of the link is stored")
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(token.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        // an invited person cannot sign in until they set a password
        assertThat(signIn(email, "anything at all")).isEqualTo("/sign-in?error");
        var weak = mvc.perform(post("/invitation/" + token.group(1))
                        .with(csrf())
                        .param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andReturn()
                .getResponse();
        assertThat(weak.getStatus()).isEqualTo(422);
        assertThat(weak.getContentAsString()).contains("There is a problem");
        mvc.perform(post("/invitation/" + token.group(1))
                .with(csrf())
                .param("newPassword", "first chosen passphrase")
                .param("confirmPassword", "first chosen passphrase"));
        assertThat(signIn(email, "first chosen passphrase")).isEqualTo("/");
        // the link works once
        assertThat(mvc.perform(get("/invitation/" + token.group(1)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("expired or has already been used");

        long id = jdbc.sql("select id from app_user where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
        int version = jdbc.sql("select version from app_user where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        String reset = mvc.perform(post("/people/" + id + "/reset")
                        .with(admin)
                        .with(csrf())
                        .param("version", String.valueOf(version)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(signIn(email, "first chosen passphrase"))
                .as("old password cleared")
                .isEqualTo("/sign-in?error");
        var resetToken = LINK.matcher(reset);
        assertThat(resetToken.find()).isTrue();
        mvc.perform(post("/invitation/" + resetToken.group(1))
                .with(csrf())
                .param("newPassword", "second chosen passphrase")
                .param("confirmPassword", "second chosen passphrase"));
        assertThat(signIn(email, "second chosen passphrase")).isEqualTo("/");

        // a stale version is refused rather than overwriting someone else's change
        var stale = mvc.perform(post("/people/" + id + "/deactivate")
                        .with(admin)
                        .with(csrf())
                        .param("version", "0"))
                .andReturn();
        assertThat(stale.getFlashMap().get("conflict")).asString().contains("changed by someone else");
        version = jdbc.sql("select version from app_user where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        mvc.perform(post("/people/" + id + "/deactivate")
                .with(admin)
                .with(csrf())
                .param("version", String.valueOf(version)));
        assertThat(signIn(email, "second chosen passphrase")).isEqualTo("/sign-in?error");
        assertThat(jdbc.sql("select action from audit_event where record_type = 'user' and record_id = :id order by id")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .list())
                .contains("CREATE", "PASSWORD_CHANGED", "RESET_ACCESS", "DEACTIVATE");

        version = jdbc.sql("select version from app_user where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        mvc.perform(post("/people/" + id + "/reactivate")
                .with(admin)
                .with(csrf())
                .param("version", String.valueOf(version)));
        assertThat(signIn(email, "second chosen passphrase")).isEqualTo("/");
    }

    private String signIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/sign-in").user(email).password(password))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }
}
