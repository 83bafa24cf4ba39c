package org.safeguardinghub.casereviews.dashboards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the referral and notification dashboard ({@link ReferralDashboard} is what callers use): the page reads every chart in one query
 * ({@link #charts}); one query per chart is kept for callers that want a single chart. Scoped to one partnership,
 * every filter a named parameter.
 *
 * <p>Counting rules (KSCMP annual report 2023-24, catalogue F25): a referral may cover several children but counts
 * once; where it has more than one child, the <em>youngest</em> represents it, so age band, gender, ethnicity and
 * district all describe that child and every chart adds up to the number of referrals. A referral belongs to the
 * financial year (April to March, UK time) in which it was submitted; drafts are never counted. A notification is a
 * referral the local authority decided to notify to the national Child Safeguarding Practice Review Panel.
 */
@Repository
class ReferralDashboardRecords {

    /**
     * The referrals counted, each with its represented child. The youngest child is the one with the lowest age band
     * (unborn first), then the lowest age in years, then the latest date of birth, then the first entered. The
     * youngest child is found in one sorted pass over the window's children ({@code distinct on}), not a lookup per
     * referral, the same shape as the themes dashboard (docs/benchmarks.md).
     */
    static final String FILTERED = """
            with windowed as materialized (
                select r.id, r.national_decision,
                       extract(year from (r.submitted_at at time zone 'Europe/London') - interval '3 months')::int as fy
                from referral r
                where r.partnership_id = :partnership
                  and r.status <> 'DRAFT'
                  and r.submitted_at >= :from and r.submitted_at < :to
                  and (not :notificationsOnly or r.national_decision = 'NOTIFY')
                  and (cast(:agency as bigint) is null or exists (
                        select 1 from referral_agency ra where ra.referral_id = r.id and ra.agency_id = :agency))
            ), youngest as materialized (
                select distinct on (c.referral_id) c.referral_id, c.age_band, c.gender, c.ethnicity, c.district_id
                from referral_child c
                join windowed w on w.id = c.referral_id
                order by c.referral_id,
                         case c.age_band when 'UNBORN' then 0 when 'UNDER_1' then 1 when '1_TO_4' then 2
                              when '5_TO_10' then 3 when '11_TO_15' then 4 when '16_PLUS' then 5 else 6 end,
                         c.age_years nulls last, c.date_of_birth desc nulls last, c.position
            ), filtered as (
                select w.id, w.national_decision, w.fy, y.age_band, y.gender, y.ethnicity, y.district_id
                from windowed w
                left join youngest y on y.referral_id = w.id
                where (cast(:ageBand as text) is null or y.age_band = :ageBand)
                  and (cast(:gender as text) is null or y.gender = :gender)
                  and (cast(:ethnicity as text) is null or y.ethnicity = :ethnicity)
                  and (cast(:district as bigint) is null or y.district_id = :district)
            )
            """;

    /**
     * Every chart of the page in one statement (see {@link #charts}); {@code ord} orders the years and agencies. The
     * agencies' distinct referrals are found by hashing (name, referral) pairs rather than by {@code count(distinct)},
     * which sorts every link by the agency's name under the database's collation.
     */
    static final String CHARTS = FILTERED + """
                select 'year' as chart, cast(fy as text) as k, count(*) as n,
                       count(*) filter (where national_decision = 'NOTIFY') as notified, fy as ord
                from filtered group by fy
                union all
                select 'age', age_band, count(*), 0, 0 from filtered group by age_band
                union all
                select 'gender', gender, count(*), 0, 0 from filtered group by gender
                union all
                select 'ethnicity', ethnicity, count(*), 0, 0 from filtered group by ethnicity
                union all
                select 'district', d.name, count(*), 0, 0
                from filtered s left join district_view d on d.id = s.district_id and d.partnership_id = :partnership
                group by d.name
                union all
                select 'outcome', rr.outcome, count(*), 0, 0
                from filtered s left join rapid_review rr on rr.referral_id = s.id and rr.partnership_id = :partnership
                group by rr.outcome
                union all
                select 'agency', k, count(*), 0, row_number() over (order by count(*) desc, k)
                from (select distinct coalesce(a.short_name, a.name) as k, s.id
                      from filtered s
                      join referral_agency ra on ra.referral_id = s.id
                      join agency_view a on a.id = ra.agency_id) involved
                group by k
                order by chart, ord
            """;

    private final JdbcClient jdbc;

    ReferralDashboardRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every chart in one statement: the window, the youngest children and the filters are worked out once and
     * materialised ({@code filtered} is read by every branch), instead of once per chart. Each branch is the same
     * aggregate as its single-chart method; {@code ord} carries each chart's order (year, or count then name for
     * agencies).
     */
    ReferralDashboard.Charts charts(DashboardFilters f) {
        List<YearCount> years = new ArrayList<>();
        Map<String, List<Count>> counts = new HashMap<>();
        statement(CHARTS, f)
                .query((rs, n) -> {
                    String chart = rs.getString("chart");
                    if (chart.equals("year")) {
                        years.add(new YearCount(rs.getInt("ord"), rs.getLong("n"), rs.getLong("notified")));
                    } else {
                        counts.computeIfAbsent(chart, c -> new ArrayList<>())
                                .add(new Count(rs.getString("k"), rs.getLong("n")));
                    }
                    return null;
                })
                .list();
        return new ReferralDashboard.Charts(
                years,
                counts.getOrDefault("age", List.of()),
                counts.getOrDefault("gender", List.of()),
                counts.getOrDefault("ethnicity", List.of()),
                counts.getOrDefault("district", List.of()),
                counts.getOrDefault("outcome", List.of()),
                counts.getOrDefault("agency", List.of()));
    }

    /** Referrals and notifications per financial year of the window (years with none are left out). */
    List<YearCount> byYear(DashboardFilters f) {
        return statement(FILTERED + """
                select fy, count(*) as referrals, count(*) filter (where national_decision = 'NOTIFY') as notifications
                from filtered group by fy order by fy
                """, f)
                .query((rs, n) -> new YearCount(rs.getInt("fy"), rs.getLong("referrals"), rs.getLong("notifications")))
                .list();
    }

    /** Referrals by the age band of the youngest child (code, or null when not recorded). */
    List<Count> byAgeBand(DashboardFilters f) {
        return counts("select age_band as k, count(*) as n from filtered group by age_band", f);
    }

    /** Referrals by the gender of the youngest child (DfE code). */
    List<Count> byGender(DashboardFilters f) {
        return counts("select gender as k, count(*) as n from filtered group by gender", f);
    }

    /** Referrals by the ethnicity of the youngest child (DfE code). */
    List<Count> byEthnicity(DashboardFilters f) {
        return counts("select ethnicity as k, count(*) as n from filtered group by ethnicity", f);
    }

    /** Referrals by the district of the youngest child (district name). */
    List<Count> byDistrict(DashboardFilters f) {
        return counts("""
                select d.name as k, count(*) as n
                from filtered s left join district_view d on d.id = s.district_id and d.partnership_id = :partnership
                group by d.name
                """, f);
    }

    /** Referrals by the outcome of their rapid review (code, or null when there was none or it is not decided). */
    List<Count> byRapidReviewOutcome(DashboardFilters f) {
        return counts("""
                select rr.outcome as k, count(*) as n
                from filtered s left join rapid_review rr on rr.referral_id = s.id and rr.partnership_id = :partnership
                group by rr.outcome
                """, f);
    }

    /** For each agency, the referrals it was involved in (a referral involving three agencies counts for each). */
    List<Count> byAgencyInvolved(DashboardFilters f) {
        return counts("""
                select coalesce(a.short_name, a.name) as k, count(distinct s.id) as n
                from filtered s
                join referral_agency ra on ra.referral_id = s.id
                join agency_view a on a.id = ra.agency_id
                group by coalesce(a.short_name, a.name)
                order by n desc, k
                """, f);
    }

    /** The names the agency chart uses (short name, or name) for the given agencies, in no particular order. */
    List<String> agencyLabels(java.util.Collection<Long> agencyIds) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct coalesce(short_name, name) from agency_view where id in (:ids)")
                .param("ids", agencyIds)
                .query(String.class)
                .list();
    }

    private List<Count> counts(String select, DashboardFilters f) {
        return statement(FILTERED + select, f)
                .query((rs, n) -> new Count(rs.getString("k"), rs.getLong("n")))
                .list();
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DashboardFilters f) {
        return spec.param("partnership", f.partnershipId())
                .param("from", f.from())
                .param("to", f.to())
                .param("notificationsOnly", f.notificationsOnly())
                .param("agency", f.agencyId())
                .param("ageBand", f.ageBand())
                .param("gender", f.gender())
                .param("ethnicity", f.ethnicity())
                .param("district", f.districtId());
    }

    private JdbcClient.StatementSpec statement(String sql, DashboardFilters f) {
        return bind(jdbc.sql(sql), f);
    }
}
