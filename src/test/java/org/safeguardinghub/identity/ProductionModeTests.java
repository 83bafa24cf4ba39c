package org.safeguardinghub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Production mode on an empty database of its own: no demo data, no demo accounts, only the first administrator
 * from the environment, whose one-time password must be replaced before anything else.
 */
@SpringBootTest(
        properties = {
            "hub.demo=false",
            "hub.data-dir=target/production-mode-test",
            "hub.bootstrap-admin.email=first.admin@council.example",
            "hub.bootstrap-admin.password=one-time-password-for-prod"
        })
@AutoConfigureMockMvc
@DisabledIfEnvironmentVariable(
        named = "SPRING_DATASOURCE_URL",
        matches = ".+",
        disabledReason = "needs an empty database")
class ProductionModeTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void onlyTheFirstAdministratorExistsAndMustChangeTheOneTimePassword() throws Exception {
        assertThat(jdbc.sql("select email from app_user").query(String.class).list())
                .containsExactly("first.admin@council.example");
        assertThat(jdbc.sql("select must_change_password from app_user")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from agency where name = 'Kent Police'")
                        .query(Long.class)
                        .single())
                .isZero();

        var demo = mvc.perform(formLogin("/sign-in").user("admin@example.org").password("demo-hub-2026"))
                .andReturn();
        assertThat(demo.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error");

        var login = mvc.perform(formLogin("/sign-in")
                        .user("first.admin@council.example")
                        .password("one-time-password-for-prod"))
                .andReturn();
        var session = login.getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/people").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/account/password");
    }
}
