package org.safeguardinghub.performance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After start-up in demo mode Kent has years of fictional monthly history, marked fictional, around (never over)
 * its published figures, with returns, and early warning has found the built-in rise in missing episodes.
 */
@SpringBootTest
class FictionalHistoryTests {

    @Autowired
    JdbcClient jdbc;

    private long kent() {
        return jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
    }

    @Test
    void kentHasFictionalMonthlyHistoryThatLeavesPublishedFiguresAlone() {
        long kent = kent();
        long months = jdbc.sql("""
                        select count(distinct v.period_end) from data_value v join data_item i on i.id = v.data_item_id
                        where v.partnership_id = :p and i.code = 'missing_episodes' and v.fictional
                          and v.source = 'DEMO' and v.provenance = :prov and v.breakdown_kind = ''
                          and v.period_end between date '2021-04-30' and date '2026-10-31'""")
                .param("p", kent)
                .param("prov", FictionalHistory.PROVENANCE)
                .query(Long.class)
                .single();
        assertThat(months).isEqualTo(67);
        // the published figure is still the published one
        var published = jdbc.sql("""
                        select v.value, v.source, v.fictional from data_value v join data_item i on i.id = v.data_item_id
                        where v.partnership_id = :p and i.code = 'cp_plans' and v.period_end = date '2023-03-31'
                          and v.breakdown_kind = ''""")
                .param("p", kent)
                .query((rs, n) -> rs.getBigDecimal("value").intValue() + " " + rs.getString("source") + " "
                        + rs.getBoolean("fictional"))
                .single();
        assertThat(published).isEqualTo("1336 PUBLISHED false");
        // districts add up to the total
        BigDecimal[] sums = jdbc.sql("""
                        select sum(v.value) filter (where v.breakdown_kind = '') as total,
                               sum(v.value) filter (where v.breakdown_kind = 'DISTRICT') as districts
                        from data_value v join data_item i on i.id = v.data_item_id
                        where v.partnership_id = :p and i.code = 'missing_episodes' and v.period_end = date '2025-06-30'""")
                .param("p", kent)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal("total"), rs.getBigDecimal("districts")})
                .single();
        assertThat(sums[0]).isNotNull();
        assertThat(sums[1]).isEqualByComparingTo(sums[0]);
    }

    @Test
    void returnsAreAcceptedExceptKentCountyCouncilsLatestWhichIsSubmitted() {
        long kent = kent();
        String status = """
                select coalesce(max(r.status || ' ' || coalesce(r.last_channel, '')), 'NONE') from data_return r
                join agency a on a.id = r.agency_id
                where r.partnership_id = :p and a.name = :agency and r.frequency = 'MONTHLY' and r.period_end = cast(:end as date)""";
        assertThat(jdbc.sql(status)
                        .param("p", kent)
                        .param("agency", "Kent County Council")
                        .param("end", "2026-10-31")
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED DEMO");
        assertThat(jdbc.sql(status)
                        .param("p", kent)
                        .param("agency", "Kent County Council")
                        .param("end", "2026-09-30")
                        .query(String.class)
                        .single())
                .isEqualTo("ACCEPTED DEMO");
        assertThat(jdbc.sql(status)
                        .param("p", kent)
                        .param("agency", "Kent Police")
                        .param("end", "2026-09-30")
                        .query(String.class)
                        .single())
                .isEqualTo("ACCEPTED DEMO");
        assertThat(jdbc.sql(status)
                        .param("p", kent)
                        .param("agency", "Kent Police")
                        .param("end", "2026-10-31")
                        .query(String.class)
                        .single())
                .isNotEqualTo("ACCEPTED DEMO");
        long unlinked = jdbc.sql("""
                        select count(*) from data_value where partnership_id = :p and fictional and return_id is null
                          and period_end between date '2021-04-30' and date '2026-10-31'
                          and extract(month from period_end) <> 3""").param("p", kent).query(Long.class).single();
        assertThat(unlinked).isZero();
    }

    @Test
    void earlyWarningFoundTheRiseInMissingEpisodes() {
        // the rise reaches September 2026, the latest accepted month (October's return is only submitted)
        long episodes = jdbc.sql("""
                        select count(*) from spc_episode s join indicator i on i.id = s.indicator_id
                        where s.partnership_id = :p and i.code = 'missing_episodes' and s.ended_at is null
                          and s.variation = 'CONCERN' and s.last_period = date '2026-09-30'""").param("p", kent()).query(Long.class).single();
        assertThat(episodes).isEqualTo(1);
        long tasks = jdbc.sql("""
                        select count(*) from task where partnership_id = :p and source_type = 'indicator-episode'
                          and title like 'Early warning: special cause concern (higher) in Missing children episodes%'
                          and status = 'OPEN'""").param("p", kent()).query(Long.class).single();
        assertThat(tasks).isEqualTo(1);
    }

    @Test
    void splitAddsUpToTheTotal() {
        long[] parts = FictionalHistory.split(473, new double[] {0.7, 1.2, 0.9, 1.5, 0.61});
        assertThat(Arrays.stream(parts).sum()).isEqualTo(473);
        assertThat(parts[3]).isGreaterThan(parts[0]);
    }
}
