package org.safeguardinghub.benchmarks.national;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.safeguardinghub.HubApplication;
import org.safeguardinghub.benchmarks.Timings;
import org.safeguardinghub.casereviews.dashboards.DashboardFilters;
import org.safeguardinghub.casereviews.dashboards.ReferralDashboard;
import org.safeguardinghub.casereviews.dashboards.ThemeDashboard;
import org.safeguardinghub.casereviews.dashboards.ThemeFilters;
import org.safeguardinghub.identity.HubUser;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The Hub's dashboard and scorecard pages against DuckDB, the reference an analyst would reach for, on the national
 * data set (scripts/generate-national-data.sh). Starts the Hub in-process on that persistent data directory and, for
 * partnership NAT001 (10,000 referrals, 60 indicators x 10 years x 13 breakdowns):
 *
 * <ol>
 *   <li>times each page's server time through MockMvc, signed in as the partnership's business team (rendering
 *       included): p50, p95, max after warm-up;
 *   <li>exports the tables those pages read, whole (every partnership's rows), from PostgreSQL with {@code COPY ... TO
 *       STDOUT (FORMAT csv)} and loads them into in-memory DuckDB tables with {@code read_csv} (both timed, not
 *       counted);
 *   <li>times DuckDB computing the same aggregates for the same partnership and filters;
 *   <li>checks the answers are the same: DuckDB's rows against what the Hub's own query functions return (the
 *       scorecard's and indicator page's data reads, the dashboards' chart queries), and that each scorecard page
 *       lists exactly the indicators DuckDB selected. Any difference makes the run fail (exit 1).
 * </ol>
 *
 * <p>Run {@code scripts/benchmark-reference.sh}. Arguments: data dir, export dir, measured runs, warm-up runs, then
 * any Spring arguments.
 */
public final class ReferenceBenchmark {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'");

    private ReferenceBenchmark() {}

    /** One page: the Hub's URL, DuckDB's queries for the same answer, and the Hub's own answer for the check. */
    private record Case(String name, String path, List<String> duckSql, Callable<List<String>> hubAnswer) {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path exportDir = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);

        List<String> springArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--hub.database.ephemeral=false",
                "--hub.data-dir=" + dataDir,
                "--hub.demo=true",
                "--logging.level.root=WARN",
                "--logging.level.hub.request=WARN"));
        // further arguments go to Spring, e.g. --spring.flyway.validate-on-migrate=false when a migration applied at
        // generation time has been edited since (a tree under development)
        springArgs.addAll(Arrays.asList(args).subList(4, args.length));
        SpringApplication application = new SpringApplication(HubApplication.class);
        try (ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new))) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long p = jdbc.sql("select id from partnership where short_name = 'NAT001'")
                    .query(Long.class)
                    .single();
            HubUser business = NationalData.businessUser(jdbc, p);
            RequestPostProcessor signedIn = user(business);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                    .apply(springSecurity())
                    .build();
            Map<String, Object> volume = jdbc.sql("""
                            select (select count(*) from indicator_value) as indicator_values,
                                   (select count(*) from indicator_value where partnership_id = :p) as nat001_values,
                                   (select count(*) from referral where partnership_id = :p) as nat001_referrals,
                                   (select count(*) from referral) as referrals
                            """).param("p", p).query().singleRow();
            LocalDate latest = jdbc.sql(
                            "select max(period_end) from indicator_value where partnership_id = :p and breakdown_kind = ''")
                    .param("p", p)
                    .query(LocalDate.class)
                    .single();
            LocalDate earlier =
                    latest.minusMonths(6).withDayOfMonth(1).plusMonths(1).minusDays(1);
            long ind01 = jdbc.sql("select id from indicator where partnership_id = :p and code = 'ind_01'")
                    .param("p", p)
                    .query(Long.class)
                    .single();
            LocalDate today = LocalDate.now(LONDON);
            int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
            DashboardFilters window = DashboardFilters.years(p, year - 2, year);
            LocalDate since = LocalDate.of(year - 2, 4, 1);
            ThemeFilters themes = ThemeFilters.since(p, since);

            Object performanceData = AopTestUtils.getUltimateTargetObject(
                    context.getBean(Class.forName("org.safeguardinghub.performance.scorecard.PerformanceData")));
            ReferralDashboard referralDashboard = context.getBean(ReferralDashboard.class);
            ThemeDashboard themeDashboard = context.getBean(ThemeDashboard.class);

            List<Case> cases = new ArrayList<>();
            cases.add(new Case(
                    "Scorecard, latest period",
                    "/performance",
                    List.of(scorecardSql(p, latest, "", "", null)),
                    () -> scorecardAnswer(performanceData, p, latest, "", "")));
            cases.add(new Case(
                    "Scorecard, period " + earlier + ", priority Neglect",
                    "/performance?period=" + earlier + "&priority=Neglect",
                    List.of(scorecardSql(p, earlier, "", "", "Neglect")),
                    () -> scorecardAnswer(performanceData, p, earlier, "", "")));
            cases.add(new Case(
                    "Scorecard, period " + earlier + ", District 1",
                    "/performance?period=" + earlier + "&district=District 1",
                    List.of(scorecardSql(p, earlier, "DISTRICT", "District 1", null)),
                    () -> scorecardAnswer(performanceData, p, earlier, "DISTRICT", "District 1")));
            cases.add(new Case(
                    "Indicator page (10-year series, 12 district breakdowns)",
                    "/performance/indicators/ind_01",
                    List.of(seriesSql(p, ind01), latestBreakdownsSql(p, ind01)),
                    () -> indicatorAnswer(performanceData, p, ind01)));
            cases.add(new Case(
                    "Referral dashboard, financial years " + (year - 2) + "-" + (year - 1) % 100 + " to " + year + "-"
                            + (year + 1) % 100 + " (7 charts)",
                    "/dashboards/referrals?period=3Y" + year,
                    referralSql(window),
                    () -> referralAnswer(referralDashboard, window)));
            cases.add(new Case(
                    "Learning themes dashboard, since " + since + " (2 charts, with sources)",
                    "/dashboards/themes?sinceDay=1&sinceMonth=4&sinceYear=" + (year - 2),
                    themeSql(p, since),
                    () -> themeAnswer(themeDashboard, themes)));

            // ---- the Hub: server time of each page ----
            Map<String, double[]> hub = new LinkedHashMap<>();
            Map<String, String> html = new LinkedHashMap<>();
            for (Case c : cases) {
                html.put(c.name(), page(mvc, signedIn, c.path()));
                hub.put(c.name(), Timings.millis(runs, warmup, () -> page(mvc, signedIn, c.path())));
            }

            // ---- export to CSV, load into DuckDB ----
            Files.createDirectories(exportDir);
            Map<String, String> exports = exports();
            long start = System.nanoTime();
            long exportedBytes = 0;
            Map<String, String> duckTypes = new LinkedHashMap<>();
            try (Connection owner = NationalData.ownerConnection(context)) {
                try (var st = owner.createStatement()) {
                    st.execute("set timezone = 'UTC'");
                }
                for (Map.Entry<String, String> e : exports.entrySet()) {
                    Path file = exportDir.resolve(e.getKey() + ".csv");
                    try (OutputStream out = Files.newOutputStream(file)) {
                        owner.unwrap(PGConnection.class)
                                .getCopyAPI()
                                .copyOut(
                                        "copy (" + e.getValue() + ") to stdout with (format csv, header, null '\\N')",
                                        out);
                    }
                    exportedBytes += Files.size(file);
                    duckTypes.put(e.getKey(), duckColumns(owner, e.getValue()));
                }
            }
            double exportSeconds = NationalData.seconds(start);

            start = System.nanoTime();
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = duck.createStatement()) {
                for (Map.Entry<String, String> e : duckTypes.entrySet()) {
                    String file = exportDir
                            .resolve(e.getKey() + ".csv")
                            .toAbsolutePath()
                            .toString();
                    st.execute("create table " + e.getKey() + " as select * from read_csv('" + file
                            + "', header = true, nullstr = '\\N', columns = " + e.getValue() + ")");
                }
                // the text[] of priorities arrives as '{a,b}': a list, as an analyst would make it
                st.execute(
                        "create or replace table indicator_version as select * replace"
                                + " (string_split(nullif(trim(priorities, '{}'), ''), ',') as priorities) from indicator_version");
                double loadSeconds = NationalData.seconds(start);

                // ---- DuckDB: the same aggregates, and the check ----
                List<String> rows = new ArrayList<>();
                List<String> checks = new ArrayList<>();
                boolean allMatched = true;
                for (Case c : cases) {
                    double[] duckMs = Timings.millis(runs, warmup, () -> {
                        for (String sql : c.duckSql()) {
                            rows(st, sql);
                        }
                        return null;
                    });
                    List<String> duckAnswer = new ArrayList<>();
                    for (String sql : c.duckSql()) {
                        duckAnswer.addAll(rows(st, sql));
                    }
                    List<String> hubAnswer = c.hubAnswer().call();
                    if (c.path().startsWith("/performance?") || c.path().equals("/performance")) {
                        hubAnswer = restrictTo(hubAnswer, duckAnswer);
                    }
                    String pageCheck = pageCheck(c, html.get(c.name()), duckAnswer);
                    boolean same = new TreeSet<>(hubAnswer).equals(new TreeSet<>(duckAnswer))
                            && hubAnswer.size() == duckAnswer.size()
                            && !duckAnswer.isEmpty()
                            && !pageCheck.startsWith("MISMATCH");
                    allMatched &= same;
                    checks.add(String.format(
                            "- %s: %s (%d rows from DuckDB, %d from the Hub's query functions%s)%s",
                            c.name(),
                            same ? "answers matched" : "ANSWERS DIFFER",
                            duckAnswer.size(),
                            hubAnswer.size(),
                            pageCheck.isEmpty() ? "" : "; " + pageCheck,
                            same ? "" : "\n    DuckDB: " + first(duckAnswer) + "\n    Hub:    " + first(hubAnswer)));
                    double[] h = hub.get(c.name());
                    double hubP95 = Timings.percentile(h, 95);
                    double duckP95 = Timings.percentile(duckMs, 95);
                    rows.add(String.format(
                            "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s |",
                            c.name(),
                            Timings.percentile(h, 50),
                            hubP95,
                            Timings.percentile(duckMs, 50),
                            duckP95,
                            hubP95 / duckP95,
                            hubP95 <= duckP95 ? "met" : "**not met**"));
                }

                List<String> out = new ArrayList<>();
                out.add(String.format("Data: %s. Partnership NAT001 (id %d), latest period %s.", volume, p, latest));
                out.add(String.format(
                        "Export from PostgreSQL to CSV (COPY ... TO STDOUT, %d tables, whole, %.0f MB): %.1f s."
                                + " DuckDB load (read_csv into in-memory tables): %.1f s. Neither is counted below.",
                        exports.size(), exportedBytes / 1e6, exportSeconds, loadSeconds));
                out.add("");
                out.add("| Page (partnership NAT001) | Hub p50 ms | Hub p95 ms | DuckDB p50 ms | DuckDB p95 ms"
                        + " | Hub p95 / DuckDB p95 | Goal: Hub p95 <= DuckDB p95 |");
                out.add("|---|---:|---:|---:|---:|---:|---|");
                out.addAll(rows);
                out.add("");
                out.add(String.format(
                        "%d measured runs after %d warm-up runs each. Hub: server time through MockMvc (security,"
                                + " queries, rendering) signed in as the business team. DuckDB: the page's queries,"
                                + " every result row fetched.",
                        runs, warmup));
                out.add("");
                out.add("Same answer:");
                out.addAll(checks);
                out.add(
                        allMatched
                                ? "All answers matched."
                                : "SOME ANSWERS DIFFER: the reference computed something else; the ratios above mean nothing.");
                System.out.println();
                out.forEach(System.out::println);
                if (!allMatched) {
                    System.exit(1);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Exports: the columns the pages read, whole tables

    private static Map<String, String> exports() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put(
                "indicator",
                "select id, partnership_id, code, name, current_version, archived_at is null as active"
                        + " from indicator");
        e.put(
                "indicator_version",
                "select indicator_id, version_no, priorities::text as priorities" + " from indicator_version");
        e.put(
                "indicator_value",
                "select indicator_id, partnership_id, period_end, breakdown_kind, breakdown_value,"
                        + " version_no, numerator, denominator, value, first_value, fictional from indicator_value");
        e.put(
                "referral",
                "select id, partnership_id, reference, status, submitted_at, national_decision from referral");
        e.put(
                "referral_child",
                "select referral_id, position, age_band, age_years, date_of_birth, gender, ethnicity,"
                        + " district_id from referral_child");
        e.put("referral_agency", "select referral_id, agency_id from referral_agency");
        e.put("agency", "select id, name, short_name from agency");
        e.put("district", "select id, partnership_id, name from district");
        e.put("rapid_review", "select id, partnership_id, referral_id, outcome from rapid_review");
        e.put("practice_review", "select id, partnership_id, referral_id, title, commissioned_on from practice_review");
        e.put("case_theme", "select partnership_id, owner_type, owner_id, theme_id from case_theme");
        e.put("learning_theme", "select id, name from learning_theme");
        return e;
    }

    /** DuckDB's column list for read_csv, from PostgreSQL's types of the export query. */
    private static String duckColumns(Connection owner, String query) throws Exception {
        try (var st = owner.createStatement();
                var rs = st.executeQuery("select * from (" + query + ") q limit 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                // by JDBC type: identity columns are reported by name as bigserial, not int8
                String type = switch (md.getColumnType(i)) {
                    case java.sql.Types.BIGINT -> "BIGINT";
                    case java.sql.Types.INTEGER, java.sql.Types.SMALLINT -> "INTEGER";
                    case java.sql.Types.NUMERIC, java.sql.Types.DECIMAL -> "DECIMAL(28,6)";
                    case java.sql.Types.DATE -> "DATE";
                    case java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE ->
                        md.getColumnTypeName(i).equals("timestamptz") ? "TIMESTAMPTZ" : "TIMESTAMP";
                    case java.sql.Types.BIT, java.sql.Types.BOOLEAN -> "BOOLEAN";
                    default -> "VARCHAR";
                };
                columns.add("'" + md.getColumnName(i) + "': '" + type + "'");
            }
            return "{" + String.join(", ", columns) + "}";
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // DuckDB SQL

    /** The values a scorecard row is drawn from: the newest 13 at or before the period (a year's change and trend). */
    static final int SCORECARD_POINTS = 13;

    /**
     * Each indicator shown (current version, optionally one priority) with its value at or before the period, the
     * period of that value, and the number and sum of the newest {@value #SCORECARD_POINTS} values up to it.
     */
    private static String scorecardSql(long p, LocalDate period, String kind, String value, String priority) {
        return """
                with v as (
                    select indicator_id, period_end, value,
                           row_number() over (partition by indicator_id order by period_end desc) as rn
                    from indicator_value
                    where partnership_id = %d and breakdown_kind = '%s' and breakdown_value = '%s'
                      and period_end <= DATE '%s'
                )
                select i.id, i.code, i.name, max(v.period_end) as period_end, arg_max(v.value, v.period_end) as value,
                       count(v.value) as points, sum(v.value) as total
                from indicator i
                join indicator_version iv on iv.indicator_id = i.id and iv.version_no = i.current_version
                left join v on v.indicator_id = i.id and v.rn <= %d
                where i.partnership_id = %d and i.active %s
                group by i.id, i.code, i.name
                """.formatted(
                        p,
                        kind,
                        value,
                        period,
                        SCORECARD_POINTS,
                        p,
                        priority == null ? "" : "and list_contains(iv.priorities, '" + priority + "')");
    }

    private static String seriesSql(long p, long indicator) {
        return """
                select 'total', period_end, value from indicator_value
                where partnership_id = %d and indicator_id = %d and breakdown_kind = '' and breakdown_value = ''
                order by period_end
                """.formatted(p, indicator);
    }

    private static String latestBreakdownsSql(long p, long indicator) {
        return """
                select breakdown_kind || ':' || breakdown_value, period_end, value from indicator_value v
                where partnership_id = %d and indicator_id = %d and breakdown_kind <> ''
                  and period_end = (select max(period_end) from indicator_value w
                                    where w.indicator_id = v.indicator_id and w.breakdown_kind = v.breakdown_kind)
                order by breakdown_kind, breakdown_value
                """.formatted(p, indicator);
    }

    private static final String YOUNGEST_ORDER = """
            order by c.referral_id,
                     case c.age_band when 'UNBORN' then 0 when 'UNDER_1' then 1 when '1_TO_4' then 2
                          when '5_TO_10' then 3 when '11_TO_15' then 4 when '16_PLUS' then 5 else 6 end,
                     c.age_years nulls last, c.date_of_birth desc nulls last, c.position
            """;

    /** The referral dashboard's seven charts: the referrals of the window, each represented by its youngest child. */
    private static List<String> referralSql(DashboardFilters f) {
        String from = LocalDate.of(f.firstYear(), 4, 1)
                .atStartOfDay(LONDON)
                .withZoneSameInstant(ZoneOffset.UTC)
                .format(UTC_TEXT);
        String to = LocalDate.of(f.lastYear() + 1, 4, 1)
                .atStartOfDay(LONDON)
                .withZoneSameInstant(ZoneOffset.UTC)
                .format(UTC_TEXT);
        long p = f.partnershipId();
        String filtered = """
                with windowed as (
                    select r.id, r.national_decision,
                           cast(extract(year from timezone('Europe/London', r.submitted_at) - interval 3 month) as int)
                               as fy
                    from referral r
                    where r.partnership_id = %d and r.status <> 'DRAFT'
                      and r.submitted_at >= TIMESTAMPTZ '%s' and r.submitted_at < TIMESTAMPTZ '%s'
                ), youngest as (
                    select distinct on (c.referral_id) c.referral_id, c.age_band, c.gender, c.ethnicity, c.district_id
                    from referral_child c join windowed w on w.id = c.referral_id
                    %s
                ), filtered as (
                    select w.id, w.national_decision, w.fy, y.age_band, y.gender, y.ethnicity, y.district_id
                    from windowed w left join youngest y on y.referral_id = w.id
                )
                """.formatted(p, from, to, YOUNGEST_ORDER);
        return List.of(
                filtered + "select 'year', fy, count(*), count(*) filter (where national_decision = 'NOTIFY')"
                        + " from filtered group by fy",
                filtered + "select 'age', age_band, count(*) from filtered group by age_band",
                filtered + "select 'gender', gender, count(*) from filtered group by gender",
                filtered + "select 'ethnicity', ethnicity, count(*) from filtered group by ethnicity",
                filtered + "select 'district', d.name, count(*) from filtered s left join district d"
                        + " on d.id = s.district_id and d.partnership_id = " + p + " group by d.name",
                filtered + "select 'rapid', rr.outcome, count(*) from filtered s left join rapid_review rr"
                        + " on rr.referral_id = s.id and rr.partnership_id = " + p + " group by rr.outcome",
                filtered + "select 'agency', coalesce(a.short_name, a.name), count(distinct s.id) from filtered s"
                        + " join referral_agency ra on ra.referral_id = s.id join agency a on a.id = ra.agency_id"
                        + " group by coalesce(a.short_name, a.name)");
    }

    /** The themes dashboard's two charts: cases per theme, and themes found in two or more reviews with the reviews. */
    private static List<String> themeSql(long p, LocalDate since) {
        String sinceAt =
                since.atStartOfDay(LONDON).withZoneSameInstant(ZoneOffset.UTC).format(UTC_TEXT);
        String tags = """
                with youngest as (
                    select distinct on (c.referral_id) c.referral_id, c.age_band, c.gender, c.district_id
                    from referral_child c join referral r on r.id = c.referral_id and r.partnership_id = %1$d
                    %2$s
                ), tagged as (
                    select ct.theme_id, ct.owner_id as referral_id, cast(null as bigint) as lone_review_id,
                           cast(null as bigint) as review_key, cast(null as varchar) as review_label
                    from case_theme ct where ct.partnership_id = %1$d and ct.owner_type = 'REFERRAL'
                    union all
                    select ct.theme_id, rr.referral_id, null, rr.id * 2, 'Rapid review, ' || r.reference
                    from case_theme ct
                    join rapid_review rr on rr.id = ct.owner_id and rr.partnership_id = %1$d
                    join referral r on r.id = rr.referral_id
                    where ct.partnership_id = %1$d and ct.owner_type = 'RAPID_REVIEW'
                    union all
                    select ct.theme_id, pr.referral_id, case when pr.referral_id is null then pr.id end,
                           pr.id * 2 + 1, pr.title
                    from case_theme ct
                    join practice_review pr on pr.id = ct.owner_id and pr.partnership_id = %1$d
                    where ct.partnership_id = %1$d and ct.owner_type = 'PRACTICE_REVIEW'
                ), tags as (
                    select tg.theme_id, coalesce(tg.referral_id, -tg.lone_review_id) as case_key, tg.review_key,
                           tg.review_label
                    from tagged tg
                    left join referral r on r.id = tg.referral_id
                    left join youngest y on y.referral_id = tg.referral_id
                    left join practice_review lone on lone.id = tg.lone_review_id
                    where (r.id is not null and r.partnership_id = %1$d and r.status <> 'DRAFT'
                            and r.submitted_at >= TIMESTAMPTZ '%3$s')
                       or (lone.id is not null and lone.commissioned_on >= DATE '%4$s')
                )
                """.formatted(p, YOUNGEST_ORDER, sinceAt, since);
        return List.of(
                tags + "select 'cases', t.name, count(distinct tg.case_key) from tags tg"
                        + " join learning_theme t on t.id = tg.theme_id group by t.name",
                tags + "select 'repeated', t.name, count(distinct tg.review_key),"
                        + " array_to_string(list_sort(list(distinct tg.review_label)), '; ')"
                        + " from tags tg join learning_theme t on t.id = tg.theme_id where tg.review_key is not null"
                        + " group by t.name having count(distinct tg.review_key) >= 2");
    }

    /** Every row of a DuckDB query, each as its columns joined by '|', numbers without trailing zeros. */
    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(rs.getObject(i));
                }
                rows.add(line(values.toArray()));
            }
        }
        return rows;
    }

    private static String line(Object... values) {
        List<String> parts = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof BigDecimal d) {
                parts.add(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
            } else if (v instanceof Number n) {
                parts.add(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
            } else {
                parts.add(String.valueOf(v));
            }
        }
        return String.join("|", parts);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The Hub's answers, from its own query functions

    /**
     * From the Hub's own data reads ({@code PerformanceData.indicators} and {@code series}, package-private: called
     * reflectively), each indicator's value at or before the period, its period, and the number and sum of the newest
     * {@value #SCORECARD_POINTS} values up to it.
     */
    private static List<String> scorecardAnswer(Object data, long p, LocalDate period, String kind, String value)
            throws Exception {
        List<String> answer = new ArrayList<>();
        for (Map<String, Object> d : indicatorRows(data, p)) {
            Object id = d.get("id");
            List<?> points = kind.isEmpty()
                    ? (List<?>) invoke(data, "series", p, id)
                    : (List<?>) invoke(data, "series", p, id, kind, value);
            List<Object> upTo = new ArrayList<>();
            for (Object point : points) {
                if (!((LocalDate) accessor(point, "periodEnd")).isAfter(period)) {
                    upTo.add(point);
                }
            }
            upTo.sort((x, y) -> {
                try {
                    return ((LocalDate) accessor(x, "periodEnd")).compareTo((LocalDate) accessor(y, "periodEnd"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Object> newest = upTo.subList(Math.max(0, upTo.size() - SCORECARD_POINTS), upTo.size());
            LocalDate best = null;
            BigDecimal bestValue = null;
            BigDecimal total = null;
            long count = 0;
            for (Object point : newest) {
                LocalDate end = (LocalDate) accessor(point, "periodEnd");
                BigDecimal v = (BigDecimal) accessor(point, "value");
                best = end;
                bestValue = v;
                if (v != null) {
                    count++;
                    total = total == null ? v : total.add(v);
                }
            }
            answer.add(line(id, d.get("code"), d.get("name"), best, bestValue, count, total));
        }
        return answer;
    }

    /** The partnership's indicators, from {@code PerformanceData.indicators}: id, code and name of the current one. */
    private static List<Map<String, Object>> indicatorRows(Object data, long p) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object indicator : (List<?>) invoke(data, "indicators", p)) {
            Object current = accessor(indicator, "current");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", accessor(current, "indicatorId"));
            row.put("code", accessor(current, "code"));
            row.put("name", accessor(current, "name"));
            rows.add(row);
        }
        return rows;
    }

    /** A priority or district page lists a subset: keep the Hub's rows for the indicators DuckDB selected. */
    private static List<String> restrictTo(List<String> hubAnswer, List<String> duckAnswer) {
        Set<String> ids = new TreeSet<>();
        duckAnswer.forEach(r -> ids.add(r.substring(0, r.indexOf('|'))));
        return hubAnswer.stream()
                .filter(r -> ids.contains(r.substring(0, r.indexOf('|'))))
                .toList();
    }

    private static List<String> indicatorAnswer(Object data, long p, long indicator) throws Exception {
        List<String> answer = new ArrayList<>();
        for (Object point : (List<?>) invoke(data, "series", p, indicator)) {
            answer.add(line("total", accessor(point, "periodEnd"), accessor(point, "value")));
        }
        for (Object b : (List<?>) invoke(data, "latestBreakdowns", p, indicator)) {
            Object point = accessor(b, "point");
            answer.add(line(
                    accessor(b, "kind") + ":" + accessor(b, "category"),
                    accessor(point, "periodEnd"),
                    accessor(point, "value")));
        }
        return answer;
    }

    private static List<String> referralAnswer(ReferralDashboard d, DashboardFilters f) {
        List<String> answer = new ArrayList<>();
        d.byYear(f).forEach(y -> answer.add(line("year", y.startYear(), y.referrals(), y.notifications())));
        d.byAgeBand(f).forEach(c -> answer.add(line("age", c.key(), c.count())));
        d.byGender(f).forEach(c -> answer.add(line("gender", c.key(), c.count())));
        d.byEthnicity(f).forEach(c -> answer.add(line("ethnicity", c.key(), c.count())));
        d.byDistrict(f).forEach(c -> answer.add(line("district", c.key(), c.count())));
        d.byRapidReviewOutcome(f).forEach(c -> answer.add(line("rapid", c.key(), c.count())));
        d.byAgencyInvolved(f).forEach(c -> answer.add(line("agency", c.key(), c.count())));
        return answer;
    }

    private static List<String> themeAnswer(ThemeDashboard d, ThemeFilters f) {
        List<String> answer = new ArrayList<>();
        d.casesByTheme(f).forEach(t -> answer.add(line("cases", t.theme(), t.count())));
        d.repeatedThemes(f, true).forEach(t -> {
            List<String> sources = new ArrayList<>(t.sources());
            sources.sort(null); // DuckDB sorts bytewise, PostgreSQL by its collation: compare as sets
            answer.add(line("repeated", t.theme(), t.count(), String.join("; ", sources)));
        });
        return answer;
    }

    private static final Pattern INDICATOR_NAME = Pattern.compile("National indicator \\d\\d");

    /** A scorecard page must name exactly the indicators DuckDB selected (and the indicator page must have answered). */
    private static String pageCheck(Case c, String html, List<String> duckAnswer) {
        if (!c.path().startsWith("/performance?") && !c.path().equals("/performance")) {
            return "";
        }
        Set<String> onPage = new TreeSet<>();
        Matcher m = INDICATOR_NAME.matcher(html);
        while (m.find()) {
            onPage.add(m.group());
        }
        Set<String> expected = new TreeSet<>();
        duckAnswer.forEach(r -> expected.add(r.split("\\|")[2]));
        return onPage.equals(expected)
                ? "the page lists the same " + expected.size() + " indicators"
                : "MISMATCH: the page lists " + onPage.size() + " indicators, DuckDB selected " + expected.size();
    }

    private static String first(List<String> rows) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(rows));
        return sorted.subList(0, Math.min(5, sorted.size())).toString();
    }

    private static Object invoke(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                return m.invoke(target, args);
            }
        }
        throw new IllegalStateException("The Hub has no " + name + " with " + args.length + " arguments in "
                + target.getClass().getName() + ": the check needs updating");
    }

    private static Object accessor(Object record, String name) throws Exception {
        Method m = record.getClass().getDeclaredMethod(name);
        m.setAccessible(true);
        return m.invoke(record);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String page(MockMvc mvc, RequestPostProcessor signedIn, String path) throws Exception {
        return Timings.page(mvc, signedIn, path).getContentAsString(StandardCharsets.UTF_8);
    }
}
