package org.safeguardinghub.casereviews.dashboards;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the learning themes dashboard, which callers read through {@link ThemeDashboard} (KSCMP's second Power BI dashboard, catalogue F15: "repeated learning
 * themes ... by specific characteristics e.g. themes relevant to cases where children are under 1"). Themes are
 * tagged on referrals, on rapid reviews and on practice reviews; all three roll up to the <em>case</em>: the referral,
 * or the practice review itself when it came from no referral. The page reads both charts in one query
 * ({@link #charts}); one query per chart is kept for single-chart callers. Scoped to one partnership.
 */
@Repository
class ThemeDashboardRecords {

    /**
     * Every theme tag with the case it belongs to, already filtered. A case key is the referral's id, or minus the
     * practice review's id for a review with no referral; a review key is even for a rapid review and odd for a
     * practice review. Numbers rather than text keys, and the youngest child worked out once per referral in one
     * sorted pass, keep the joins to hash joins at national volumes (docs/benchmarks.md).
     */
    static final String TAGS = """
            with youngest as materialized (
                select distinct on (c.referral_id) c.referral_id, c.age_band, c.gender, c.district_id
                from referral_child c
                join referral r on r.id = c.referral_id and r.partnership_id = :partnership
                order by c.referral_id,
                         case c.age_band when 'UNBORN' then 0 when 'UNDER_1' then 1 when '1_TO_4' then 2
                              when '5_TO_10' then 3 when '11_TO_15' then 4 when '16_PLUS' then 5 else 6 end,
                         c.age_years nulls last, c.date_of_birth desc nulls last, c.position
            ), tagged as (
                select ct.theme_id, ct.owner_id as referral_id, cast(null as bigint) as lone_review_id,
                       cast(null as bigint) as review_key, cast(null as text) as review_label
                from case_theme ct
                where ct.partnership_id = :partnership and ct.owner_type = 'REFERRAL'
                union all
                select ct.theme_id, rr.referral_id, null, rr.id * 2, 'Rapid review, ' || r.reference
                from case_theme ct
                join rapid_review rr on rr.id = ct.owner_id and rr.partnership_id = :partnership
                join referral r on r.id = rr.referral_id
                where ct.partnership_id = :partnership and ct.owner_type = 'RAPID_REVIEW'
                union all
                select ct.theme_id, pr.referral_id, case when pr.referral_id is null then pr.id end, pr.id * 2 + 1,
                       pr.title
                from case_theme ct
                join practice_review pr on pr.id = ct.owner_id and pr.partnership_id = :partnership
                where ct.partnership_id = :partnership and ct.owner_type = 'PRACTICE_REVIEW'
            ), tags as (
                select tg.theme_id, coalesce(tg.referral_id, -tg.lone_review_id) as case_key, tg.review_key,
                       tg.review_label
                from tagged tg
                left join referral r on r.id = tg.referral_id
                left join youngest y on y.referral_id = tg.referral_id
                left join practice_review lone on lone.id = tg.lone_review_id
                where (r.id is not null and r.partnership_id = :partnership and r.status <> 'DRAFT'
                        and r.submitted_at >= :sinceAt
                        and (cast(:untilAt as timestamptz) is null or r.submitted_at < :untilAt)
                        and (cast(:ageBand as text) is null or y.age_band = :ageBand)
                        and (cast(:gender as text) is null or y.gender = :gender)
                        and (cast(:district as bigint) is null or y.district_id = :district))
                   or (lone.id is not null and lone.commissioned_on >= :since
                        and (cast(:until as date) is null or lone.commissioned_on < :until)
                        and cast(:ageBand as text) is null and cast(:gender as text) is null
                        and cast(:district as bigint) is null)
            )
            """;

    private final JdbcClient jdbc;

    ThemeDashboardRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases per theme, most frequent first: a theme found in a referral and in its review counts once. */
    List<ThemeCount> casesByTheme(ThemeFilters f) {
        return bind(TAGS + """
                        select t.name, count(distinct tg.case_key) as n
                        from tags tg
                        join learning_theme_view t on t.id = tg.theme_id
                        group by t.name
                        order by n desc, t.name
                        """, f)
                .query((rs, i) -> new ThemeCount(rs.getString("name"), rs.getLong("n"), List.of()))
                .list();
    }

    /**
     * Themes found in two or more reviews (rapid or practice reviews), most repeated first; with the reviews they
     * came from when {@code withSources} (internal view only: the names are case references).
     */
    List<ThemeCount> repeatedThemes(ThemeFilters f, boolean withSources) {
        String sources =
                withSources ? "array_agg(distinct tg.review_label order by tg.review_label)" : "cast(null as text[])";
        return bind(TAGS + """
                        select t.name, count(distinct tg.review_key) as n, %s as sources
                        from tags tg
                        join learning_theme_view t on t.id = tg.theme_id
                        where tg.review_key is not null
                        group by t.name
                        having count(distinct tg.review_key) >= 2
                        order by n desc, t.name
                        """.formatted(sources), f)
                .query((rs, i) -> new ThemeCount(rs.getString("name"), rs.getLong("n"), sources(rs)))
                .list();
    }

    /**
     * Both charts in one statement: the tags are collected and filtered once ({@code tags} is read by both
     * branches, so PostgreSQL materialises it) instead of once per chart. Each branch is the same aggregate as its
     * single-chart method, ranked in the same order. See {@link #chartsSql} for what the statement leaves out when
     * it is not needed.
     */
    ThemeDashboard.Charts charts(ThemeFilters f, boolean withSources) {
        return charts(f, withSources, 2);
    }

    /**
     * As {@link #charts(ThemeFilters, boolean)}, with the themes found in at least {@code minimumReviews} reviews in
     * the second chart (2 for "repeated"; 0 for every theme found in any review, as the published view needs so
     * that being listed says nothing).
     */
    ThemeDashboard.Charts charts(ThemeFilters f, boolean withSources, int minimumReviews) {
        List<ThemeCount> cases = new ArrayList<>();
        List<ThemeCount> repeated = new ArrayList<>();
        bind(
                        chartsSql(characteristics(f), withSources)
                                .replace("having count(*) >= 2", "having count(*) >= " + minimumReviews),
                        f)
                .query((rs, i) -> {
                    ThemeCount count = new ThemeCount(rs.getString("name"), rs.getLong("n"), sources(rs));
                    (rs.getString("chart").equals("cases") ? cases : repeated).add(count);
                    return null;
                })
                .list();
        return new ThemeDashboard.Charts(cases, repeated);
    }

    static boolean characteristics(ThemeFilters f) {
        return f.ageBand() != null || f.gender() != null || f.districtId() != null;
    }

    /**
     * The statement behind {@link #charts}: {@link #TAGS} narrowed to what the page asks. The youngest child of each
     * referral (a sort of every child) is worked out only when a characteristic filter needs it, and then only for
     * the referrals counted (submitted since the date, not drafts); the rapid reviews' labels (a join to the
     * referral for its reference) only when the sources are shown. Distinct cases and reviews per theme are found
     * by hashing (theme, case) pairs, not by {@code count(distinct)}, which sorts every tag by the theme's name
     * under the database's collation; a review key has exactly one label, so counting distinct (theme, review,
     * label) rows counts distinct reviews.
     */
    static String chartsSql(boolean characteristics, boolean withSources) {
        String youngest = !characteristics ? "" : """
                youngest as materialized (
                    select distinct on (c.referral_id) c.referral_id, c.age_band, c.gender, c.district_id
                    from referral_child c
                    join referral r on r.id = c.referral_id and r.partnership_id = :partnership
                         and r.status <> 'DRAFT' and r.submitted_at >= :sinceAt
                         and (cast(:untilAt as timestamptz) is null or r.submitted_at < :untilAt)
                    order by c.referral_id,
                             case c.age_band when 'UNBORN' then 0 when 'UNDER_1' then 1 when '1_TO_4' then 2
                                  when '5_TO_10' then 3 when '11_TO_15' then 4 when '16_PLUS' then 5 else 6 end,
                             c.age_years nulls last, c.date_of_birth desc nulls last, c.position
                ),""";
        String rapidReviewLabel = withSources ? "'Rapid review, ' || r.reference" : "cast(null as text)";
        String rapidReviewReferral = withSources ? "join referral r on r.id = rr.referral_id" : "";
        String youngestJoin = characteristics ? "left join youngest y on y.referral_id = tg.referral_id" : "";
        String characteristicFilters = !characteristics ? "" : """
                                and (cast(:ageBand as text) is null or y.age_band = :ageBand)
                                and (cast(:gender as text) is null or y.gender = :gender)
                                and (cast(:district as bigint) is null or y.district_id = :district)""";
        String loneReviews = characteristics
                ? "false"
                : "lone.id is not null and lone.commissioned_on >= :since"
                        + " and (cast(:until as date) is null or lone.commissioned_on < :until)";
        String sources =
                withSources ? "array_agg(distinct review_label order by review_label)" : "cast(null as text[])";
        return """
                with %s tagged as (
                    select ct.theme_id, ct.owner_id as referral_id, cast(null as bigint) as lone_review_id,
                           cast(null as bigint) as review_key, cast(null as text) as review_label
                    from case_theme ct
                    where ct.partnership_id = :partnership and ct.owner_type = 'REFERRAL'
                    union all
                    select ct.theme_id, rr.referral_id, null, rr.id * 2, %s
                    from case_theme ct
                    join rapid_review rr on rr.id = ct.owner_id and rr.partnership_id = :partnership
                    %s
                    where ct.partnership_id = :partnership and ct.owner_type = 'RAPID_REVIEW'
                    union all
                    select ct.theme_id, pr.referral_id, case when pr.referral_id is null then pr.id end, pr.id * 2 + 1,
                           pr.title
                    from case_theme ct
                    join practice_review pr on pr.id = ct.owner_id and pr.partnership_id = :partnership
                    where ct.partnership_id = :partnership and ct.owner_type = 'PRACTICE_REVIEW'
                ), tags as (
                    select tg.theme_id, coalesce(tg.referral_id, -tg.lone_review_id) as case_key, tg.review_key,
                           tg.review_label
                    from tagged tg
                    left join referral r on r.id = tg.referral_id
                    %s
                    left join practice_review lone on lone.id = tg.lone_review_id
                    where (r.id is not null and r.partnership_id = :partnership and r.status <> 'DRAFT'
                            and r.submitted_at >= :sinceAt
                            and (cast(:untilAt as timestamptz) is null or r.submitted_at < :untilAt) %s)
                       or (%s)
                )
                select 'cases' as chart, name, count(*) as n, cast(null as text[]) as sources,
                       row_number() over (order by count(*) desc, name) as ord
                from (select distinct t.name, tg.case_key
                      from tags tg join learning_theme_view t on t.id = tg.theme_id) theme_cases
                group by name
                union all
                select 'repeated', name, count(*), %s, row_number() over (order by count(*) desc, name)
                from (select distinct t.name, tg.review_key, tg.review_label
                      from tags tg join learning_theme_view t on t.id = tg.theme_id
                      where tg.review_key is not null) theme_reviews
                group by name
                having count(*) >= 2
                order by chart, ord
                """.formatted(
                        youngest,
                        rapidReviewLabel,
                        rapidReviewReferral,
                        youngestJoin,
                        characteristicFilters,
                        loneReviews,
                        sources);
    }

    private static List<String> sources(ResultSet rs) throws SQLException {
        Array array = rs.getArray("sources");
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private JdbcClient.StatementSpec bind(String sql, ThemeFilters f) {
        return jdbc.sql(sql)
                .param("partnership", f.partnershipId())
                .param("since", f.since())
                .param(
                        "sinceAt",
                        f.since().atStartOfDay(DashboardFilters.LONDON).toOffsetDateTime())
                .param("until", f.until())
                .param(
                        "untilAt",
                        f.until() == null
                                ? null
                                : f.until()
                                        .atStartOfDay(DashboardFilters.LONDON)
                                        .toOffsetDateTime())
                .param("ageBand", f.ageBand())
                .param("gender", f.gender())
                .param("district", f.districtId());
    }

    /** Every learning theme's name, in alphabetical order: the rows of the published view. */
    List<String> themeNames() {
        return jdbc.sql("select name from learning_theme_view order by name")
                .query(String.class)
                .list();
    }
}
