package org.safeguardinghub.benchmarks;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.safeguardinghub.HubApplication;
import org.safeguardinghub.benchmarks.national.NationalData;
import org.safeguardinghub.identity.HubUser;
import org.safeguardinghub.performance.extracts.ExtractLoads;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The multi-agency dataset at national scale. Starts the Hub (test configuration: a fresh embedded PostgreSQL,
 * deleted at exit) and:
 *
 * <ol>
 *   <li>generates P partnerships (default 150, roughly every partnership in England), each with 12 districts, I data
 *       items and I indicators (default 60) and Y years (default 10) of monthly indicator values in total and for
 *       every district, written with COPY (150 x 60 x 120 x 13 = 14 million indicator_value rows) by the national-data
 *       generator ({@link NationalData}: partnerships, districts, agencies, users and the catalogue, then the values;
 *       no referrals), then times the
 *       scorecard ({@code GET /performance}, with and without filters) and an indicator page
 *       ({@code GET /performance/indicators/{code}}) server-side through MockMvc, signed in as the business team of
 *       one partnership: p50, p95 and max after warm-up;
 *   <li>writes an SSDA903 Missing CSV of R rows (default 1,000,000) and times a plain PostgreSQL COPY of it into an
 *       unconstrained table against the extract load of the same file (COPY into a staging table, set-based
 *       checks, GROUP BY per measure, saving the monthly figures into draft returns).
 * </ol>
 *
 * <p>Not a test (the name does not end in Tests); run {@code scripts/benchmark-performance.sh}. Arguments:
 * partnerships (150), indicators (60), years (10), extract rows (1000000), measured runs (30), warm-up runs (5).
 */
public final class PerformanceBenchmark {

    private PerformanceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int partnerships = arg(args, 0, 150);
        int indicators = arg(args, 1, 60);
        int years = arg(args, 2, 10);
        int extractRows = arg(args, 3, 1_000_000);
        int runs = arg(args, 4, 30);
        int warmup = arg(args, 5, 5);

