package org.safeguardinghub.performance.extracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.imports.UploadRefused;
import org.safeguardinghub.imports.Uploads;
import org.safeguardinghub.organisation.DistrictSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.returns.CellProblem;
import org.safeguardinghub.performance.returns.Channel;
import org.safeguardinghub.performance.returns.DataReturns;
import org.safeguardinghub.performance.returns.ValueEntry;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads record-level extracts (one row per child, episode or event) and aggregates them into monthly data values.
 *
 * <p>The file is first read once, as it was streamed to a temporary file (never held in memory), by
 * {@link ExtractScan}: for a clean file (plain CSV that COPY reads the same way, every row passing the checks) that
 * one pass gives its SHA-256, its rows and every month's counts, and no row goes to the database. Any other file is
 * copied with PostgreSQL COPY into a TEMPORARY staging table that is dropped on commit, so child-level rows are never
 * kept, and checked with set-based SQL, one pass per kind of check: blank required cells, dates that are neither
 * dd/mm/yyyy nor yyyy-mm-dd (or do not exist), codes outside the layout's list and districts the partnership does
 * not have. Every problem is counted; the first 1,000 are stored with their line and column. A load with problems
 * is INVALID and writes nothing; a file COPY cannot read is FAILED with COPY's message and line.
 *
 * <p>A valid load counts each measure by month, in total and by district, and saves every month's figures into the
 * agency's draft returns in one batch through {@link DataReturns#saveDrafts} (channel EXTRACT, not submitted; the
 * agency checks and submits as usual), all in one transaction with the load's record and audit entry: a crash part
 * way leaves nothing. Every month the file covers is written in full, districts with no rows as 0, so the same file
 * loaded twice writes the same values. If a return refuses the figures (for example it is already submitted)
 * nothing is written and the load is FAILED with the return's problems. The file's SHA-256 tells the agency a file
 * was loaded before.
 */
@Service
public class ExtractLoads {

    static final int MAX_PROBLEMS_STORED = 1000;
    private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final DataReturns returns;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(ExtractLoads.class);

    ExtractLoads(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transaction,
            DataReturns returns,
            Organisation organisation,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.returns = returns;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
    }

    record LoadRow(
            long id,
            long agencyId,
            String agencyName,
            String layout,
            String fileName,
            String fileSha256,
            LocalDate periodEnd,
            String status,
            int rowCount,
            int problemCount,
            int valuesWritten,
            @Nullable Long loadMillis,
            String uploadedByName,
            Instant uploadedAt) {

        public String layoutName() {
            return ExtractLayout.byCode(layout).map(ExtractLayout::name).orElse(layout);
        }

        public String statusLabel() {
            return switch (status) {
                case "LOADED" -> "Loaded";
                case "INVALID" -> "Has problems";
                default -> "Failed";
            };
        }

        public String statusTag() {
            return switch (status) {
                case "LOADED" -> "govuk-tag--green";
                case "INVALID" -> "govuk-tag--red";
                default -> "govuk-tag--orange";
            };
        }
    }

    record ProblemRow(int rowNumber, @Nullable String columnName, String message) {}

    /** A load the file was also loaded in before (same agency, layout and content). */
    record EarlierLoad(long id, Instant uploadedAt, String uploadedByName, String status) {}

    /** The figures a return refused; the whole load is rolled back. */
    private static final class Refused extends RuntimeException {
        final LocalDate periodEnd;
        final List<CellProblem> problems;

        Refused(LocalDate periodEnd, List<CellProblem> problems) {
            super("refused", null, false, false);
            this.periodEnd = periodEnd;
            this.problems = problems;
        }
    }

    /** The file could not be copied (not CSV, wrong number of cells in a line, not UTF-8). */
    private static final class Unreadable extends RuntimeException {
        final int line;

