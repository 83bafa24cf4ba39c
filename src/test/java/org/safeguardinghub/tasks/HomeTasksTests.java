package org.safeguardinghub.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home task list is fed by events: a new agency asks the business team to invite its safeguarding lead (due in
 * five working days); inviting someone for that agency closes the task. Other roles never see it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeTasksTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void newAgencyRaisesATaskForTheBusinessTeamThatAnInvitationCloses() throws Exception {
        String name = "Task Test Nursery " + UUID.randomUUID().toString().substring(0, 8);
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        mvc.perform(post("/agencies/new")
                .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                .with(csrf())
                .param("name", name)
                .param("type", "EARLY_YEARS")
                .param("sector", "EARLY_YEARS")
                .param("partnershipIds", String.valueOf(kent)));
        long agency = jdbc.sql("select id from agency where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();

        // the listener runs after the commit, on another thread
        String home = eventually(() -> {
            String page = homeOf(DemoAccounts.BUSINESS);
            return page.contains("Invite a safeguarding lead for " + name) ? page : null;
        });
        assertThat(home).contains("Due in 5 working days").contains("business team");
        assertThat(homeOf(DemoAccounts.POLICE_LEAD)).doesNotContain(name);
        assertThat(homeOf(DemoAccounts.PRACTITIONER)).doesNotContain(name);

        mvc.perform(post("/people/invite")
                .with(SignedIn.as(principals, DemoAccounts.ADMIN))
                .with(csrf())
                .param("displayName", "Nursery Lead")
                .param("email", "nursery-" + agency + "@example.org")
                .param("agencyId", String.valueOf(agency))
                .param("roles", "AGENCY_LEAD"));
        eventually(() -> homeOf(DemoAccounts.BUSINESS).contains(name) ? null : "closed");
    }

    private String homeOf(String who) throws Exception {
        return mvc.perform(get("/").with(SignedIn.as(principals, who)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String eventually(Callable<String> check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String result = check.call();
            if (result != null) {
                return result;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within 20 seconds");
    }
}
