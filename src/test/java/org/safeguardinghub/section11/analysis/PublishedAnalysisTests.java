package org.safeguardinghub.section11.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.section11.analysis.AnalysisRecords.Cycle;
import org.safeguardinghub.section11.analysis.CycleAnalysis.Analysis;
import org.safeguardinghub.section11.analysis.CycleAnalysis.DistributionView;
import org.safeguardinghub.section11.analysis.CycleAnalysis.FullyRow;
import org.safeguardinghub.section11.analysis.CycleAnalysis.HeatRow;
import org.safeguardinghub.section11.analysis.CycleAnalysis.LevelCount;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Why the published Section 11 analysis is not rounded: it publishes every agency's self and moderated score per
 * standard by name (the heat map and the data download), by design, because agencies are organisations and their
 * scores are what the partnership holds them to. Every count in it (the distributions, agencies fully meeting each
 * standard) is then a count of heat-map cells, which anyone can make from the published scores; hiding or rounding
 * it would protect nothing. This test holds the analysis to that: for the demo's published cycle as the scrutineer
 * reads it, each count is exactly what the published scores say, nothing is hidden, and no count of people appears
 * (staff survey figures are published separately, through the shared rule).
 */
@SpringBootTest
class PublishedAnalysisTests {

    @Autowired
    AnalysisRecords data;

    @Autowired
    CycleAnalysis analysis;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCountInThePublishedAnalysisIsACountOfPublishedAgencyScores() {
        Actor scrutineer = (Actor) principals.loadUserByUsername(DemoAccounts.SCRUTINEER);
        long cycleId = jdbc.sql("""
                        select c.id from s11_cycle c join s11_cycle_partnership cp on cp.cycle_id = c.id
                        where c.published_at is not null and cp.partnership_id = :p order by c.id limit 1""")
                .param("p", scrutineer.partnershipId())
                .query(Long.class)
                .single();
        Cycle cycle = data.cycle(cycleId).orElseThrow();
        Analysis a = analysis.analyse(cycle, scrutineer.partnershipId(), scrutineer.partnershipName());

        assertThat(a.heat()).as("agencies listed by name").isNotEmpty();
        assertThat(a.distributions()).isNotEmpty();
        int checked = 0;
        for (int i = 0; i < a.distributions().size(); i++) {
            DistributionView d = a.distributions().get(i);
            int column = i;
            for (LevelCount level : d.levels()) {
                String score = level.label().split(" ")[0];
                assertThat(level.self())
                        .as("%s agencies self-assessed at %s", d.code(), score)
                        .isEqualTo(count(a.heat(), column, score, false));
                assertThat(level.moderated())
                        .as("%s agencies moderated at %s", d.code(), score)
                        .isEqualTo(count(a.heat(), column, score, true));
                checked++;
            }
        }
        assertThat(checked).isPositive();
        String top = a.distributions().get(0).levels().stream()
                .map(l -> l.label().split(" ")[0])
                .max(String::compareTo)
                .orElseThrow();
        for (FullyRow f : a.fullyMeeting()) {
            int column = a.distributions().stream()
                    .map(DistributionView::code)
                    .toList()
                    .indexOf(f.code());
            assertThat(f.self()).startsWith(count(a.heat(), column, top, false) + " of ");
            assertThat(f.moderated()).startsWith(count(a.heat(), column, top, true) + " of ");
        }
        List<String> texts = a.data().stream().flatMap(r -> r.cells().stream()).toList();
        assertThat(texts).as("nothing in the published analysis is hidden").noneMatch(t -> t.contains("fewer than"));
        assertThat(texts).as("no count of staff or children").noneMatch(t -> t.matches("(?i).*(staff|child).*\\d.*"));
    }

    private static int count(List<HeatRow> heat, int column, String score, boolean moderated) {
        return (int) heat.stream()
                .map(h -> (moderated ? h.moderated() : h.self()).get(column))
                .filter(c -> c.text().equals(score))
                .count();
    }
}