        Unreadable(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    // ---- reading ----

    PageResult<LoadRow> loads(Actor actor, int page, int size) {
        String scope = "l.partnership_id = :p and (:all or l.agency_id = :a)";
        long total = jdbc.sql("select count(*) from extract_load l where " + scope)
                .param("p", actor.partnershipId())
                .param("all", actor.seesAllAgencies())
                .param("a", ownAgency(actor))
                .query(Long.class)
                .single();
        List<LoadRow> rows = jdbc.sql(SELECT_LOAD + " where " + scope
                        + " order by l.uploaded_at desc, l.id desc limit :size offset :offset")
                .param("p", actor.partnershipId())
                .param("all", actor.seesAllAgencies())
                .param("a", ownAgency(actor))
                .param("size", size)
                .param("offset", PageResult.offset(page, size))
                .query(ExtractLoads::loadRow)
                .list();
        return new PageResult<>(rows, Math.max(page, 1), size, total);
    }

    /** One load in the actor's scope; another partnership's or agency's is not found. */
    LoadRow load(Actor actor, long id) {
        return jdbc.sql(SELECT_LOAD + " where l.id = :id and l.partnership_id = :p and (:all or l.agency_id = :a)")
                .param("id", id)
                .param("p", actor.partnershipId())
                .param("all", actor.seesAllAgencies())
                .param("a", ownAgency(actor))
                .query(ExtractLoads::loadRow)
                .optional()
                .orElseThrow(() -> new NotFoundException("Extract load"));
    }

    PageResult<ProblemRow> problems(LoadRow load, int page, int size) {
        long total = jdbc.sql("select count(*) from extract_problem where load_id = :id")
                .param("id", load.id())
                .query(Long.class)
                .single();
        List<ProblemRow> rows = jdbc.sql("""
                        select row_number, column_name, message from extract_problem where load_id = :id
                        order by row_number, column_name nulls first limit :size offset :offset
                        """)
                .param("id", load.id())
                .param("size", size)
                .param("offset", PageResult.offset(page, size))
                .query((rs, i) ->
                        new ProblemRow(rs.getInt("row_number"), rs.getString("column_name"), rs.getString("message")))
                .list();
        return new PageResult<>(rows, Math.max(page, 1), size, total);
    }

    Optional<EarlierLoad> loadedBefore(LoadRow load) {
        return jdbc.sql("""
                        select id, uploaded_at, uploaded_by_name, status from extract_load
                        where partnership_id = (select partnership_id from extract_load where id = :id)
                          and agency_id = :a and layout = :layout and file_sha256 = :sha and id < :id
                        order by id limit 1
                        """)
                .param("id", load.id())
                .param("a", load.agencyId())
                .param("layout", load.layout())
                .param("sha", load.fileSha256())
                .query((rs, i) -> new EarlierLoad(
                        rs.getLong("id"),
                        rs.getTimestamp("uploaded_at").toInstant(),
                        rs.getString("uploaded_by_name"),
                        rs.getString("status")))
                .optional();
    }

    // ---- loading ----

    /**
     * Loads {@code file} with the layout named by its code (for example {@code SSDA903_MISSING}) and returns the
     * load's id: the entry point for callers outside the web page, such as the benchmark. The caller has checked
     * that the actor may load for the agency.
     */
    public long load(Actor actor, long agencyId, String layoutCode, String fileName, Path file) {
        ExtractLayout layout = ExtractLayout.byCode(layoutCode)
                .orElseThrow(() -> new IllegalArgumentException("No extract layout " + layoutCode));
        return load(actor, agencyId, layout, fileName, file);
    }

    /**
     * Loads {@code file} (CSV with a header line) for the agency and returns the new load's id. The caller has
     * checked that the actor may load for the agency.
     */
    long load(Actor actor, long agencyId, ExtractLayout layout, String fileName, Path file) {
        long started = System.nanoTime();
        List<ProblemRow> headerProblems = new ArrayList<>();
        List<String> header = List.of();
        try {
            header = header(file);
        } catch (UploadRefused e) {
            e.messages().forEach(m -> headerProblems.add(new ProblemRow(1, null, m)));
        }
        List<String> columns = header;
        boolean refused = !headerProblems.isEmpty();
        Map<String, String> staged = new LinkedHashMap<>(); // layout column -> staging column
        for (ExtractLayout.Column column : layout.columns()) {
            int index = indexOf(header, column.name());
            if (index >= 0) {
                staged.put(column.name(), "c" + index);
            } else if (column.required() && !refused) {
                headerProblems.add(new ProblemRow(1, column.name(), "The column " + column.name() + " is missing"));
            }
        }
        if (header.isEmpty() && headerProblems.isEmpty()) {
            headerProblems.add(new ProblemRow(1, null, "The file is empty: it needs a header line and a row each"));
        }
        String name = fileName.isBlank() ? "extract.csv" : fileName;
        // a clean file is checked and counted in one pass as it is read; any other goes through the staging table
        ExtractScan.Result scanned = headerProblems.isEmpty()
                ? ExtractScan.scan(
                        file,
                        layout,
                        header,
                        organisation.districtsOf(actor.partnershipId()).stream()
                                .map(DistrictSummary::name)
                                .toList(),
                        itemsByDistrict(actor.partnershipId(), layout))
                : null;
        String sha = scanned == null ? sha256(file) : scanned.sha256();
        log.debug("Extract {}: read and checked in one pass: {} ({} ms)", name, scanned != null, millis(started));
        if (!headerProblems.isEmpty()) {
            return record(
                    actor,
                    agencyId,
                    layout,
                    name,
                    sha,
                    "INVALID",
                    0,
                    headerProblems.size(),
                    0,
                    started,
                    headerProblems);
        }
        try {
            Long id = transaction.execute(status -> scanned != null
                    ? save(actor, agencyId, layout, name, sha, scanned.rows(), scanned.byMonth(), started)
                    : stageCheckAndSave(actor, agencyId, layout, name, sha, columns.size(), staged, file, started));
            return id == null ? 0 : id;
        } catch (Refused e) {
            List<ProblemRow> problems = e.problems.stream()
                    .limit(MAX_PROBLEMS_STORED)
                    .map(p -> new ProblemRow(
                            0,
                            null,
                            YearMonth.from(e.periodEnd) + " " + p.itemCode()
                                    + (p.breakdownValue().isEmpty() ? "" : " (" + p.breakdownValue() + ")") + ": "
                                    + p.message()))
                    .toList();
            return record(actor, agencyId, layout, name, sha, "FAILED", 0, e.problems.size(), 0, started, problems);
        } catch (Unreadable e) {
            return record(
                    actor,
                    agencyId,
                    layout,
                    name,
                    sha,
                    "FAILED",
                    0,
                    1,
                    0,
                    started,
                    List.of(new ProblemRow(e.line, null, e.getMessage())));
        }
    }

    private Long stageCheckAndSave(
            Actor actor,
            long agencyId,
            ExtractLayout layout,
            String fileName,
            String sha,
            int columnCount,
            Map<String, String> staged,
            Path file,
            long started) {
        long id = insertLoad(actor, agencyId, layout, fileName, sha);
        StringBuilder columns = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < columnCount; i++) {
            columns.append(", c").append(i).append(" text");
            names.append(i == 0 ? "" : ", ").append('c').append(i);
        }
        jdbc.sql("create temporary table extract_stage (row_no bigint generated always as identity" + columns
                        + ") on commit drop")
                .update();
        long rows = copy("copy extract_stage (" + names + ") from stdin with (format csv, header true)", file);

        // checks: one count pass over the staged rows, then the first problems of each kind
        List<DistrictSummary> districts = organisation.districtsOf(actor.partnershipId());
        List<String> districtNames =
                districts.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
        List<Check> checks = checks(layout, staged, districtNames);
        int problemCount = 0;
        if (!checks.isEmpty() && rows > 0) {
            String counts = checks.stream()
                    .map(c -> "count(*) filter (where " + c.condition() + ")")
                    .collect(Collectors.joining(", "));
            var query = jdbc.sql("select " + counts + " from extract_stage");
            query = bindDistricts(query, districtNames);
            List<Long> found = query.query((rs, i) -> {
                        List<Long> n = new ArrayList<>();
                        for (int c = 1; c <= checks.size(); c++) {
                            n.add(rs.getLong(c));
                        }
                        return n;
                    })
                    .single();
            int stored = 0;
            for (int c = 0; c < checks.size(); c++) {
                long n = found.get(c);
                problemCount += (int) n;
                if (n > 0 && stored < MAX_PROBLEMS_STORED) {
                    Check check = checks.get(c);
                    var insert = jdbc.sql("insert into extract_problem (load_id, row_number, column_name, message)"
                                    + " select :id, row_no + 1, :column, :message || coalesce(left(trim("
                                    + check.stagedColumn() + "), 60), '') from extract_stage where " + check.condition()
                                    + " order by row_no limit :limit")
                            .param("id", id)
                            .param("column", check.column())
                            .param("message", check.message())
                            .param("limit", MAX_PROBLEMS_STORED - stored);
                    stored += bindDistricts(insert, districtNames).update();
                }
            }
        }
        if (problemCount > 0) {
            finish(id, "INVALID", rows, problemCount, 0, null, started);
            audit.event(
                    AuditAction.IMPORT_COMMITTED,
                    "extract_load",
                    id,
                    layout.name() + " " + fileName + ": " + problemCount + " problems, nothing written");
            return id;
        }

        // aggregate: one GROUP BY per measure, by month in total and by district
        Map<LocalDate, List<ValueEntry>> byMonth = aggregate(actor, layout, staged, districts);
        log.debug("Extract {}: staged, checked and counted ({} ms)", fileName, millis(started));
        return saveFigures(actor, agencyId, layout, fileName, id, rows, byMonth, started);
    }

