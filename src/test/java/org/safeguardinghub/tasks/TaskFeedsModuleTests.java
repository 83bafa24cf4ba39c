package org.safeguardinghub.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Permission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The tasks module on its own (no other module's beans, no demo data): another module's {@link TaskRequested}
 * becomes a task on the home page of the people it is for, and {@link TaskResolved} takes it off again. Events are
 * published and their listeners' effect awaited with Spring Modulith's {@link Scenario}.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE)
// the readiness group names the calendar module's health check, which a module test may not start
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class TaskFeedsModuleTests {

    /** Ids no demo partnership or agency has (the table names them without foreign keys). */
    private static final long PARTNERSHIP = 9_100_000L + (System.nanoTime() % 100_000);

    private static final long AGENCY = 9_200_001L;
    private static final long OTHER_AGENCY = 9_200_002L;

    @Autowired
    HomeTasks homeTasks;

    @Autowired
    Clock clock;

    @Test
    void aTaskRequestedForOneAgencysLeadReachesOnlyThatLeadUntilResolved(Scenario scenario) {
        String source = UUID.randomUUID().toString();
        String title = "Send your chronology for TEST-" + source.substring(0, 8);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = WorkingDayCalendar.england().addWorkingDays(today, 3);
        Actor lead = new TestActor(1, AGENCY, "AGENCY_LEAD");

        scenario.publish(new TaskRequested(
                        PARTNERSHIP, "AGENCY_LEAD", AGENCY, title, "/contributions/1", due, "module-test", source))
                .andWaitForStateChange(() -> titles(lead, today), shown -> shown.contains(title))
                .andVerify(shown -> assertThat(shown).contains(title));

        HomeTasks.ShownTask shown = homeTasks.forActor(lead, today).stream()
                .filter(t -> t.task().title().equals(title))
                .findFirst()
                .orElseThrow();
        assertThat(shown.dueLabel()).isEqualTo("Due in 3 working days");
        assertThat(shown.task().link()).isEqualTo("/contributions/1");
        assertThat(titles(new TestActor(2, OTHER_AGENCY, "AGENCY_LEAD"), today))
                .as("another agency's lead")
                .doesNotContain(title);
        assertThat(titles(new TestActor(3, AGENCY, "PRACTITIONER"), today))
                .as("a practitioner of the same agency")
                .doesNotContain(title);

        scenario.publish(new TaskResolved(PARTNERSHIP, "module-test", source))
                .andWaitForStateChange(() -> titles(lead, today), titles -> !titles.contains(title))
                .andVerify(titles -> assertThat(titles).doesNotContain(title));
    }

    @Test
    void aTaskForOnePersonReachesThatPersonOnly(Scenario scenario) {
        String source = UUID.randomUUID().toString();
        String title = "Review the draft for TEST-" + source.substring(0, 8);
        LocalDate today = LocalDate.now(clock);
        Actor person = new TestActor(41, AGENCY, "PANEL_MEMBER");

        scenario.publish(new PersonTaskRequested(PARTNERSHIP, 41, title, "/reviews/1", null, "module-test", source))
                .andWaitForStateChange(() -> titles(person, today), shown -> shown.contains(title))
                .andVerify(shown -> assertThat(shown).contains(title));

        assertThat(titles(new TestActor(42, AGENCY, "PANEL_MEMBER"), today))
                .as("someone else in the same role")
                .doesNotContain(title);
    }

    private List<String> titles(Actor actor, LocalDate today) {
        return homeTasks.forActor(actor, today).stream()
                .map(t -> t.task().title())
                .toList();
    }

    /** A signed-in person as the tasks module sees them, in the test partnership. */
    private record TestActor(long userId, @Nullable Long agencyId, String role) implements Actor {

        @Override
        public String displayName() {
            return "Test person " + userId;
        }

        @Override
        public boolean seesAllAgencies() {
            return false;
        }

        @Override
        public long partnershipId() {
            return PARTNERSHIP;
        }

        @Override
        public String partnershipName() {
            return "TEST";
        }

        @Override
        public boolean can(Permission permission) {
            return false;
        }

        @Override
        public Set<String> roleNames() {
            return Set.of(role);
        }
    }
}