        SpringApplication application = new SpringApplication(HubApplication.class);
        try (ConfigurableApplicationContext context =
                application.run("--server.port=0", "--logging.level.root=WARN", "--logging.level.hub.request=WARN")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            DataSource dataSource = context.getBean(DataSource.class);
            List<String> out = new ArrayList<>();

            // ---- (a) national-scale indicator values (the national-data generator's catalogue and values) ----
            NationalData national =
                    new NationalData(context, new NationalData.Settings(partnerships, indicators, years, 0, 0, 42));
            long start = System.nanoTime();
            List<Long> ids = national.partnerships();
            national.catalogue();
            double catalogueSeconds = seconds(start);
            LocalDate lastMonth = NationalData.lastMonth();
            start = System.nanoTime();
            long rows = national.indicatorValues(ids, lastMonth);
            double valueSeconds = seconds(start);
            jdbc.sql("analyze indicator_value").update();

            long bench = ids.get(0);
            HubUser business = NationalData.businessUser(jdbc, bench);
            RequestPostProcessor signedIn = user(business);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                    .apply(springSecurity())
                    .build();
            String period = lastMonth.toString();
            String district = "District 1";
            long agency = business.agencyId();
            List<String> pages = new ArrayList<>();
            pages.add(Timings.row("Scorecard, latest period", runs, warmup, () -> page(mvc, signedIn, "/performance")));
            pages.add(Timings.row(
                    "Scorecard, period " + period.substring(0, 7) + ", priority",
                    runs,
                    warmup,
                    () -> page(mvc, signedIn, "/performance?period=" + period + "&priority=Neglect")));
            pages.add(Timings.row(
                    "Scorecard, period, agency, district",
                    runs,
                    warmup,
                    () -> page(
                            mvc,
                            signedIn,
                            "/performance?period=" + period + "&agency=" + agency + "&district=" + district)));
            pages.add(Timings.row(
                    "Indicator page (10 years, 12 districts)",
                    runs,
                    warmup,
                    () -> page(mvc, signedIn, "/performance/indicators/ind_01")));

            out.add(String.format(
                    "Generated %d partnerships x %d indicators x %d months x %d breakdowns (total + %d districts):"
                            + " %,d indicator_value rows written with COPY in %.1f s (catalogue rows in %.1f s).%n",
                    partnerships,
                    indicators,
                    years * 12,
                    NationalData.DISTRICTS + 1,
                    NationalData.DISTRICTS,
                    rows,
                    valueSeconds,
                    catalogueSeconds));
            out.add("| Page (server time through MockMvc, one partnership) | p50 ms | p95 ms | max ms |");
            out.add("|---|---:|---:|---:|");
            out.addAll(pages);
            out.add(String.format("%n%d measured runs after %d warm-up runs.%n", runs, warmup));

            // ---- (b) record-level extract ----
            Path file = Files.createTempFile("ssda903-missing-", ".csv");
            try {
                start = System.nanoTime();
                missingFile(file, extractRows, lastMonth, years);
                double writeSeconds = seconds(start);
                long kcc = missingItem(jdbc, bench);

                double[] plain = new double[3];
                for (int i = 0; i < plain.length; i++) {
                    start = System.nanoTime();
                    plainCopy(dataSource, file);
                    plain[i] = seconds(start);
                }
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                business, null, business.getAuthorities()));
                ExtractLoads loads = context.getBean(ExtractLoads.class);
                double[] extract = new double[2];
                long load = 0;
                for (int i = 0; i < extract.length; i++) {
                    start = System.nanoTime();
                    load = loads.load(business, kcc, "SSDA903_MISSING", "missing.csv", file);
                    extract[i] = seconds(start);
                }
                SecurityContextHolder.clearContext();
                Map<String, Object> result = jdbc.sql(
                                "select status, row_count, problem_count, values_written, load_millis from extract_load"
                                        + " where id = :id")
                        .param("id", load)
                        .query()
                        .singleRow();
                out.add(String.format(
                        "SSDA903 Missing file: %,d rows, %.1f MB (written in %.1f s). Extract load result: %s%n",
                        extractRows, Files.size(file) / 1e6, writeSeconds, result));
                out.add("| Load of the same file | first s | second s | third s |");
                out.add("|---|---:|---:|---:|");
                out.add(String.format(
                        "| Plain COPY into an unconstrained table | %.2f | %.2f | %.2f |",
                        plain[0], plain[1], plain[2]));
                out.add(String.format(
                        "| Extract load (COPY to staging, checks, GROUP BY, %d monthly returns saved) | %.2f | %.2f | - |",
                        years * 12, extract[0], extract[1]));
            } finally {
                Files.deleteIfExists(file);
            }

            System.out.println();
            out.forEach(System.out::println);
        }
    }

    /** missing_episodes in the benchmark partnership, returned by Kent County Council by district. */
    private static long missingItem(JdbcClient jdbc, long partnership) {
        long kcc = jdbc.sql("select id from agency where name = 'Kent County Council'")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into data_item (partnership_id, code, name, period_type, frequency, source_agency_id,
                                               breakdowns, required, min_value)
                        values (:p, 'missing_episodes', 'Missing children episodes', 'MONTHLY', 'MONTHLY', :a,
                                array['DISTRICT'], false, 0)
                        """).param("p", partnership).param("a", kcc).update();
        return kcc;
    }

    /** An SSDA903 Missing file: rows spread over the years and districts, three in four missing (M), both date formats. */
    private static void missingFile(Path file, int rows, LocalDate lastMonth, int years) throws IOException {
        Random random = new Random(7);
        LocalDate first = YearMonth.from(lastMonth).minusMonths(years * 12L - 1).atDay(1);
        int days = (int) (lastMonth.toEpochDay() - first.toEpochDay()) + 1;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("CHILD,MISSING,MIS_START,MIS_END,DISTRICT\n");
            for (int i = 0; i < rows; i++) {
                LocalDate startDate = first.plusDays(random.nextInt(days));
                String startText = i % 2 == 0
                        ? startDate.toString()
                        : String.format(
                                "%02d/%02d/%d",
                                startDate.getDayOfMonth(), startDate.getMonthValue(), startDate.getYear());
                w.write("C" + (100000 + random.nextInt(400000)));
                w.write(random.nextInt(4) == 0 ? ",A," : ",M,");
                w.write(startText);
                w.write(',');
                w.write(
                        random.nextInt(5) == 0
                                ? ""
                                : startDate.plusDays(random.nextInt(3)).toString());
                w.write(',');
                w.write("District " + (1 + random.nextInt(NationalData.DISTRICTS)));
                w.write('\n');
            }
        }
    }

    private static void plainCopy(DataSource dataSource, Path file) throws Exception {
        try (Connection c = dataSource.getConnection();
                InputStream in = Files.newInputStream(file)) {
            try (var s = c.createStatement()) {
                s.execute("drop table if exists bench_plain_missing");
                s.execute("create temporary table bench_plain_missing (child text, missing text, mis_start text,"
                        + " mis_end text, district text)");
            }
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy bench_plain_missing from stdin with (format csv, header true)", in);
        }
    }

    private static Object page(MockMvc mvc, RequestPostProcessor signedIn, String path) throws Exception {
        return Timings.page(mvc, signedIn, path).getContentLength();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
