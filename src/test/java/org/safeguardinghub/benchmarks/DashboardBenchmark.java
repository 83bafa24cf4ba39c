package org.safeguardinghub.benchmarks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeguardinghub.HubApplication;
import org.safeguardinghub.benchmarks.national.NationalData;
import org.safeguardinghub.casereviews.dashboards.DashboardFilters;
import org.safeguardinghub.casereviews.dashboards.ReferralDashboard;
import org.safeguardinghub.casereviews.dashboards.ThemeDashboard;
import org.safeguardinghub.casereviews.dashboards.ThemeFilters;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Server time of the two learning dashboards at volume: starts the Hub (test configuration: a fresh embedded
 * PostgreSQL, deleted at exit, with the Kent demo), adds one partnership with the national-data generator
 * ({@link NationalData}: 12 districts, every demo agency and six of its own, N referrals with children, agencies,
 * rapid reviews, learning themes, and practice reviews), then times the dashboard queries exactly as the pages run them: all seven chart
 * queries of the referral dashboard, both of the themes dashboard. Prints a markdown table.
 *
 * <p>Not a test (the name does not end in Tests, so Surefire never runs it); run {@code scripts/benchmark-dashboards.sh}.
 * Arguments: referrals (10000), measured runs (30), warm-up runs (5).
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        int referrals = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        SpringApplication application = new SpringApplication(HubApplication.class);
        // command-line style arguments outrank application.yml: a random port (never 8080, where a Hub may be running)
        try (ConfigurableApplicationContext context =
                application.run("--server.port=0", "--logging.level.root=WARN", "--logging.level.hub.request=WARN")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            // one partnership from the national-data generator: 12 districts, its own and the demo's agencies, the
            // referrals with their children, agencies, rapid reviews, themes, and practice reviews
            NationalData national = new NationalData(context, new NationalData.Settings(1, 0, 0, referrals, 0, 42L));
            long loadStart = System.nanoTime();
            long partnership = national.partnerships().get(0);
            national.caseReviews(List.of(partnership));
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long children = jdbc.sql("select count(*) from referral_child c join referral r on r.id = c.referral_id"
                            + " where r.partnership_id = :p")
                    .param("p", partnership)
                    .query(Long.class)
                    .single();
            Map<String, Object> volume =
                    jdbc.sql("""
                            select (select count(*) from referral where partnership_id = :p) as referrals,
                                   (select count(*) from referral_child c join referral r on r.id = c.referral_id
                                     where r.partnership_id = :p) as children,
                                   (select count(*) from referral_agency ra join referral r on r.id = ra.referral_id
                                     where r.partnership_id = :p) as agencies,
                                   (select count(*) from rapid_review where partnership_id = :p) as rapid_reviews,
                                   (select count(*) from case_theme where partnership_id = :p) as themes
                            """).param("p", partnership).query().singleRow();

            ReferralDashboard referralDashboard = context.getBean(ReferralDashboard.class);
            ThemeDashboard themeDashboard = context.getBean(ThemeDashboard.class);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
            DashboardFilters window = DashboardFilters.years(partnership, year - 2, year);
            DashboardFilters filtered =
                    new DashboardFilters(partnership, year - 2, year, true, "UNDER_1", "2", null, null, null);
            ThemeFilters themesAll = ThemeFilters.since(partnership, LocalDate.of(year - 2, 4, 1));
            ThemeFilters themesBabies =
                    new ThemeFilters(partnership, LocalDate.of(year - 2, 4, 1), "UNDER_1", null, null);

            List<String> lines = new ArrayList<>();
            lines.add(Timings.row("Referral dashboard, 3-year window, no filter (7 queries)", runs, warmup, () -> {
                referralPage(referralDashboard, window);
                return null;
            }));
            lines.add(
                    Timings.row("Referral dashboard, notifications, under 1, female (7 queries)", runs, warmup, () -> {
                        referralPage(referralDashboard, filtered);
                        return null;
                    }));
            lines.add(Timings.row(
                    "Learning themes dashboard, internal view with sources (2 queries)", runs, warmup, () -> {
                        themeDashboard.casesByTheme(themesAll);
                        themeDashboard.repeatedThemes(themesAll, true);
                        return null;
                    }));
            lines.add(Timings.row("Learning themes dashboard, under 1 (2 queries)", runs, warmup, () -> {
                themeDashboard.casesByTheme(themesBabies);
                themeDashboard.repeatedThemes(themesBabies, false);
                return null;
            }));

            System.out.println();
            System.out.printf(
                    "Loaded %d referrals (%d children) in %.1f s. Volume in the benchmark partnership: %s%n%n",
                    referrals, children, loadSeconds, volume);
            System.out.println("| Dashboard (server time, all its chart queries) | p50 ms | p95 ms | max ms |");
            System.out.println("|---|---:|---:|---:|");
            lines.forEach(System.out::println);
            System.out.printf("%n%d measured runs after %d warm-up runs; %d referrals.%n", runs, warmup, referrals);
        }
    }

    private static void referralPage(ReferralDashboard d, DashboardFilters f) {
        d.byYear(f);
        d.byAgeBand(f);
        d.byGender(f);
        d.byEthnicity(f);
        d.byDistrict(f);
        d.byRapidReviewOutcome(f);
        d.byAgencyInvolved(f);
    }
}
