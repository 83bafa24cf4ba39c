package org.safeguardinghub.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import testsupport.Await;

/**
 * The home task list is fed by events: a new agency asks the administrators (who can invite people) to invite its
 * safeguarding lead, due in five working days; inviting a practitioner does not close it, inviting the lead does.
 * Other roles never see it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeTasksTests {

    /** The listeners of a whole application under test load can take longer than the usual 10 seconds. */
    private static final Duration TASK_FEED_TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void newAgencyAsksAdministratorsToInviteItsLeadUntilTheyDo() throws Exception {
        String name = "Task Test Nursery " + UUID.randomUUID().toString().substring(0, 8);
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        var created = mvc.perform(post("/agencies/new")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf())
                        .param("name", name)
                        .param("type", "EARLY_YEARS")
                        .param("sector", "EARLY_YEARS")
                        .param("partnershipIds", String.valueOf(kent)))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        long agency = jdbc.sql("select id from agency where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();

        // the listener runs after the commit, on another thread
        String home = Await.nonNull(TASK_FEED_TIMEOUT, () -> {
            String page = homeOf(DemoAccounts.ADMIN);
            return page.contains("Invite a safeguarding lead for " + name) ? page : null;
        });
        assertThat(home).contains("Due in 5 working days").contains("partnership administrator");
        for (String other : List.of(DemoAccounts.BUSINESS, DemoAccounts.POLICE_LEAD, DemoAccounts.PRACTITIONER)) {
            assertThat(homeOf(other)).as(other).doesNotContain(name);
        }

        invite(agency, "nursery-teacher-" + agency + "@example.org", "PRACTITIONER");
        Thread.sleep(1500); // time enough for the listener to (wrongly) close it
        assertThat(homeOf(DemoAccounts.ADMIN)).contains("Invite a safeguarding lead for " + name);

        invite(agency, "nursery-lead-" + agency + "@example.org", "AGENCY_LEAD");
        Await.nonNull(TASK_FEED_TIMEOUT, () -> homeOf(DemoAccounts.ADMIN).contains(name) ? null : "closed");
    }

    /** Any module can ask for work by event; a task for one agency's lead reaches that lead and no other agency. */
    @Test
    void aTaskRequestedForOneAgencysLeadReachesOnlyThatLeadUntilResolved() throws Exception {
        String title =
                "Send your chronology for TEST-" + UUID.randomUUID().toString().substring(0, 8);
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        long police = jdbc.sql("select id from agency where name = 'Kent Police'")
                .query(Long.class)
                .single();
        String source = UUID.randomUUID().toString();
        transaction.executeWithoutResult(s -> events.publishEvent(new TaskRequested(
                kent,
                "AGENCY_LEAD",
                police,
                title,
                "/contributions/1",
                java.time.LocalDate.now().plusDays(3),
                "test-request",
                source)));

        Await.nonNull(TASK_FEED_TIMEOUT, () -> homeOf(DemoAccounts.POLICE_LEAD).contains(title) ? "raised" : null);
        assertThat(homeOf(DemoAccounts.SCHOOL_LEAD)).doesNotContain(title);
        assertThat(homeOf(DemoAccounts.BUSINESS)).doesNotContain(title);

        transaction.executeWithoutResult(s -> events.publishEvent(new TaskResolved(kent, "test-request", source)));
        Await.nonNull(TASK_FEED_TIMEOUT, () -> homeOf(DemoAccounts.POLICE_LEAD).contains(title) ? null : "resolved");
    }

    private void invite(long agency, String email, String role) throws Exception {
        var response = mvc.perform(post("/people/invite")
                        .with(SignedIn.as(principals, DemoAccounts.ADMIN))
                        .with(csrf())
                        .param("displayName", "Nursery Person")
                        .param("email", email)
                        .param("agencyId", String.valueOf(agency))
                        .param("roles", role))
                .andReturn()
                .getResponse();
        assertThat(response.getContentAsString()).contains("Invitation created");
    }

    private String homeOf(String who) throws Exception {
        return mvc.perform(get("/").with(SignedIn.as(principals, who)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