    /** Writes a clean file's figures (counted as it was read) under a new load. */
    private Long save(
            Actor actor,
            long agencyId,
            ExtractLayout layout,
            String fileName,
            String sha,
            long rows,
            Map<LocalDate, List<ValueEntry>> byMonth,
            long started) {
        long id = insertLoad(actor, agencyId, layout, fileName, sha);
        return saveFigures(actor, agencyId, layout, fileName, id, rows, byMonth, started);
    }

    /**
     * Saves every month's figures into the agency's draft returns in one batch; a return that refuses them rolls
     * the whole load back (Refused).
     */
    private Long saveFigures(
            Actor actor,
            long agencyId,
            ExtractLayout layout,
            String fileName,
            long id,
            long rows,
            Map<LocalDate, List<ValueEntry>> byMonth,
            long started) {
        Optional<DataReturns.Refusal> refused =
                returns.saveDrafts(actor, agencyId, Frequency.MONTHLY, new TreeMap<>(byMonth), Channel.EXTRACT);
        if (refused.isPresent()) {
            throw new Refused(refused.get().periodEnd(), refused.get().problems());
        }
        int written = byMonth.values().stream().mapToInt(List::size).sum();
        LocalDate last = byMonth.isEmpty() ? null : new TreeMap<>(byMonth).lastKey();
        finish(id, "LOADED", rows, 0, written, last, started);
        audit.event(
                AuditAction.IMPORT_COMMITTED,
                "extract_load",
                id,
                layout.name() + " " + fileName + ": " + rows + " rows, " + written + " values written to "
                        + byMonth.size() + " monthly returns");
        log.debug(
                "Extract {}: {} values saved to {} returns ({} ms)",
                fileName,
                written,
                byMonth.size(),
                millis(started));
        return id;
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** A kind of problem: a SQL condition over a staged row, the column it is about and the message. */
    private record Check(String column, String stagedColumn, String condition, String message) {}

    private static List<Check> checks(ExtractLayout layout, Map<String, String> staged, List<String> districts) {
        List<Check> checks = new ArrayList<>();
        for (ExtractLayout.Column column : layout.columns()) {
            String c = staged.get(column.name());
            if (c == null) {
                continue;
            }
            String value = "nullif(trim(" + c + "), '')";
            if (column.required()) {
                checks.add(new Check(column.name(), c, value + " is null", "Blank; " + column.name() + " is needed"));
            } else if (column.type() == ExtractLayout.Type.DISTRICT) {
                // figures by district must add up to the total, so a file that gives districts gives one on every row
                checks.add(new Check(
                        column.name(),
                        c,
                        value + " is null",
                        "Blank; the file has a " + column.name() + " column, so every row needs a district"));
            }
            switch (column.type()) {
                case DATE ->
                    checks.add(new Check(
                            column.name(),
                            c,
                            value + " is not null and " + dateExpression("trim(" + c + ")") + " is null",
                            "Not a date in the form dd/mm/yyyy or yyyy-mm-dd: "));
                case CODE ->
                    checks.add(new Check(
                            column.name(),
                            c,
                            value + " is not null and upper(trim(" + c + ")) not in ("
                                    + column.allowed().stream()
                                            .sorted()
                                            .map(v -> "'" + v + "'")
                                            .collect(Collectors.joining(", "))
                                    + ")",
                            "Must be one of "
                                    + String.join(
                                            ", ",
                                            column.allowed().stream().sorted().toList()) + ": "));
                case DISTRICT ->
                    checks.add(new Check(
                            column.name(),
                            c,
                            value + " is not null and lower(trim(" + c + ")) not in (:districts)",
                            "Not a district of the partnership: "));
                case TEXT -> {}
            }
        }
        return checks;
    }

    private static JdbcClient.StatementSpec bindDistricts(JdbcClient.StatementSpec spec, List<String> districts) {
        // an impossible name keeps "not in ()" valid SQL for a partnership with no districts
        return spec.param("districts", districts.isEmpty() ? List.of("\u0000none") : districts);
    }

    /**
     * A date from dd/mm/yyyy or yyyy-mm-dd, or null when the text is neither or names a day that does not exist.
     * Nested CASEs guarantee make_date only sees a valid day (it would otherwise fail the whole statement).
     */
    static String dateExpression(String text) {
        String iso = "'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'";
        String uk = "'^[0-9]{2}/[0-9]{2}/[0-9]{4}$'";
        return "(case when " + text + " ~ " + iso + " then "
                + safeDate(
                        "substr(" + text + ", 1, 4)::int",
                        "substr(" + text + ", 6, 2)::int",
                        "substr(" + text + ", 9, 2)::int")
                + " when " + text + " ~ " + uk + " then "
                + safeDate(
                        "substr(" + text + ", 7, 4)::int",
                        "substr(" + text + ", 4, 2)::int",
                        "substr(" + text + ", 1, 2)::int")
                + " end)";
    }

    private static String safeDate(String y, String m, String d) {
        return "(case when " + y + " between 1 and 9999 and " + m + " between 1 and 12 then (case when " + d
                + " between 1 and extract(day from (make_date(" + y + ", " + m + ", 1) + interval '1 month'"
                + " - interval '1 day'))::int then make_date(" + y + ", " + m + ", " + d + ") end) end)";
    }

    /**
     * The monthly figures of every measure, keyed by month end: totals, and for items returned by district every
     * district of the partnership (0 when no row names it). Months are those any row falls in.
     */
    private Map<LocalDate, List<ValueEntry>> aggregate(
            Actor actor, ExtractLayout layout, Map<String, String> staged, List<DistrictSummary> districts) {
        String month =
                "date_trunc('month', " + dateExpression("trim(" + staged.get(layout.monthColumn()) + ")") + ")::date";
        String breakdown = layout.breakdownColumn() == null ? null : staged.get(layout.breakdownColumn());
        Map<String, String> canonical = new LinkedHashMap<>();
        districts.forEach(d -> canonical.put(d.name().toLowerCase(Locale.ROOT), d.name()));
        Map<String, Boolean> byDistrict = itemsByDistrict(actor.partnershipId(), layout);

        TreeSet<LocalDate> months = new TreeSet<>(jdbc.sql("select distinct " + month + " from extract_stage")
                .query(LocalDate.class)
                .list());
        Map<LocalDate, List<ValueEntry>> result = new TreeMap<>();
        months.forEach(m -> result.put(YearMonth.from(m).atEndOfMonth(), new ArrayList<>()));

        for (ExtractLayout.Measure measure : layout.measures()) {
            boolean districtsToo = breakdown != null && byDistrict.getOrDefault(measure.itemCode(), false);
            String filter = "true";
            if (measure.filterColumn() != null && staged.containsKey(measure.filterColumn())) {
                filter = "upper(trim(" + staged.get(measure.filterColumn()) + ")) = :filter";
            }
            String district = districtsToo ? "lower(nullif(trim(" + breakdown + "), ''))" : "null::text";
            String sql = "select month, district, grouping(district) as total, count(*) filter (where matches) as n"
                    + " from (select " + month + " as month, " + district + " as district, " + filter
                    + " as matches from extract_stage) s group by grouping sets ((month), (month, district))";
            var query = jdbc.sql(sql);
            if (!"true".equals(filter)) {
                query = query.param(
                        "filter", String.valueOf(measure.filterValue()).toUpperCase(Locale.ROOT));
            }
            Map<LocalDate, Map<String, Long>> counts = new TreeMap<>();
            query.query((rs, i) -> {
                        LocalDate m = YearMonth.from(rs.getObject("month", LocalDate.class))
                                .atEndOfMonth();
                        String d = rs.getInt("total") == 1 ? "" : rs.getString("district");
                        if (d != null) {
                            counts.computeIfAbsent(m, k -> new LinkedHashMap<>())
                                    .put(d, rs.getLong("n"));
                        }
                        return null;
                    })
                    .list();
            for (LocalDate m : result.keySet()) {
                Map<String, Long> c = counts.getOrDefault(m, Map.of());
                List<ValueEntry> entries = result.get(m);
                entries.add(ValueEntry.total(measure.itemCode(), String.valueOf(c.getOrDefault("", 0L))));
                if (districtsToo) {
                    canonical.forEach((lower, name) -> entries.add(new ValueEntry(
                            measure.itemCode(), "DISTRICT", name, String.valueOf(c.getOrDefault(lower, 0L)), null)));
                }
            }
        }
        return result;
    }

    /** Whether each of the layout's items is returned by district in this partnership's catalogue. */
    private Map<String, Boolean> itemsByDistrict(long partnershipId, ExtractLayout layout) {
        Map<String, Boolean> result = new LinkedHashMap<>();
        jdbc.sql("select code, 'DISTRICT' = any(breakdowns) as by_district from data_item"
                        + " where partnership_id = :p and code in (:codes)")
                .param("p", partnershipId)
                .param(
                        "codes",
                        layout.measures().stream()
                                .map(ExtractLayout.Measure::itemCode)
                                .toList())
                .query((rs, i) -> result.put(rs.getString("code"), rs.getBoolean("by_district")))
                .list();
        return result;
    }

    private long copy(String sql, Path file) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (InputStream in = Files.newInputStream(file)) {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in);
        } catch (PSQLException e) {
            String where = e.getServerErrorMessage() == null
                    ? null
                    : e.getServerErrorMessage().getWhere();
            int line = 0;
            if (where != null) {
                Matcher m = COPY_LINE.matcher(where);
                if (m.find()) {
                    line = Integer.parseInt(m.group(1));
                }
            }
            String detail = e.getServerErrorMessage() == null
                    ? e.getMessage()
                    : e.getServerErrorMessage().getMessage();
            throw new Unreadable(line, "The file could not be read as CSV: " + detail);
        } catch (SQLException e) {
            throw new Unreadable(0, "The file could not be read as CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private long insertLoad(Actor actor, long agencyId, ExtractLayout layout, String fileName, String sha) {
        return jdbc.sql("""
                        insert into extract_load (partnership_id, agency_id, layout, file_name, file_sha256, period_end,
                                                  status, uploaded_by_name)
                        values (:p, :a, :layout, :file, :sha, :end, 'FAILED', :by) returning id
                        """)
                .param("p", actor.partnershipId())
                .param("a", agencyId)
                .param("layout", layout.code())
                .param("file", fileName)
                .param("sha", sha)
                .param("end", YearMonth.now(clock).atEndOfMonth())
                .param("by", actor.displayName())
                .query(Long.class)
                .single();
    }

    private void finish(
            long id, String status, long rows, int problems, int written, @Nullable LocalDate last, long started) {
        jdbc.sql("""
                        update extract_load set status = :status, row_count = :rows, problem_count = :problems,
                               values_written = :written, period_end = coalesce(:last, period_end), load_millis = :ms
                        where id = :id
                        """)
                .param("status", status)
                .param("rows", rows)
                .param("problems", problems)
                .param("written", written)
                .param("last", last, java.sql.Types.DATE)
                .param("ms", (System.nanoTime() - started) / 1_000_000)
                .param("id", id)
                .update();
    }

    /** Records a load that wrote nothing, with its problems, in a transaction of its own. */
    private long record(
            Actor actor,
            long agencyId,
            ExtractLayout layout,
            String fileName,
            String sha,
            String status,
            long rows,
            int problemCount,
            int written,
            long started,
            List<ProblemRow> problems) {
        Long id = transaction.execute(tx -> {
            long load = insertLoad(actor, agencyId, layout, fileName, sha);
            for (ProblemRow p : problems) {
                jdbc.sql("insert into extract_problem (load_id, row_number, column_name, message)"
                                + " values (:id, :row, :column, :message)")
                        .param("id", load)
                        .param("row", p.rowNumber())
                        .param("column", p.columnName(), java.sql.Types.VARCHAR)
                        .param("message", p.message())
                        .update();
            }
            finish(load, status, rows, problemCount, written, null, started);
            audit.event(
                    AuditAction.IMPORT_COMMITTED,
                    "extract_load",
                    load,
                    layout.name() + " " + fileName + ": " + status.toLowerCase(Locale.ROOT) + ", nothing written");
            return load;
        });
        return id == null ? 0 : id;
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The header line's column names, read by the imports module's reader: the file's type is checked from its
     * first bytes (a PDF or workbook renamed .csv is refused naming what it is) and the header must be UTF-8 CSV.
     *
     * @throws UploadRefused with the reason, reported against row 1
     */
    static List<String> header(Path file) {
        return Uploads.csvHeader(file);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ownAgency(Actor actor) {
        return actor.agencyId() == null ? -1L : actor.agencyId();
    }

    private static final String SELECT_LOAD = """
            select l.id, l.agency_id, a.name as agency_name, l.layout, l.file_name, l.file_sha256, l.period_end,
                   l.status, l.row_count, l.problem_count, l.values_written, l.load_millis, l.uploaded_by_name,
                   l.uploaded_at
            from extract_load l join agency_view a on a.id = l.agency_id""";

    private static LoadRow loadRow(java.sql.ResultSet rs, int i) throws SQLException {
        long millis = rs.getLong("load_millis");
        Long loadMillis = rs.wasNull() ? null : millis;
        return new LoadRow(
                rs.getLong("id"),
                rs.getLong("agency_id"),
                rs.getString("agency_name"),
                rs.getString("layout"),
                rs.getString("file_name"),
                rs.getString("file_sha256"),
                rs.getObject("period_end", LocalDate.class),
                rs.getString("status"),
                rs.getInt("row_count"),
                rs.getInt("problem_count"),
                rs.getInt("values_written"),
                loadMillis,
                rs.getString("uploaded_by_name"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
