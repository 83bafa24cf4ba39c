package org.safeguardinghub.performance.extracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.organisation.DistrictSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Record-level extracts: an SSDA903 Missing file is counted into missing_episodes by month of MIS_START, in total
 * and by district; bad cells are each reported by line and column and nothing is written; the same file twice
 * writes the same figures; another agency's load is not found.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExtractLoadTests {

    private static final String HEADER = "CHILD,MISSING,MIS_START,MIS_END,DISTRICT\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organisation organisation;

    long kent;
    long council;
    long police;
    List<DistrictSummary> districts;

    @BeforeEach
    void ids() {
        kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        council = agency("Kent County Council");
        police = agency("Kent Police");
        districts = organisation.districtsOf(kent);
        assertThat(districts).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aGoodFileIsCountedByMonthAndDistrictAndLoadingItAgainDoesNotDoubleCount() throws Exception {
        int year = openYear(council);
        String d1 = districts.get(0).name();
        String d2 = districts.get(1).name();
        String d3 = districts.get(2).name();
        String s = suffix();
        String csv = HEADER
                + "C1" + s + ",M,03/01/" + year + ",04/01/" + year + "," + d1 + "\n"
                + "C2" + s + ",M," + year + "-01-10,," + d1.toLowerCase() + "\n"
                + "C3" + s + ",M,15/01/" + year + ",,\"" + d1 + "\"\n"
                + "C4" + s + ",M,20/01/" + year + ",," + d2 + "\n"
                + "C5" + s + ",A,21/01/" + year + ",," + d2 + "\n"
                + "C6" + s + ",A,22/01/" + year + ",," + d1 + "\n"
                + "C7" + s + ",M,01/02/" + year + ",," + d3 + "\n"
                + "C8" + s + ",m,28/02/" + year + ",01/03/" + year + "," + d3 + "\n";
        String file = "missing-" + s + ".csv";

        MockHttpServletResponse first = upload(DemoAccounts.BUSINESS, council, "SSDA903_MISSING", file, csv);
        assertThat(first.getStatus()).isEqualTo(302);
        long id = idOf(first);
        Map<String, Object> load = load(id);
        assertThat(load)
                .containsEntry("status", "LOADED")
                .containsEntry("row_count", 8)
                .containsEntry("problem_count", 0);
        assertThat(load.get("values_written")).isEqualTo(2 * (1 + districts.size()));
        assertThat(load.get("period_end")).isEqualTo(YearMonth.of(year, 2).atEndOfMonth());

        LocalDate jan = YearMonth.of(year, 1).atEndOfMonth();
        LocalDate feb = YearMonth.of(year, 2).atEndOfMonth();
        assertCounts(jan, feb, d1, d2, d3);
        assertThat(jdbc.sql("select distinct v.source from data_value v join data_item i on i.id = v.data_item_id"
                                + " where i.partnership_id = :p and i.code = 'missing_episodes' and v.agency_id = :a"
                                + " and v.period_end = :e")
                        .param("p", kent)
                        .param("a", council)
                        .param("e", jan)
                        .query(String.class)
                        .list())
                .containsExactly("EXTRACT");
        assertThat(jdbc.sql("select status from data_return where agency_id = :a and frequency = 'MONTHLY'"
                                + " and period_end = :e")
                        .param("a", council)
                        .param("e", jan)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFT");
        String report = page(DemoAccounts.BUSINESS, "/performance/extracts/" + id);
        assertThat(report).contains(file).contains("Loaded").doesNotContain("This file was loaded before");

        // the same file again: the same figures, and the page says it was loaded before
        MockHttpServletResponse second = upload(DemoAccounts.BUSINESS, council, "SSDA903_MISSING", file, csv);
        long again = idOf(second);
        assertThat(again).isNotEqualTo(id);
        assertThat(load(again)).containsEntry("status", "LOADED");
        assertCounts(jan, feb, d1, d2, d3);
        assertThat(page(DemoAccounts.BUSINESS, "/performance/extracts/" + again))
                .contains("This file was loaded before");
        assertThat(page(DemoAccounts.BUSINESS, "/performance/extracts")).contains(file);
    }

    @Test
    void everyBadCellIsReportedAndNothingIsWritten() throws Exception {
        int year = openYear(council);
        String s = suffix();
        String d = districts.get(0).name();
        String csv = HEADER
                + "B1" + s + ",M,31/02/" + year + ",," + d + "\n" // line 2: no such day
                + ",M,01/03/" + year + ",," + d + "\n" // line 3: no child
                + "B3" + s + ",X,02/03/" + year + ",," + d + "\n" // line 4: not M or A
                + "B4" + s + ",M," + year + "-13-01,," + d + "\n" // line 5: no month 13
                + "B5" + s + ",M,03/03/" + year + ",,Atlantis\n" // line 6: not a district
                + "B6" + s + ",M,04/03/" + year + ",yesterday," + d + "\n" // line 7: not a date
                + "B7" + s + ",M,05/03/" + year + ",," + d + "\n"; // line 8: fine
        LocalDate march = YearMonth.of(year, 3).atEndOfMonth();
        long before = valueRows(march);

        MockHttpServletResponse response =
                upload(DemoAccounts.BUSINESS, council, "SSDA903_MISSING", "bad-" + s + ".csv", csv);
        long id = idOf(response);
        assertThat(load(id))
                .containsEntry("status", "INVALID")
                .containsEntry("row_count", 7)
                .containsEntry("problem_count", 6)
                .containsEntry("values_written", 0);
        List<String> problems = jdbc.sql("select row_number || ' ' || column_name from extract_problem"
                        + " where load_id = :id order by row_number")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(problems)
                .containsExactly("2 MIS_START", "3 CHILD", "4 MISSING", "5 MIS_START", "6 DISTRICT", "7 MIS_END");
        assertThat(valueRows(march)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from data_return where agency_id = :a and period_end = :e"
                                + " and frequency = 'MONTHLY' and last_channel = 'EXTRACT'")
                        .param("a", council)
                        .param("e", march)
                        .query(Long.class)
                        .single())
                .isZero();
        String report = page(DemoAccounts.BUSINESS, "/performance/extracts/" + id);
        assertThat(report)
                .contains("Has problems")
                .contains("Not a district of the partnership: Atlantis")
                .contains("Must be one of A, M: X")
                .contains("Not a date in the form dd/mm/yyyy or yyyy-mm-dd: 31/02/" + year)
                .contains("Nothing was written");

        // a required column missing from the header
        long noColumn = idOf(upload(
                DemoAccounts.BUSINESS,
                council,
                "SSDA903_MISSING",
                "cols-" + s + ".csv",
                "CHILD,MISSING\nA" + s + ",M\n"));
        assertThat(load(noColumn)).containsEntry("status", "INVALID");
        assertThat(page(DemoAccounts.BUSINESS, "/performance/extracts/" + noColumn))
                .contains("The column MIS_START is missing");
    }

    @Test
    void aHeaderThatIsNotUtf8OrAFileThatIsNotCsvIsRefusedWithAMessageNotAnError() throws Exception {
        String s = suffix();
        byte[] windows1252 = ("CHILD,MISSING,MIS_START,MIS_END,DISTRICT,R\u00e9f\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        long notUtf8 = idOf(upload(DemoAccounts.BUSINESS, council, "SSDA903_MISSING", "w-" + s + ".csv", windows1252));
        assertThat(load(notUtf8)).containsEntry("status", "INVALID").containsEntry("values_written", 0);
        assertThat((List<?>) load(notUtf8).get("messages"))
                .singleElement()
                .asString()
                .contains("not saved as UTF-8")
                .contains("line 1");

        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        long renamed = idOf(upload(DemoAccounts.BUSINESS, council, "SSDA903_MISSING", "p-" + s + ".csv", pdf));
        assertThat(load(renamed)).containsEntry("status", "INVALID");
        assertThat(page(DemoAccounts.BUSINESS, "/performance/extracts/" + renamed))
                .contains("The selected file is not a CSV file: it is a PDF document");
    }

    @Test
    void anotherAgencysLoadIsNotFound() throws Exception {
        int year = openYear(council);
        String s = suffix();
        String file = "kcc-" + s + ".csv";
        long id = idOf(upload(
                DemoAccounts.BUSINESS,
                council,
                "SSDA903_MISSING",
                file,
                HEADER + "K1" + s + ",M,05/06/" + year + ",," + districts.get(0).name() + "\n"));
        assertThat(load(id)).containsEntry("status", "LOADED");

        var other = mvc.perform(
                        get("/performance/extracts/" + id).with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD)))
                .andReturn()
                .getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(page(DemoAccounts.POLICE_LEAD, "/performance/extracts")).doesNotContain(file);
        // nor can the police lead load for the council
        var refused = upload(
                DemoAccounts.POLICE_LEAD,
                council,
                "SSDA903_MISSING",
                "p-" + s + ".csv",
                HEADER + "K2" + s + ",M,05/06/" + year + ",,\n");
        assertThat(refused.getStatus()).isEqualTo(404);
        // the form needs a layout and a file
        var invalid = mvc.perform(multipart("/performance/extracts/new")
                        .with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getContentAsString())
                .contains("Select the kind of extract")
                .contains("Select a CSV file");
    }

    @Test
    void manyRowsGiveAStraightforwardCountWhetherReadInOnePassOrThroughTheStagingTable() throws Exception {
        int year = laterYear(council);
        java.util.Random random = new java.util.Random(year);
        StringBuilder rows = new StringBuilder();
        Map<String, Long> expected = new HashMap<>(); // "month|" for the total, "month|district" by district
        java.util.Set<Integer> months = new java.util.TreeSet<>();
        String s = suffix();
        for (int i = 0; i < 3000; i++) {
            LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            String date = random.nextBoolean()
                    ? day.toString()
                    : String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
            String district = districts.get(random.nextInt(districts.size())).name();
            String written = switch (random.nextInt(3)) {
                case 0 -> district;
                case 1 -> "\"" + district.toUpperCase() + "\"";
                default -> " " + district.toLowerCase() + " ";
            };
            boolean missing = random.nextInt(4) != 0;
            String code = missing ? (random.nextBoolean() ? "M" : "m") : "A";
            rows.append("R")
                    .append(i)
                    .append(s)
                    .append(',')
                    .append(code)
                    .append(',')
                    .append(date)
                    .append(',')
                    .append(random.nextInt(3) == 0 ? "" : day.toString())
                    .append(',')
                    .append(written)
                    .append('\n');
            months.add(day.getMonthValue());
            if (missing) {
                expected.merge(day.getMonthValue() + "|", 1L, Long::sum);
                expected.merge(day.getMonthValue() + "|" + district, 1L, Long::sum);
            }
        }
        String clean = HEADER + rows;
        // the same rows and one more, an A row (not counted) whose child has a character outside ASCII: staged
        String staged = HEADER + rows + "Zé" + s + ",A,01/01/" + year + ",,"
                + districts.get(0).name() + "\n";
        assertThat(scanOf(clean)).isNotNull();
        assertThat(scanOf(staged)).isNull();
        long auditBefore = returnAuditRows();
        long revisionsBefore = revisionRows();

        long first = idOf(upload(DemoAccounts.BUSINESS, council, "SSDA903_MISSING", "many-" + s + ".csv", clean));
        assertThat(load(first))
                .containsEntry("status", "LOADED")
                .containsEntry("row_count", 3000)
                .containsEntry("values_written", months.size() * (1 + districts.size()));
        assertStraightforwardCount(year, months, expected);
        // one audit entry per return whose figures changed, as a save each did; drafts get no revisions
        assertThat(returnAuditRows() - auditBefore).isEqualTo(months.size());
        int versions = returnVersions(year);

        long second = idOf(upload(DemoAccounts.BUSINESS, council, "SSDA903_MISSING", "many-b-" + s + ".csv", staged));
        assertThat(load(second)).containsEntry("status", "LOADED").containsEntry("row_count", 3001);
        assertStraightforwardCount(year, months, expected);
        // nothing changed, so nothing to audit; every return was still saved once more
        assertThat(returnAuditRows() - auditBefore).isEqualTo(months.size());
        assertThat(returnVersions(year)).isEqualTo(versions + months.size());
        assertThat(revisionRows()).isEqualTo(revisionsBefore);
    }

    @Test
    void aBadRowAmongManyRejectsTheWholeFileWithItsLine() throws Exception {
        int year = laterYear(council);
        String s = suffix();
        String d = districts.get(1).name();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2000; i++) {
            if (i == 1500) {
                csv.append("X")
                        .append(s)
                        .append(",M,30/02/")
                        .append(year)
                        .append(",,")
                        .append(d)
                        .append('\n');
            }
            csv.append("G")
                    .append(i)
                    .append(s)
                    .append(",M,")
                    .append(String.format("%02d", 1 + i % 28))
                    .append('/')
                    .append(String.format("%02d", 1 + i % 12))
                    .append('/')
                    .append(year)
                    .append(",,")
                    .append(d)
                    .append('\n');
        }
        long before = yearValueRows(year);
        long extractReturnsBefore = extractReturns(year);
        long id = idOf(
                upload(DemoAccounts.BUSINESS, council, "SSDA903_MISSING", "one-bad-" + s + ".csv", csv.toString()));
        assertThat(load(id))
                .containsEntry("status", "INVALID")
                .containsEntry("row_count", 2001)
                .containsEntry("problem_count", 1)
                .containsEntry("values_written", 0);
        assertThat(jdbc.sql("select row_number || ' ' || column_name || ' ' || message from extract_problem"
                                + " where load_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("1502 MIS_START Not a date in the form dd/mm/yyyy or yyyy-mm-dd: 30/02/" + year);
        assertThat(yearValueRows(year)).isEqualTo(before);
        assertThat(extractReturns(year)).isEqualTo(extractReturnsBefore);
    }

    @Test
    void aReturnThatRefusesItsFiguresRollsBackEveryMonth() throws Exception {
        int year = laterYear(council);
        String s = suffix();
        String d = districts.get(0).name();
        LocalDate feb = YearMonth.of(year, 2).atEndOfMonth();
        jdbc.sql("""
                        insert into data_return (partnership_id, agency_id, frequency, period_start, period_end, due_on,
                                                 status, submitted_at, submitted_by_name)
                        values (:p, :a, 'MONTHLY', :s, :e, :e, 'SUBMITTED', now(), 'A tester')
                        on conflict (partnership_id, agency_id, frequency, period_end)
                        do update set status = 'SUBMITTED', submitted_at = now(), submitted_by_name = 'A tester'
                        """)
                .param("p", kent)
                .param("a", council)
                .param("s", YearMonth.of(year, 2).atDay(1))
                .param("e", feb)
                .update();
        long before = yearValueRows(year);
        long extractReturnsBefore = extractReturns(year);
        String csv = HEADER
                + "J" + s + ",M,10/01/" + year + ",," + d + "\n"
                + "F" + s + ",M,10/02/" + year + ",," + d + "\n"
                + "M" + s + ",M,10/03/" + year + ",," + d + "\n";
        long id = idOf(upload(DemoAccounts.BUSINESS, council, "SSDA903_MISSING", "locked-" + s + ".csv", csv));
        Map<String, Object> load = load(id);
        assertThat(load).containsEntry("status", "FAILED").containsEntry("values_written", 0);
        assertThat(load.get("messages").toString()).contains(year + "-02").contains("was submitted");
        assertThat(yearValueRows(year)).isEqualTo(before);
        assertThat(extractReturns(year)).isEqualTo(extractReturnsBefore);
    }

    private ExtractScan.Result scanOf(String csv) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("extract-", ".csv");
        try {
            java.nio.file.Files.writeString(file, csv);
            return ExtractScan.scan(
                    file,
                    ExtractLayout.SSDA903_MISSING,
                    ExtractLoads.header(file),
                    districts.stream().map(DistrictSummary::name).toList(),
                    Map.of("missing_episodes", true));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private void assertStraightforwardCount(int year, java.util.Set<Integer> months, Map<String, Long> expected) {
        for (int month : months) {
            Map<String, BigDecimal> values = values(YearMonth.of(year, month).atEndOfMonth());
            assertThat(values).as("month " + month).hasSize(1 + districts.size());
            assertThat(values.get(""))
                    .as("month " + month)
                    .isEqualByComparingTo(String.valueOf(expected.getOrDefault(month + "|", 0L)));
            for (DistrictSummary d : districts) {
                assertThat(values.get(d.name()))
                        .as("month " + month + " " + d.name())
                        .isEqualByComparingTo(String.valueOf(expected.getOrDefault(month + "|" + d.name(), 0L)));
            }
        }
    }

    private long returnAuditRows() {
        return jdbc.sql("select count(*) from audit_event where record_type = 'data-return' and record_id in"
                        + " (select id::text from data_return where agency_id = :a)")
                .param("a", council)
                .query(Long.class)
                .single();
    }

    private long revisionRows() {
        return jdbc.sql("select count(*) from data_value_revision where agency_id = :a")
                .param("a", council)
                .query(Long.class)
                .single();
    }

    private int returnVersions(int year) {
        return jdbc.sql("select coalesce(sum(version), 0)::int from data_return where agency_id = :a"
                        + " and frequency = 'MONTHLY' and extract(year from period_end) = :y")
                .param("a", council)
                .param("y", year)
                .query(Integer.class)
                .single();
    }

    private long yearValueRows(int year) {
        return jdbc.sql("select count(*) from data_value where agency_id = :a and extract(year from period_end) = :y")
                .param("a", council)
                .param("y", year)
                .query(Long.class)
                .single();
    }

    private long extractReturns(int year) {
        return jdbc.sql("select count(*) from data_return where agency_id = :a and frequency = 'MONTHLY'"
                        + " and extract(year from period_end) = :y and last_channel = 'EXTRACT'")
                .param("a", council)
                .param("y", year)
                .query(Long.class)
                .single();
    }

    // ---- helpers ----

    private void assertCounts(LocalDate jan, LocalDate feb, String d1, String d2, String d3) {
        Map<String, BigDecimal> values = values(jan);
        assertThat(values.get("")).isEqualByComparingTo("4");
        assertThat(values.get(d1)).isEqualByComparingTo("3");
        assertThat(values.get(d2)).isEqualByComparingTo("1");
        assertThat(values.get(d3)).isEqualByComparingTo("0");
        assertThat(values).hasSize(1 + districts.size());
        Map<String, BigDecimal> february = values(feb);
        assertThat(february.get("")).isEqualByComparingTo("2");
        assertThat(february.get(d1)).isEqualByComparingTo("0");
        assertThat(february.get(d3)).isEqualByComparingTo("2");
    }

    private Map<String, BigDecimal> values(LocalDate end) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("select v.breakdown_value, v.value from data_value v join data_item i on i.id = v.data_item_id"
                        + " where i.partnership_id = :p and i.code = 'missing_episodes' and v.agency_id = :a"
                        + " and v.period_end = :e")
                .param("p", kent)
                .param("a", council)
                .param("e", end)
                .query((rs, i) -> values.put(rs.getString(1), rs.getBigDecimal(2)))
                .list();
        return values;
    }

    private long valueRows(LocalDate end) {
        return jdbc.sql("select count(*) from data_value where agency_id = :a and period_end = :e")
                .param("a", council)
                .param("e", end)
                .query(Long.class)
                .single();
    }

    private MockHttpServletResponse upload(String account, long agency, String layout, String name, String csv)
            throws Exception {
        return upload(account, agency, layout, name, csv.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse upload(String account, long agency, String layout, String name, byte[] bytes)
            throws Exception {
        return mvc.perform(multipart("/performance/extracts/new")
                        .file(new MockMultipartFile("file", name, "text/csv", bytes))
                        .param("layout", layout)
                        .param("agency", String.valueOf(agency))
                        .with(SignedIn.as(principals, account))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private static long idOf(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).startsWith("/performance/extracts/");
        return Long.parseLong(location.substring("/performance/extracts/".length()));
    }

    private Map<String, Object> load(long id) {
        List<String> messages = jdbc.sql("select message from extract_problem where load_id = :id")
                .param("id", id)
                .query(String.class)
                .list();
        Map<String, Object> load = jdbc.sql(
                        "select status, row_count, problem_count, values_written, period_end from extract_load"
                                + " where id = :id")
                .param("id", id)
                .query((rs, i) -> Map.<String, Object>of(
                        "status", rs.getString("status"),
                        "row_count", rs.getInt("row_count"),
                        "problem_count", rs.getInt("problem_count"),
                        "values_written", rs.getInt("values_written"),
                        "period_end", rs.getObject("period_end", LocalDate.class)))
                .single();
        Map<String, Object> withMessages = new HashMap<>(load);
        withMessages.put("messages", messages);
        return withMessages;
    }

    private String page(String account, String path) throws Exception {
        var response = mvc.perform(get(path).with(SignedIn.as(principals, account)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    /**
     * As {@link #openYear} from 2027 to 2029: the tests that fill whole years of the council's returns keep out of
     * the years other test classes pick single months from (2015 to 2024).
     */
    private int laterYear(long agency) {
        for (int year = 2027; year <= 2029; year++) {
            boolean locked = jdbc.sql("select count(*) > 0 from data_return where agency_id = :a"
                            + " and frequency = 'MONTHLY' and extract(year from period_end) = :y"
                            + " and status in ('SUBMITTED', 'ACCEPTED')")
                    .param("a", agency)
                    .param("y", year)
                    .query(Boolean.class)
                    .single();
            if (!locked) {
                return year;
            }
        }
        throw new IllegalStateException("no open year from 2027 to 2029");
    }

    /** A year (within the working-day calendar) in which no monthly return of the agency is submitted or accepted. */
    private int openYear(long agency) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int year = 2015 + r.nextInt(10);
            boolean locked = jdbc.sql("select count(*) > 0 from data_return where agency_id = :a"
                            + " and frequency = 'MONTHLY' and extract(year from period_end) = :y"
                            + " and status in ('SUBMITTED', 'ACCEPTED')")
                    .param("a", agency)
                    .param("y", year)
                    .query(Boolean.class)
                    .single();
            if (!locked) {
                return year;
            }
        }
        throw new IllegalStateException("no open year");
    }

    private long agency(String name) {
        return jdbc.sql("select id from agency where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
