package org.safeguardinghub.benchmarks.national;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.safeguardinghub.casereviews.demo.CaseReviewDemo;
import org.safeguardinghub.identity.HubUser;
import org.safeguardinghub.identity.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Deterministic synthetic data at national scale, written into a running Hub's database: the one generator the
 * national-data script and the benchmarks share. Same settings and seed (on the same day: the case-review generator
 * dates referrals relative to today) give the same rows, which {@link #checksums} shows.
 *
 * <p>What it writes, per partnership {@code NAT001 ... NATnnn}: 12 districts, 6 agencies of its own (the demo's
 * agencies are linked too, because the referral generator names them), 6 users (one per role, one password), I data
 * items and indicators with 10 years of monthly values in total and by district (streamed to {@code COPY}, the
 * largest table by far), referrals with children, agencies, rapid reviews and themes (the demo's seeded generator),
 * practice reviews, recommendations with actions and updates, and two Section 11 cycles with returns and responses.
 * Everything except the indicator values is set-based {@code INSERT ... SELECT} in the database (ids come from the
 * identity columns, so no sequence needs advancing); indicator values have no identity column.
 */
public final class NationalData {

    public static final int DISTRICTS = 12;
    public static final String PASSWORD = "load-test-2026";
    public static final String EMAIL_DOMAIN = "national.example.org";
    /** The roles each partnership gets one user for; the email is {@code <prefix>.natNNN@national.example.org}. */
    public static final Map<String, Role> USERS = users();

    /** Scale settings; {@code otherReferrals} go to every partnership but the first, which gets {@code referrals}. */
    public record Settings(int partnerships, int indicators, int years, int referrals, int otherReferrals, long seed) {}

    /** One step of the load: the tables it wrote and how long it took. */
    public record Step(String name, String tables, double seconds) {}

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final Settings settings;
    private final List<Step> steps = new ArrayList<>();

    public NationalData(ConfigurableApplicationContext context, Settings settings) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.settings = settings;
    }

    public List<Step> steps() {
        return steps;
    }

    private static Map<String, Role> users() {
        Map<String, Role> users = new LinkedHashMap<>();
        users.put("business", Role.BUSINESS_TEAM);
        users.put("admin", Role.PARTNERSHIP_ADMIN);
        users.put("lead", Role.AGENCY_LEAD);
        users.put("panel", Role.PANEL_MEMBER);
        users.put("scrutineer", Role.SCRUTINEER);
        users.put("practitioner", Role.PRACTITIONER);
        return users;
    }

    public static String email(String prefix, int partnershipNo) {
        return prefix + ".nat" + String.format("%03d", partnershipNo) + "@" + EMAIL_DOMAIN;
    }

    /** Everything, in dependency order; returns the partnership ids, the first being NAT001. */
    public List<Long> generateAll() throws Exception {
        List<Long> ids = partnerships();
        catalogue();
        indicatorValues(ids, lastMonth());
        caseReviews(ids);
        learning();
        section11();
        long start = System.nanoTime();
        try (Connection owner = ownerConnection(context);
                var st = owner.createStatement()) {
            st.execute("analyze");
        }
        steps.add(new Step("analyze", "all", seconds(start)));
        return ids;
    }

    /** The last month with values: two months ago, as a partnership's data usually lags. */
    public static LocalDate lastMonth() {
        return YearMonth.now().minusMonths(2).atEndOfMonth();
    }

    /** Partnerships with districts, their own agencies (and the demo's), and one user per role. */
    public List<Long> partnerships() {
        long start = System.nanoTime();
        List<Long> ids = jdbc.sql("""
                        insert into partnership (name, short_name, description)
                        select 'National partnership ' || lpad(g::text, 3, '0'), 'NAT' || lpad(g::text, 3, '0'),
                               'Synthetic national-scale data (scripts/generate-national-data.sh)'
                        from generate_series(1, :n) g order by g
                        returning id
                        """)
                .param("n", settings.partnerships())
                .query(Long.class)
                .list();
        jdbc.sql("""
                        insert into district (partnership_id, name, ons_code)
                        select p.id, 'District ' || d, 'E0' || lpad((p.id * 100 + d)::text, 7, '0')
                        from partnership p, generate_series(1, :d) d
                        where p.short_name like 'NAT%' order by p.id, d
                        """).param("d", DISTRICTS).update();
        // the demo's agencies exist before this runs; the referral generator picks notifiers among them by name
        jdbc.sql("""
                        insert into agency_partnership (agency_id, partnership_id)
                        select a.id, p.id from agency a, partnership p
                        where p.short_name like 'NAT%' order by p.id, a.id
                        """).update();
        jdbc.sql("""
                        insert into agency (name, short_name, agency_type, sector)
                        select p.short_name || ' ' || t.label, p.short_name || ' ' || t.short, t.kind, t.sector
                        from partnership p,
                             (values (1, 'County Council', 'CC', 'LOCAL_AUTHORITY', 'LOCAL_GOVERNMENT'),
                                     (2, 'Police', 'POL', 'POLICE', 'POLICING'),
                                     (3, 'Integrated Care Board', 'ICB', 'INTEGRATED_CARE_BOARD', 'HEALTH'),
                                     (4, 'Community Health Trust', 'CHT', 'HEALTH_PROVIDER', 'HEALTH'),
                                     (5, 'Academy Trust', 'SCH', 'SCHOOL', 'EDUCATION'),
                                     (6, 'Probation Service', 'PRO', 'PROBATION', 'CRIMINAL_JUSTICE'))
                               as t(n, label, short, kind, sector)
                        where p.short_name like 'NAT%' order by p.id, t.n
                        """).update();
        jdbc.sql("""
                        insert into agency_partnership (agency_id, partnership_id)
                        select a.id, p.id from agency a join partnership p on a.name like p.short_name || ' %'
                        where p.short_name like 'NAT%' order by p.id, a.id
                        """).update();
        String hash = context.getBean(PasswordEncoder.class).encode(PASSWORD); // hashed once: bcrypt is slow
        int roleNo = 0;
        for (Map.Entry<String, Role> u : USERS.entrySet()) {
            String agency = switch (u.getValue()) {
                case AGENCY_LEAD -> "Police";
                case PANEL_MEMBER -> "Integrated Care Board";
                case PRACTITIONER -> "Academy Trust";
                default -> "County Council";
            };
            jdbc.sql("""
                            insert into app_user (email, display_name, job_title, agency_id, password_hash, status)
                            select :prefix || '.' || lower(p.short_name) || '@' || :domain,
                                   :title || ' ' || p.short_name, :title, a.id, :hash, 'ACTIVE'
                            from partnership p join agency a on a.name = p.short_name || ' ' || :agency
                            where p.short_name like 'NAT%' order by p.id
                            """)
                    .param("prefix", u.getKey())
                    .param("domain", EMAIL_DOMAIN)
                    .param("title", u.getValue().label())
                    .param("hash", hash)
                    .param("agency", agency)
                    .update();
            jdbc.sql("""
                            insert into user_role (user_id, partnership_id, role)
                            select u.id, p.id, :role from partnership p
                            join app_user u on u.email = :prefix || '.' || lower(p.short_name) || '@' || :domain
                            where p.short_name like 'NAT%' order by p.id
                            """)
                    .param("role", u.getValue().name())
                    .param("prefix", u.getKey())
                    .param("domain", EMAIL_DOMAIN)
                    .update();
            roleNo++;
        }
        steps.add(new Step(
                "Partnerships, districts, agencies, users (" + roleNo + " per partnership)",
                "partnership, district, agency, agency_partnership, app_user, user_role",
                seconds(start)));
        return ids;
    }

    /** I data items and I indicators per partnership, each indicator counting its item, by district. */
    public void catalogue() {
        long start = System.nanoTime();
        int indicators = settings.indicators();
        jdbc.sql("""
                        insert into data_item (partnership_id, code, name, period_type, frequency, source_agency_id,
                                               breakdowns)
                        select p.id, 'item_' || lpad(i::text, 2, '0'), 'National item ' || lpad(i::text, 2, '0'),
                               'MONTHLY', 'MONTHLY', a.id, array['DISTRICT']
                        from partnership p join agency a on a.name = p.short_name || ' Police',
                             generate_series(1, :i) i
                        where p.short_name like 'NAT%' order by p.id, i
                        """).param("i", indicators).update();
        jdbc.sql("""
                        insert into indicator (partnership_id, code, name, sort_order)
                        select p.id, 'ind_' || lpad(i::text, 2, '0'), 'National indicator ' || lpad(i::text, 2, '0'), i
                        from partnership p, generate_series(1, :i) i where p.short_name like 'NAT%' order by p.id, i
                        """).param("i", indicators).update();
        jdbc.sql("""
                        insert into indicator_version (indicator_id, version_no, numerator, factor, aggregation,
                                                       decimals, polarity, target, green_from, red_from,
                                                       priorities, effective_from)
                        select x.id, 1, 'item_' || substr(x.code, 5), 'COUNT', 'LATEST', 0,
                               case when x.sort_order % 2 = 0 then 'HIGHER_IS_BETTER' else 'LOWER_IS_BETTER' end,
                               100, case when x.sort_order % 2 = 0 then 110 else 90 end,
                               case when x.sort_order % 2 = 0 then 80 else 120 end,
                               case when x.sort_order % 3 = 0 then array['Neglect'] else array[]::text[] end,
                               date '2000-01-01'
                        from indicator x join partnership p on p.id = x.partnership_id
                        where p.short_name like 'NAT%' order by x.id
                        """).update();
        steps.add(new Step(
                "Indicator catalogue (" + indicators + " items and indicators per partnership)",
                "data_item, indicator, indicator_version",
                seconds(start)));
    }

    private record Ind(long id, long partnershipId) {}

    /**
     * Monthly values of every generated indicator, total and by district, streamed to COPY through the table owner's
     * connection. The primary key and index are dropped for the load and built once afterwards (a sorted build is
     * several times faster than 14 million index insertions).
     */
    public long indicatorValues(List<Long> partnerships, LocalDate lastMonth) throws Exception {
        long start = System.nanoTime();
        List<Ind> all = jdbc.sql("""
                        select x.id, x.partnership_id from indicator x join partnership p on p.id = x.partnership_id
                        where p.short_name like 'NAT%' order by x.id
                        """)
                .query((rs, i) -> new Ind(rs.getLong(1), rs.getLong(2)))
                .list();
        List<LocalDate> months = new ArrayList<>();
        for (int m = settings.years() * 12 - 1; m >= 0; m--) {
            months.add(YearMonth.from(lastMonth).minusMonths(m).atEndOfMonth());
        }
        Random random = new Random(settings.seed());
        long rows = 0;
        try (Connection owner = ownerConnection(context)) {
            owner.setAutoCommit(false);
            try (var st = owner.createStatement()) {
                st.execute("alter table indicator_value drop constraint indicator_value_pkey");
                st.execute("drop index indicator_value_partnership_idx");
            }
            CopyIn copy = owner.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy indicator_value (indicator_id, partnership_id, period_end, breakdown_kind,"
                            + " breakdown_value, version_no, numerator, value, first_value, fictional)"
                            + " from stdin with (format csv)");
            StringBuilder buffer = new StringBuilder(1 << 20);
            for (Ind ind : all) {
                for (LocalDate month : months) {
                    int total = 0;
                    for (int d = 1; d <= DISTRICTS; d++) {
                        int v = 2 + random.nextInt(15);
                        total += v;
                        row(buffer, ind, month, "DISTRICT", "District " + d, v);
                        rows++;
                    }
                    row(buffer, ind, month, "", "", total);
                    rows++;
                    if (buffer.length() > (1 << 20) - 4096) {
                        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        buffer.setLength(0);
                    }
                }
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            double copySeconds = seconds(start);
            long indexStart = System.nanoTime();
            try (var st = owner.createStatement()) {
                st.execute("set maintenance_work_mem = '512MB'");
                st.execute("alter table indicator_value add constraint indicator_value_pkey"
                        + " primary key (indicator_id, breakdown_kind, breakdown_value, period_end)");
                st.execute("create index indicator_value_partnership_idx on indicator_value (partnership_id,"
                        + " period_end)");
            }
            owner.commit();
            steps.add(new Step(
                    String.format("Indicator values: %,d rows through COPY", rows), "indicator_value", copySeconds));
            steps.add(
                    new Step("Indicator values: primary key and index built", "indicator_value", seconds(indexStart)));
        }
        return rows;
    }

    private static void row(StringBuilder b, Ind ind, LocalDate month, String kind, String value, int v) {
        b.append(ind.id())
                .append(',')
                .append(ind.partnershipId())
                .append(',')
                .append(month)
                .append(",\"")
                .append(kind)
                .append("\",\"")
                .append(value)
                .append("\",1,")
                .append(v)
                .append(',')
                .append(v)
                .append(',')
                .append(v)
                .append(",true\n");
    }

    /**
     * Referrals (children, agencies, rapid reviews, themes) from the demo's seeded generator: {@code referrals} in
     * the first partnership, the one the benchmarks measure, {@code otherReferrals} in each other one. Then a practice
     * review for every tenth rapid review and one thematic review per partnership, tagged with themes.
     */
    public void caseReviews(List<Long> partnerships) {
        long start = System.nanoTime();
        CaseReviewDemo generator = context.getBean(CaseReviewDemo.class);
        int children = 0;
        for (int i = 0; i < partnerships.size(); i++) {
            int count = i == 0 ? settings.referrals() : settings.otherReferrals();
            if (count > 0) {
                children += generator.generate(partnerships.get(i), count, settings.seed() + i);
            }
        }
        steps.add(new Step(
                String.format("Referrals (%,d children) with agencies, rapid reviews, themes", children),
                "referral, referral_child, referral_agency, rapid_review, case_theme",
                seconds(start)));
        start = System.nanoTime();
        jdbc.sql("""
                        insert into practice_review (partnership_id, referral_id, title, review_type, status,
                                                     commissioned_on, reviewers, signed_off_on, signed_off_by,
                                                     publication, published_on)
                        select rr.partnership_id, rr.referral_id, 'Practice review ' || r.reference,
                               case when rr.n % 20 = 0 then 'LCSPR' else 'LEARNING_REVIEW' end,
                               case when rr.n % 3 = 0 then 'PUBLISHED' when rr.n % 3 = 1 then 'IN_PROGRESS'
                                    else 'COMMISSIONED' end,
                               coalesce(rr.meeting_on, date(r.submitted_at)) + 14, 'Independent reviewer',
                               case when rr.n % 3 = 0 then coalesce(rr.meeting_on, date(r.submitted_at)) + 160 end,
                               case when rr.n % 3 = 0 then 'Partnership executive' end,
                               case when rr.n % 3 = 0 then 'ANONYMISED' end,
                               case when rr.n % 3 = 0 then coalesce(rr.meeting_on, date(r.submitted_at)) + 180 end
                        from (select x.*, row_number() over (partition by x.partnership_id order by x.id) as n
                              from rapid_review x join partnership p on p.id = x.partnership_id
                              where p.short_name like 'NAT%') rr
                        join referral r on r.id = rr.referral_id
                        where rr.n % 10 = 0 order by rr.id
                        """).update();
        jdbc.sql("""
                        insert into practice_review (partnership_id, title, review_type, status, commissioned_on)
                        select p.id, 'Thematic review ' || p.short_name, 'THEMATIC_REVIEW', 'IN_PROGRESS',
                               :since
                        from partnership p where p.short_name like 'NAT%' order by p.id
                        """).param("since", lastMonth().minusMonths(8)).update();
        // two themes per practice review: deterministic picks from the theme list by the review's number
        jdbc.sql("""
                        insert into case_theme (partnership_id, owner_type, owner_id, theme_id)
                        select pr.partnership_id, 'PRACTICE_REVIEW', pr.id, t.id
                        from practice_review pr join partnership p on p.id = pr.partnership_id
                        join (select id, row_number() over (order by id) - 1 as k, count(*) over () as c
                              from learning_theme) t
                          on t.k in ((pr.id * 7 + :seed) % t.c, (pr.id * 7 + :seed + 3) % t.c)
                        where p.short_name like 'NAT%' order by pr.id, t.id
                        """).param("seed", Math.floorMod(settings.seed(), 1000)).update();
        steps.add(new Step(
                "Practice reviews (every tenth rapid review, one thematic per partnership) with themes",
                "practice_review, case_theme",
                seconds(start)));
    }

    /**
     * A recommendation for every fifth rapid review and every practice review, each with two actions owned by the
     * partnership's own agencies and an update on each started action.
     */
    public void learning() {
        long start = System.nanoTime();
        jdbc.sql("""
                        insert into recommendation (partnership_id, reference, source_type, source_id, source_title,
                                                    text, agreed_on, created_by_name)
                        select s.partnership_id, 'REC-' || s.kind || '-' || s.id, s.source_type, s.id, s.title,
                               'Agencies should strengthen ' || s.focus || ' (generated for ' || s.title || ').',
                               s.agreed_on, 'Learning and Improvement Group'
                        from (select rr.partnership_id, 'RR' as kind, 'RAPID_REVIEW' as source_type, rr.id,
                                     'Rapid review ' || r.reference as title,
                                     coalesce(rr.completed_on, date(r.submitted_at)) + 30 as agreed_on,
                                     case rr.id % 3 when 0 then 'information sharing'
                                          when 1 then 'professional curiosity' else 'supervision' end as focus
                              from rapid_review rr join referral r on r.id = rr.referral_id
                              join partnership p on p.id = rr.partnership_id
                              where p.short_name like 'NAT%' and rr.id % 5 = 0
                              union all
                              select pr.partnership_id, 'PR', 'PRACTICE_REVIEW', pr.id, pr.title,
                                     pr.commissioned_on + 120,
                                     case pr.id % 2 when 0 then 'the voice of the child' else 'escalation' end
                              from practice_review pr join partnership p on p.id = pr.partnership_id
                              where p.short_name like 'NAT%') s
                        order by s.partnership_id, s.source_type, s.id
                        """).update();
        jdbc.sql("""
                        insert into recommendation_theme (recommendation_id, theme_id)
                        select rc.id, t.id from recommendation rc join partnership p on p.id = rc.partnership_id
                        join (select id, row_number() over (order by id) - 1 as k, count(*) over () as c
                              from learning_theme) t on t.k = (rc.id * 5 + :seed) % t.c
                        where p.short_name like 'NAT%' order by rc.id
                        """).param("seed", Math.floorMod(settings.seed(), 1000)).update();
        jdbc.sql("""
                        insert into learning_action (partnership_id, recommendation_id, reference, text,
                                                     owner_agency_id, owner_person, due_on, status, completed_on,
                                                     signed_off_on, signed_off_by_name)
                        select rc.partnership_id, rc.id, rc.reference || '-' || n.n,
                               'Action ' || n.n || ' for ' || rc.reference, a.id, 'Safeguarding lead',
                               rc.agreed_on + 90 * n.n,
                               case (rc.id + n.n) % 5 when 0 then 'NOT_STARTED' when 1 then 'UNDERWAY'
                                    when 2 then 'COMPLETED' else 'SIGNED_OFF' end,
                               case when (rc.id + n.n) % 5 >= 2 then rc.agreed_on + 60 end,
                               case when (rc.id + n.n) % 5 >= 3 then rc.agreed_on + 75 end,
                               case when (rc.id + n.n) % 5 >= 3 then 'Learning and Improvement Group' end
                        from recommendation rc join partnership p on p.id = rc.partnership_id
                        cross join (values (1), (2)) n(n)
                        join agency a on a.name = p.short_name || ' ' || case (rc.id + n.n) % 4
                             when 0 then 'County Council' when 1 then 'Police' when 2 then 'Integrated Care Board'
                             else 'Community Health Trust' end
                        where p.short_name like 'NAT%' order by rc.id, n.n
                        """).update();
        jdbc.sql("""
                        insert into learning_action_update (action_id, agency_id, written_by_name, text, status_from,
                                                            status_to)
                        select la.id, la.owner_agency_id, 'Safeguarding lead', 'Progress on ' || la.reference,
                               'NOT_STARTED', 'UNDERWAY'
                        from learning_action la join partnership p on p.id = la.partnership_id
                        where p.short_name like 'NAT%' and la.status <> 'NOT_STARTED' order by la.id
                        """).update();
        steps.add(new Step(
                "Recommendations with themes, actions (2 each) and updates",
                "recommendation, recommendation_theme, learning_action, learning_action_update",
                seconds(start)));
    }

    /**
     * Two Section 11 cycles per partnership (last year's, submitted; this year's, part done) on the newest core
     * template, a return per own agency and cycle, and a response to every standard of each started return.
     */
    public void section11() {
        long start = System.nanoTime();
        Long template = jdbc.sql("select id from s11_template where variant = 'CORE' order by version desc, id limit 1")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (template == null) {
            steps.add(new Step("Section 11: skipped, no core template loaded", "-", seconds(start)));
            return;
        }
        int year = lastMonth().getYear();
        for (int y : new int[] {year - 1, year}) {
            jdbc.sql("""
                            insert into s11_cycle (name, opens_on, closes_on, moderation_from, moderation_to,
                                                   previous_cycle_id, created_by_name)
                            select p.short_name || ' Section 11 audit ' || :y, make_date(:y, 1, 10),
                                   make_date(:y, 3, 31), make_date(:y, 4, 1), make_date(:y, 5, 31),
                                   (select c.id from s11_cycle c
                                     where c.name = p.short_name || ' Section 11 audit ' || (:y - 1)),
                                   'Business team'
                            from partnership p where p.short_name like 'NAT%' order by p.id
                            """).param("y", y).update();
        }
        jdbc.sql("""
                        insert into s11_cycle_partnership (cycle_id, partnership_id)
                        select c.id, p.id from s11_cycle c join partnership p
                          on c.name like p.short_name || ' Section 11 audit %'
                        where p.short_name like 'NAT%' order by c.id
                        """).update();
        jdbc.sql("""
                        insert into s11_return (cycle_id, agency_id, template_id, status, submitted_by_name,
                                                declaration_name, declaration_role, submitted_at, started_at)
                        select c.id, a.id, :t, s.status,
                               case when s.status = 'SUBMITTED' then 'Safeguarding lead' end,
                               case when s.status = 'SUBMITTED' then 'Accountable officer' end,
                               case when s.status = 'SUBMITTED' then 'Director' end,
                               case when s.status = 'SUBMITTED' then c.closes_on - 3 + time '12:00' end,
                               case when s.status <> 'NOT_STARTED' then c.opens_on + 5 + time '09:00' end
                        from s11_cycle c join s11_cycle_partnership cp on cp.cycle_id = c.id
                        join partnership p on p.id = cp.partnership_id
                        join agency a on a.name like p.short_name || ' %'
                        cross join lateral (select case when c.previous_cycle_id is null then 'SUBMITTED'
                                                        when a.id % 3 = 0 then 'SUBMITTED'
                                                        when a.id % 3 = 1 then 'IN_PROGRESS'
                                                        else 'NOT_STARTED' end as status) s
                        where p.short_name like 'NAT%' order by c.id, a.id
                        """).param("t", template).update();
        jdbc.sql("""
                        insert into s11_response (return_id, standard_id, agency_id, self_score, evidence,
                                                  updated_by_name)
                        select r.id, s.id, r.agency_id, (r.id + s.id + :seed) % 4,
                               'Evidence for ' || s.code || ' from ' || a.name, 'Safeguarding lead'
                        from s11_return r join s11_cycle c on c.id = r.cycle_id
                        join agency a on a.id = r.agency_id
                        join s11_standard s on s.template_id = r.template_id
                        where c.name like 'NAT% Section 11 audit %' and r.status <> 'NOT_STARTED'
                        order by r.id, s.id
                        """).param("seed", Math.floorMod(settings.seed(), 1000)).update();
        steps.add(new Step(
                "Section 11 cycles (2 per partnership), returns, responses",
                "s11_cycle, s11_cycle_partnership, s11_return, s11_response",
                seconds(start)));
    }

    /** The business-team user of a generated partnership, as the security context holds it after sign-in. */
    public static HubUser businessUser(JdbcClient jdbc, long partnership) {
        Map<String, Object> u = jdbc.sql("""
                        select u.id, u.email, u.display_name, u.agency_id, p.short_name
                        from app_user u join user_role r on r.user_id = u.id and r.role = 'BUSINESS_TEAM'
                        join partnership p on p.id = r.partnership_id
                        where r.partnership_id = :p and u.email like 'business.%'
                        """).param("p", partnership).query().singleRow();
        return new HubUser(
                ((Number) u.get("id")).longValue(),
                (String) u.get("email"),
                (String) u.get("display_name"),
                ((Number) u.get("agency_id")).longValue(),
                partnership,
                (String) u.get("short_name"),
                EnumSet.of(Role.BUSINESS_TEAM),
                null,
                false,
                true,
                false);
    }

    /** Rows, size and an order-independent checksum of every table (see {@link Checksums}). */
    public static List<Checksums.TableSum> checksums(ConfigurableApplicationContext context) throws SQLException {
        try (Connection owner = ownerConnection(context)) {
            return Checksums.of(owner);
        }
    }

    /**
     * A connection as the schema owner (which row-level security does not restrict and which may drop and rebuild
     * indexes): the embedded server's port, or the Flyway settings of an external database.
     */
    public static Connection ownerConnection(ConfigurableApplicationContext context) throws SQLException {
        var env = context.getEnvironment();
        String url = env.getProperty("spring.flyway.url", env.getProperty("spring.datasource.url"));
        String user = env.getProperty("spring.flyway.user", env.getProperty("spring.datasource.username"));
        String password = env.getProperty("spring.flyway.password", env.getProperty("spring.datasource.password", ""));
        if (url == null) {
            return context.getBean(DataSource.class).getConnection();
        }
        return DriverManager.getConnection(url, user, password);
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
