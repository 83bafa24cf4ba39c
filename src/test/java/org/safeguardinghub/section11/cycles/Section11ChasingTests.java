package org.safeguardinghub.section11.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import testsupport.Await;

/**
 * Reminders on the home task list: the agency lead's task from 28 days before the close date, "Overdue" after it,
 * the business team's count of overdue returns, and both closed once the returns are in. Runs as of today with
 * cycles dated around today, as the daily run would.
 */
@SpringBootTest
class Section11ChasingTests {

    @Autowired
    Section11Chasing chasing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Principals principals;

    Section11Fixtures fx;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        fx = new Section11Fixtures(jdbc, principals);
    }

    @Test
    void theAgencyLeadIsRemindedNearTheCloseDateButNotBefore() throws Exception {
        long template = fx.template();
        String nearName = Section11Fixtures.unique("Closing soon");
        long near = fx.cycle(nearName, null, fx.kent());
        closeOn(near, today.plusDays(10));
        long far = fx.cycle(Section11Fixtures.unique("Closing later"), null, fx.kent());
        closeOn(far, today.plusDays(40));
        long agency = fx.newAgency(fx.kent());
        long nearReturn = fx.expect(near, agency, template);
        long farReturn = fx.expect(far, agency, template);

        chasing.chase(today);

        String task = Await.nonNull(() -> task("s11-return", nearReturn, fx.kent(), "AGENCY_LEAD"));
        assertThat(task)
                .isEqualTo("Complete the Section 11 return for " + nearName + "|/section11/returns/" + nearReturn + "|"
                        + today.plusDays(10) + "|" + agency + "|OPEN");
        assertThat(task("s11-return", farReturn, fx.kent(), "AGENCY_LEAD")).isNull();
        assertThat(task("s11-overdue", near, fx.kent(), "BUSINESS_TEAM")).isNull();
    }

    @Test
    void overdueReturnsAreChasedInEachPartnershipAndClosedWhenReceived() throws Exception {
        long template = fx.template();
        String name = Section11Fixtures.unique("Overdue joint");
        long cycle = fx.cycle(name, null, fx.kent(), fx.medway());
        closeOn(cycle, today.minusDays(1));
        long both = fx.newAgency(fx.kent(), fx.medway());
        long kentOnly = fx.newAgency(fx.kent());
        long bothReturn = fx.expect(cycle, both, template);
        long kentReturn = fx.expect(cycle, kentOnly, template);
        long submitted = fx.expect(cycle, fx.newAgency(fx.kent()), template);
        fx.answerAll(submitted, 2);
        fx.submit(submitted);

        chasing.chase(today);

        String overdueTitle = "Overdue: Complete the Section 11 return for " + name;
        assertThat(Await.nonNull(() -> task("s11-return", bothReturn, fx.medway(), "AGENCY_LEAD")))
                .startsWith(overdueTitle + "|");
        assertThat(Await.nonNull(() -> task("s11-return", bothReturn, fx.kent(), "AGENCY_LEAD")))
                .startsWith(overdueTitle + "|");
        assertThat(Await.nonNull(() -> task("s11-return", kentReturn, fx.kent(), "AGENCY_LEAD")))
                .startsWith(overdueTitle + "|");
        assertThat(task("s11-return", kentReturn, fx.medway(), "AGENCY_LEAD"))
                .as("an agency not serving Medway has no task there")
                .isNull();
        assertThat(task("s11-return", submitted, fx.kent(), "AGENCY_LEAD")).isNull();
        for (long p : List.of(fx.kent(), fx.medway())) {
            assertThat(Await.nonNull(() -> task("s11-overdue", cycle, p, "BUSINESS_TEAM")))
                    .isEqualTo("2 Section 11 returns overdue for " + name + "|/section11/cycles/" + cycle
                            + "|null|null|OPEN");
        }

        // one comes in: its task closes and the count drops
        fx.answerAll(kentReturn, 1);
        fx.submit(kentReturn);
        chasing.chase(today);
        assertThat(Await.nonNull(() -> endsWith(task("s11-return", kentReturn, fx.kent(), "AGENCY_LEAD"), "|DONE")))
                .isNotNull();
        assertThat(Await.nonNull(() -> startsWith(
                        task("s11-overdue", cycle, fx.kent(), "BUSINESS_TEAM"), "1 Section 11 return overdue for ")))
                .isNotNull();

        // the last comes in: nothing is overdue any more
        fx.answerAll(bothReturn, 1);
        fx.submit(bothReturn);
        chasing.chase(today);
        for (long p : List.of(fx.kent(), fx.medway())) {
            assertThat(Await.nonNull(() -> endsWith(task("s11-overdue", cycle, p, "BUSINESS_TEAM"), "|DONE")))
                    .isNotNull();
            assertThat(Await.nonNull(() -> endsWith(task("s11-return", bothReturn, p, "AGENCY_LEAD"), "|DONE")))
                    .isNotNull();
        }
    }

    private void closeOn(long cycle, LocalDate closes) {
        jdbc.sql("update s11_cycle set closes_on = :c where id = :id")
                .param("c", closes)
                .param("id", cycle)
                .update();
    }

    private @Nullable String task(String sourceType, long sourceId, long partnership, String role) {
        return jdbc.sql("""
                        select title || '|' || link || '|' || coalesce(due_on::text, 'null') || '|'
                               || coalesce(agency_id::text, 'null') || '|' || status
                        from task where source_type = :t and source_id = :s and partnership_id = :p
                          and assignee_role = :r""")
                .param("t", sourceType)
                .param("s", String.valueOf(sourceId))
                .param("p", partnership)
                .param("r", role)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static @Nullable String endsWith(@Nullable String value, String suffix) {
        return value != null && value.endsWith(suffix) ? value : null;
    }

    private static @Nullable String startsWith(@Nullable String value, String prefix) {
        return value != null && value.startsWith(prefix) ? value : null;
    }
}
