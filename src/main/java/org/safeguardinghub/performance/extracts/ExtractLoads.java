package org.safeguardinghub.performance.extracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
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
import org.safeguardinghub.platform.web.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final ExtractLoadRecords records;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final DataReturns returns;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;
    private final ExtractStageRecords staging;
    private static final Logger log = LoggerFactory.getLogger(ExtractLoads.class);

    ExtractLoads(
            ExtractLoadRecords records,
            DataSource dataSource,
            TransactionTemplate transaction,
            DataReturns returns,
            Organisation organisation,
            AuditTrail audit,
            Clock clock,
            ExtractStageRecords staging) {
        this.records = records;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.returns = returns;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
        this.staging = staging;
    }

    public record LoadRow(
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

        /** The first problems, each named by its month, item and breakdown. */
        List<ProblemRow> problemRows() {
            return problems.stream()
                    .limit(MAX_PROBLEMS_STORED)
                    .map(p -> new ProblemRow(
                            0,
                            null,
                            YearMonth.from(periodEnd) + " " + p.itemCode()
                                    + (p.breakdownValue().isEmpty() ? "" : " (" + p.breakdownValue() + ")") + ": "
                                    + p.message()))
                    .toList();
        }
    }

    // ---- reading ----

    public PageResult<LoadRow> loads(Actor actor, int page, int size) {
        return records.loads(actor, page, size);
    }

    /** One load in the actor's scope; another partnership's or agency's is not found. */
    public LoadRow load(Actor actor, long id) {
        return records.load(actor, id);
    }

    public PageResult<ProblemRow> problems(LoadRow load, int page, int size) {
        return records.problems(load, page, size);
    }

    public Optional<EarlierLoad> loadedBefore(LoadRow load) {
        return records.loadedBefore(load);
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
    public long load(Actor actor, long agencyId, ExtractLayout layout, String fileName, Path file) {
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
                        records.itemsByDistrict(actor.partnershipId(), layout))
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
            return record(
                    actor, agencyId, layout, name, sha, "FAILED", 0, e.problems.size(), 0, started, e.problemRows());
        } catch (ExtractStageRecords.Unreadable e) {
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
        long id = records.insertLoad(
                actor, agencyId, layout, fileName, sha, YearMonth.now(clock).atEndOfMonth());
        long rows = staging.copy(file, columnCount);

        // checks: one count pass over the staged rows, then the first problems of each kind
        List<DistrictSummary> districts = organisation.districtsOf(actor.partnershipId());
        List<String> districtNames =
                districts.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
        int problemCount = rows > 0 ? staging.check(id, layout, staged, districtNames) : 0;
        if (problemCount > 0) {
            records.finish(id, "INVALID", rows, problemCount, 0, null, started);
            audit.event(
                    AuditAction.IMPORT_COMMITTED,
                    "extract_load",
                    id,
                    layout.name() + " " + fileName + ": " + problemCount + " problems, nothing written");
            return id;
        }

        // aggregate: one GROUP BY per measure, by month in total and by district
        Map<LocalDate, List<ValueEntry>> byMonth =
                staging.aggregate(layout, staged, districts, records.itemsByDistrict(actor.partnershipId(), layout));
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
        long id = records.insertLoad(
                actor, agencyId, layout, fileName, sha, YearMonth.now(clock).atEndOfMonth());
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
        Optional<DataReturns.RefusedPeriod> refused =
                returns.saveDrafts(actor, agencyId, Frequency.MONTHLY, new TreeMap<>(byMonth), Channel.EXTRACT);
        if (refused.isPresent()) {
            throw new Refused(refused.get().periodEnd(), refused.get().problems());
        }
        int written = byMonth.values().stream().mapToInt(List::size).sum();
        LocalDate last = byMonth.isEmpty() ? null : new TreeMap<>(byMonth).lastKey();
        records.finish(id, "LOADED", rows, 0, written, last, started);
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
            long load = records.insertLoad(
                    actor, agencyId, layout, fileName, sha, YearMonth.now(clock).atEndOfMonth());
            for (ProblemRow p : problems) {
                records.insertProblem(load, p);
            }
            records.finish(load, status, rows, problemCount, written, null, started);
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
}
