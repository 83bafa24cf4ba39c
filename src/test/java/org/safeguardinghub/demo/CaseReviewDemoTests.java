package org.safeguardinghub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.casereviews.dashboards.Count;
import org.safeguardinghub.casereviews.dashboards.DashboardFilters;
import org.safeguardinghub.casereviews.dashboards.ReferralDashboard;
import org.safeguardinghub.casereviews.dashboards.YearCount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Kent demo reproduces the figures Kent published (KSCMP annual report 2023-24): referrals by year, NAI-related
 * notifications, the district and age pattern, and the Learning and Improvement Group's tracker. Counted with the
 * dashboard's own queries, so the demo and the dashboard agree. Other tests only add referrals dated today, so the
 * three published years stay as the demo loaded them.
 */
@SpringBootTest
class CaseReviewDemoTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferralDashboard dashboard;

    long kent;

    @BeforeEach
    void kent() {
        kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
    }

    @Test
    void referralsByYearAreKentsPublishedCounts() {
        Map<Integer, Long> referrals = dashboard.byYear(DashboardFilters.years(kent, 2021, 2023)).stream()
                .collect(Collectors.toMap(YearCount::startYear, YearCount::referrals));
        assertThat(referrals).containsExactlyInAnyOrderEntriesOf(Map.of(2021, 27L, 2022, 20L, 2023, 18L));

        Map<Integer, Long> nai =
                jdbc
                        .sql("""
                        select extract(year from (r.submitted_at at time zone 'Europe/London') - interval '3 months')::int as fy,
                               count(*) as n
                        from referral r
                        join case_theme ct on ct.owner_type = 'REFERRAL' and ct.owner_id = r.id
                        join learning_theme t on t.id = ct.theme_id and t.name = 'Non-accidental injury'
                        where r.partnership_id = :p and r.national_decision = 'NOTIFY' and r.reference not like 'DASH-%'
                          and r.submitted_at >= '2021-04-01' and r.submitted_at < '2024-04-01'
                        group by 1
                        """)
                        .param("p", kent)
                        .query((rs, n) -> Map.entry(rs.getInt("fy"), rs.getLong("n")))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(nai).containsExactlyInAnyOrderEntriesOf(Map.of(2021, 10L, 2022, 6L, 2023, 4L));
    }

    @Test
    void maidstoneLeadsAndUnderOnesAreMostReferredIn2023To24() {
        DashboardFilters year = DashboardFilters.years(kent, 2023, 2023);
        List<Count> districts = dashboard.byDistrict(year);
        Count top = districts.stream()
                .max((a, b) -> Long.compare(a.count(), b.count()))
                .orElseThrow();
        assertThat(top.key()).isEqualTo("Maidstone");
        assertThat(districts.stream().filter(c -> c.count() == top.count())).hasSize(1);

        Map<String, Long> ages = dashboard.byAgeBand(year).stream()
                .collect(Collectors.toMap(c -> String.valueOf(c.key()), Count::count));
        assertThat(ages.get("UNDER_1")).isGreaterThan(ages.get("16_PLUS"));
        assertThat(ages.get("16_PLUS")).isGreaterThan(ages.get("11_TO_15"));
        assertThat(ages.get("11_TO_15")).isGreaterThanOrEqualTo(ages.getOrDefault("1_TO_4", 0L));
        assertThat(ages.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(18);
    }

    @Test
    void theLearningAndImprovementGroupConsideredSixReviewsIn2023To24() {
        var figures = jdbc.sql("""
                        select count(distinct rec.source_id) as reviews,
                               count(distinct rec.id) as recommendations,
                               count(a.id) as actions,
                               count(a.id) filter (where a.status = 'SIGNED_OFF') as signed_off
                        from recommendation rec
                        join practice_review pr on pr.id = rec.source_id and rec.source_type = 'PRACTICE_REVIEW'
                        left join learning_action a on a.recommendation_id = rec.id
                        where rec.partnership_id = :p and pr.title in ('Child N', 'Baby Q', 'Child S',
                              'Thematic review of adolescent self-harm', 'Child T', 'Children U and V')
                          and rec.considered_on between '2023-04-01' and '2024-03-31'
                        """)
                .param("p", kent)
                .query((rs, n) -> List.of(
                        rs.getLong("reviews"),
                        rs.getLong("recommendations"),
                        rs.getLong("actions"),
                        rs.getLong("signed_off")))
                .single();
        assertThat(figures).containsExactly(6L, 45L, 68L, 19L);

        assertThat(jdbc.sql("""
                        select count(*) from practice_review where partnership_id = :p and status = 'PUBLICATION_DELAYED'
                          and publication = 'DELAYED' and publication_delay_reason = 'Parallel criminal proceedings'
                        """).param("p", kent).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from learning_action a join agency g on g.id = a.owner_agency_id
                        where a.partnership_id = :p and g.name = 'Kent Police'
                        """).param("p", kent).query(Long.class).single()).isPositive();
    }

    @Test
    void liveCasesGiveKentPoliceOpenRequestsAndTheClocksSomethingToCount() {
        long open = jdbc.sql("""
                        select count(*) from agency_request q join agency g on g.id = q.agency_id
                        where q.partnership_id = :p and g.name = 'Kent Police' and q.status = 'REQUESTED'
                        """).param("p", kent).query(Long.class).single();
        assertThat(open).isGreaterThanOrEqualTo(2);
        List<String> statuses = jdbc.sql("select distinct status from referral where partnership_id = :p")
                .param("p", kent)
                .query(String.class)
                .list();
        // notifying opens the rapid review (the triage page never leaves a referral NOTIFIED without one)
        assertThat(statuses).contains("RECEIVED", "RAPID_REVIEW", "LOCAL_CONSIDERATION", "CLOSED");
    }

    /** Every notified demo referral has its rapid review, and each one not yet sent has its task, as the pages make. */
    @Test
    void everyNotifiedDemoCaseHasItsRapidReviewAndTask() {
        List<String> missing =
                jdbc.sql("""
                        select r.reference from referral r
                        left join rapid_review rr on rr.referral_id = r.id
                        where r.partnership_id = :p and r.national_decision = 'NOTIFY' and r.reference not like 'DASH-%'
                          and (rr.id is null
                               or (rr.sent_to_panel_on is null and not exists (
                                    select 1 from task t where t.source_type = 'rapid-review'
                                      and t.source_id = rr.id::text and t.status = 'OPEN')))""").param("p", kent).query(String.class).list();
        assertThat(missing).isEmpty();
    }

    /** The demo panel member sits on the open rapid reviews and unpublished practice reviews, and on nothing else. */
    @Test
    void theDemoPanelMemberIsOnTheOpenReviews() {
        long open = jdbc.sql("""
                        select count(*) from rapid_review rr join rapid_review_member m on m.rapid_review_id = rr.id
                        join app_user u on u.id = m.user_id
                        where rr.partnership_id = :p and u.email = 'panel@example.org'""").param("p", kent).query(Long.class).single();
        assertThat(open).isGreaterThanOrEqualTo(2);
    }

    /**
     * The demo's open work is on the home task list, as it would be had it been entered through the pages. Other tests
     * add referrals and tasks to the same database, so this looks only at tasks raised while the demo loaded (one
     * transaction, so they share the partnership's creation time).
     */
    @Test
    void openDemoCaseWorkHasItsTasks() {
        List<String> raised = jdbc.sql("""
                        select t.source_type || ' ' || t.assignee_role || ' ' || coalesce(a.name, '-')
                        from task t join partnership p on p.id = t.partnership_id
                        left join agency a on a.id = t.agency_id
                        where p.id = :p and t.created_at = p.created_at""").param("p", kent).query(String.class).list();
        assertThat(raised)
                .contains("referral-triage BUSINESS_TEAM -", "agency-request AGENCY_LEAD Kent Police")
                .anyMatch(t -> t.startsWith("rapid-review BUSINESS_TEAM"))
                .anyMatch(t -> t.startsWith("learning-action AGENCY_LEAD"));
    }
}
