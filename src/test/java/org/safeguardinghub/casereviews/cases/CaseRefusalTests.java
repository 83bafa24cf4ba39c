package org.safeguardinghub.casereviews.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A rule of the referral's lifecycle refuses a triage decision: the same form comes back as 422 with the rule's
 * message in the GOV.UK error summary, everything the user typed still in it, and the referral unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseRefusalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void withdrawingANotificationIsRefusedOnTheTriageFormWithTheInputKept() throws Exception {
        long kent = CaseFixtures.kent(jdbc);
        String ref = CaseFixtures.reference();
        LocalDate today = LocalDate.now(clock);
        long id = CaseFixtures.receivedReferral(jdbc, kent, ref, today);
        assertThat(triage(id, "NOTIFY", today, "Meets the criteria").getStatus()).isEqualTo(302);

        String typed = "On reflection the local review is enough for " + ref;
        MockHttpServletResponse refused = triage(id, "DO_NOT_NOTIFY", today, typed);

        assertThat(refused.getStatus()).isEqualTo(422);
        String html = refused.getContentAsString();
        assertThat(html)
                .contains("govuk-error-summary")
                .contains("There is a problem")
                .contains("This incident was notified to the national panel; a notification cannot be withdrawn")
                .contains(">" + typed + "</textarea>")
                .containsPattern("value=\"DO_NOT_NOTIFY\"\\s+checked");
        assertThat(jdbc.sql("select status || '|' || national_decision from referral where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("RAPID_REVIEW|NOTIFY");
    }

    private MockHttpServletResponse triage(long id, String decision, LocalDate decided, String reason)
            throws Exception {
        int version = jdbc.sql("select version from referral where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        var request = CaseWorkTests.dated(post("/cases/" + id + "/triage"), "decidedOn", decided)
                .param("decision", decision)
                .param("reason", reason)
                .param("version", String.valueOf(version));
        if ("NOTIFY".equals(decision)) {
            request = CaseWorkTests.dated(request, "notifiedOn", decided);
        }
        return mvc.perform(request.with(SignedIn.as(principals, DemoAccounts.BUSINESS)).with(csrf()))
                .andReturn()
                .getResponse();
    }
}
