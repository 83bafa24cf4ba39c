package org.safeguardinghub.casereviews.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard pages read every chart in one query (issue 6); each chart must be exactly what its own single-chart
 * query gives, in the same order, for every kind of filter. Checked on the Kent demo's referrals, rapid reviews and
 * learning themes.
 */
@SpringBootTest
class DashboardChartsTests {

    @Autowired
    ReferralDashboard referrals;

    @Autowired
    ThemeDashboard themes;

    @Autowired
    JdbcClient jdbc;

    long kent;
    long district;
    long agency;

    @BeforeEach
    void kent() {
        kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        district = jdbc.sql("select id from district where partnership_id = :p and name = 'Maidstone'")
                .param("p", kent)
                .query(Long.class)
                .single();
        agency = jdbc.sql("""
                        select ra.agency_id from referral_agency ra join referral r on r.id = ra.referral_id
                         where r.partnership_id = :p group by ra.agency_id order by count(*) desc, ra.agency_id
                         limit 1
                        """).param("p", kent).query(Long.class).single();
    }

    @Test
    void theReferralChartsInOneQueryEqualTheSingleChartQueries() {
        int thisYear = LocalDate.now().getYear();
        List<DashboardFilters> filters = new ArrayList<>();
        filters.add(DashboardFilters.years(kent, 2015, thisYear));
        filters.add(DashboardFilters.years(kent, 2023, 2023));
        filters.add(new DashboardFilters(kent, 2015, thisYear, true, null, null, null, null, null));
        filters.add(new DashboardFilters(kent, 2015, thisYear, false, "UNDER_1", null, null, null, null));
        filters.add(new DashboardFilters(kent, 2015, thisYear, false, null, "2", null, null, null));
        filters.add(new DashboardFilters(kent, 2015, thisYear, false, null, null, "WBRI", null, null));
        filters.add(new DashboardFilters(kent, 2015, thisYear, false, null, null, null, district, null));
        filters.add(new DashboardFilters(kent, 2015, thisYear, false, null, null, null, null, agency));
        filters.add(new DashboardFilters(kent, 2015, thisYear, true, "UNDER_1", "2", null, district, agency));
        filters.add(DashboardFilters.years(kent, 1990, 1991)); // nothing counted

        long nonEmpty = 0;
        for (DashboardFilters f : filters) {
            ReferralDashboard.Charts charts = referrals.charts(f);
            assertThat(charts.byYear()).as("%s", f).isEqualTo(referrals.byYear(f));
            assertThat(charts.byAgeBand()).as("%s", f).containsExactlyInAnyOrderElementsOf(referrals.byAgeBand(f));
            assertThat(charts.byGender()).as("%s", f).containsExactlyInAnyOrderElementsOf(referrals.byGender(f));
            assertThat(charts.byEthnicity()).as("%s", f).containsExactlyInAnyOrderElementsOf(referrals.byEthnicity(f));
            assertThat(charts.byDistrict()).as("%s", f).containsExactlyInAnyOrderElementsOf(referrals.byDistrict(f));
            assertThat(charts.byRapidReviewOutcome())
                    .as("%s", f)
                    .containsExactlyInAnyOrderElementsOf(referrals.byRapidReviewOutcome(f));
            assertThat(charts.byAgencyInvolved())
                    .as("%s: most involved first", f)
                    .isEqualTo(referrals.byAgencyInvolved(f));
            nonEmpty += charts.byYear().isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty)
                .as("the demo has referrals for most of these filters")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void theThemeChartsInOneQueryEqualTheSingleChartQueries() {
        List<ThemeFilters> filters = List.of(
                ThemeFilters.since(kent, LocalDate.of(2015, 4, 1)),
                ThemeFilters.since(kent, LocalDate.of(2023, 4, 1)),
                new ThemeFilters(kent, LocalDate.of(2015, 4, 1), "UNDER_1", null, null),
                new ThemeFilters(kent, LocalDate.of(2015, 4, 1), null, "1", district),
                ThemeFilters.since(kent, LocalDate.now().plusDays(1)));
        for (ThemeFilters f : filters) {
            for (boolean withSources : new boolean[] {false, true}) {
                ThemeDashboard.Charts charts = themes.charts(f, withSources);
                assertThat(charts.casesByTheme()).as("%s", f).isEqualTo(themes.casesByTheme(f));
                assertThat(charts.repeatedThemes())
                        .as("%s, sources %s", f, withSources)
                        .isEqualTo(themes.repeatedThemes(f, withSources));
            }
        }
        assertThat(themes.charts(filters.get(0), true).repeatedThemes())
                .as("the demo has repeated themes with their reviews")
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.sources()).hasSizeGreaterThanOrEqualTo(2));
    }
}
