package org.safeguardinghub.section11.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Section 11 demo the tests start with (hub.demo=true): only reads it, never changes it. */
@SpringBootTest
class Section11DemoTests {

    @Autowired
    JdbcClient jdbc;

    private long cycle(String name) {
        return jdbc.sql("select id from s11_cycle where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    @Test
    void theTwentyTwentySixCycleExpectsAboutFortyAgenciesWithReturnsInEveryState() {
        long cycle = cycle(Section11Demo.CYCLE_2026);
        Map<String, Long> byStatus = jdbc
                .sql("select status, count(*) as n from s11_return where cycle_id = :c group by status")
                .param("c", cycle)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long expected = byStatus.values().stream().mapToLong(Long::longValue).sum();
        assertThat(expected).isBetween(38L, 42L);
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder("NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "MODERATED");
        byStatus.values().forEach(n -> assertThat(n).isGreaterThanOrEqualTo(8));
        assertThat(jdbc.sql("select previous_cycle_id from s11_cycle where id = :c")
                        .param("c", cycle)
                        .query(Long.class)
                        .single())
                .isEqualTo(cycle(Section11Demo.CYCLE_2024));
        assertThat(jdbc.sql("select count(*) from s11_cycle_partnership where cycle_id = :c")
                        .param("c", cycle)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void kentPoliceIsInProgressAndHollowbrookHasAReturnToCarryForward() {
        long cycle = cycle(Section11Demo.CYCLE_2026);
        assertThat(statusOf(cycle, "Kent Police")).isEqualTo("IN_PROGRESS");
        assertThat(statusOf(cycle, "Hollowbrook Academy (fictional demo school)"))
                .isEqualTo("NOT_STARTED");
        assertThat(statusOf(cycle(Section11Demo.CYCLE_2024), "Hollowbrook Academy (fictional demo school)"))
                .isEqualTo("MODERATED");
        assertThat(jdbc.sql("""
                        select t.code from s11_return r join s11_template t on t.id = r.template_id
                        join agency a on a.id = r.agency_id
                        where r.cycle_id = :c and a.name = 'Hollowbrook Academy (fictional demo school)'""").param("c", cycle).query(String.class).single()).isEqualTo("km-s175");
        assertThat(jdbc.sql("""
                        select count(*) from s11_response resp join s11_return r on r.id = resp.return_id
                        where r.cycle_id = :c and resp.needs_review""").param("c", cycle).query(Long.class).single()).isPositive();
    }

    @Test
    void theTwentyTwentyFourCycleIsPublishedWithModeratedScoresForEachPartnership() {
        long cycle = cycle(Section11Demo.CYCLE_2024);
        assertThat(jdbc.sql("select published_at is not null from s11_cycle where id = :c")
                        .param("c", cycle)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        long received = jdbc.sql(
                        "select count(*) from s11_return where cycle_id = :c and status in ('SUBMITTED', 'MODERATED')")
                .param("c", cycle)
                .query(Long.class)
                .single();
        long expected = jdbc.sql("select count(*) from s11_return where cycle_id = :c")
                .param("c", cycle)
                .query(Long.class)
                .single();
        assertThat(expected - received).isEqualTo(2);
        // every received return has an agreed position from each partnership its agency serves
        assertThat(jdbc.sql("""
                        select count(*) from s11_return r
                        join agency_partnership ap on ap.agency_id = r.agency_id
                        join s11_cycle_partnership cp on cp.cycle_id = r.cycle_id and cp.partnership_id = ap.partnership_id
                        where r.cycle_id = :c and r.status = 'MODERATED'
                          and not exists (select 1 from s11_moderation m where m.return_id = r.id
                                          and m.partnership_id = ap.partnership_id)""").param("c", cycle).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from s11_moderated_score ms join s11_return r on r.id = ms.return_id
                        where r.cycle_id = :c and ms.note_kind is not null""").param("c", cycle).query(Long.class).single()).isPositive();
    }

    @Test
    void thePanelMemberIsNeverAssignedTheirOwnAgencysReturn() {
        assertThat(jdbc.sql("""
                        select count(*) from s11_assignment s join app_user u on u.id = s.panel_member_id
                        where lower(u.email) = 'panel@example.org' and s.return_agency_id = u.agency_id""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from s11_assignment s join app_user u on u.id = s.panel_member_id
                        join s11_return r on r.id = s.return_id join s11_cycle c on c.id = r.cycle_id
                        where lower(u.email) = 'panel@example.org' and c.name = :n and r.status = 'SUBMITTED'""")
                        .param("n", Section11Demo.CYCLE_2026)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private String statusOf(long cycle, String agency) {
        return jdbc.sql("""
                        select r.status from s11_return r join agency a on a.id = r.agency_id
                        where r.cycle_id = :c and a.name = :a""")
                .param("c", cycle)
                .param("a", agency)
                .query(String.class)
                .single();
    }
}
