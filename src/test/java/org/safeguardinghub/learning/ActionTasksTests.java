package org.safeguardinghub.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Whose home page a learning action is on: the owning agency's lead while it is theirs to do, the group's members
 * once it is completed and waits for sign-off, and the agency's again if it is taken back from completed. A
 * completed action is never shown to its agency as overdue work, in the demo data too.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActionTasksTests extends LearningSteps {

    @Test
    void completingHandsTheTaskFromTheAgencyToTheGroupAndTakingItBackReturnsIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long rec = recommendation("Handover " + tag);
        LocalDate due = LocalDate.now(ZoneId.of("Europe/London")).plusDays(30);
        long action = action(rec, agency("Kent Police"), "Hand over " + tag, due);
        String link = "href=\"/learning/actions/" + action + "\"";
        assertThat(home(DemoAccounts.POLICE_LEAD, p -> p.contains(link))).contains(link);

        progress(action, "COMPLETED");
        assertThat(home(DemoAccounts.POLICE_LEAD, p -> !p.contains(link))).doesNotContain(link);
        assertThat(home(DemoAccounts.PANEL, p -> p.contains(link)))
                .contains(link)
                .contains("Sign off action " + reference(action));

        // taken back before sign-off: the agency has it again and the group no longer does
        progress(action, "UNDERWAY");
        assertThat(home(DemoAccounts.POLICE_LEAD, p -> p.contains(link)))
                .contains(link)
                .contains("Update action " + reference(action));
        assertThat(home(DemoAccounts.PANEL, p -> !p.contains(link))).doesNotContain(link);

        // and completed again, it is the group's again
        progress(action, "COMPLETED");
        assertThat(home(DemoAccounts.PANEL, p -> p.contains(link))).contains(link);
        assertThat(home(DemoAccounts.POLICE_LEAD, p -> !p.contains(link))).doesNotContain(link);
    }

    @Test
    void noDemoActionAwaitingSignOffIsOnItsAgencysHomePageAndEachIsOnTheGroups() throws Exception {
        List<Long> completed = jdbc.sql("""
                        select la.id from learning_action la join agency a on a.id = la.owner_agency_id
                        where a.name = 'Kent Police' and la.status = 'COMPLETED'""").query(Long.class).list();
        assertThat(completed)
                .as("the demo has Kent Police actions awaiting sign-off")
                .isNotEmpty();
        String police = home(DemoAccounts.POLICE_LEAD, p -> true);
        String panel = home(DemoAccounts.PANEL, p -> true);
        for (long id : completed) {
            assertThat(police).doesNotContain("href=\"/learning/actions/" + id + "\"");
            assertThat(panel).contains("href=\"/learning/actions/" + id + "\"");
        }
    }

    void progress(long action, String status) throws Exception {
        MockHttpServletResponse r = as(
                DemoAccounts.POLICE_LEAD,
                post("/learning/actions/" + action + "/update")
                        .param("progress", "Moved to " + status)
                        .param("newStatus", status)
                        .param("version", String.valueOf(version(action))));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
    }

    /** The person's home page once it satisfies {@code ready} (tasks follow the change after its commit). */
    String home(String who, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String page = page(who);
        while (!ready.test(page) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            page = page(who);
        }
        return page;
    }

    String page(String who) throws Exception {
        MockHttpServletResponse r = as(who, get("/"));
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }
}
