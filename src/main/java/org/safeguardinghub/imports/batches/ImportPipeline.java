package org.safeguardinghub.imports.batches;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.imports.ImportCompleted;
import org.safeguardinghub.imports.ImportContext;
import org.safeguardinghub.imports.ImportKind;
import org.safeguardinghub.imports.ImportProblem;
import org.safeguardinghub.imports.ImportRejected;
import org.safeguardinghub.imports.ImportRow;
import org.safeguardinghub.imports.parsing.FileRejected;
import org.safeguardinghub.imports.parsing.HeaderMapping;
import org.safeguardinghub.imports.parsing.ImportFileReader;
import org.safeguardinghub.imports.parsing.ParsedFile;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import pipeline: upload → staging → validation → commit.
 *
 * <ol>
 *   <li><b>Upload</b> ({@link #upload}): the file is size-checked, type-checked and parsed in memory. Anything
 *       wrong with the file as a whole is a {@link FileRejected} and nothing is written.
 *   <li><b>Staging</b>: in one transaction, a batch row and every data row (by {@code COPY}) are stored.
 *   <li><b>Validation</b>: the kind checks each row; problems are stored with row and column, progress is written
 *       as it goes. Small files are checked before the upload request returns; larger ones on a background thread
 *       (running as the uploader), while the batch page polls for progress.
 *   <li><b>Commit</b> ({@link #commit}): only a {@code VALID} batch at the version the user saw. The kind's
 *       commit, the status change, the audit entry and the {@link ImportCompleted} event share one transaction, so
 *       either every row is imported or none is.
 * </ol>
 */
@Service
public class ImportPipeline {

    private static final Logger log = LoggerFactory.getLogger(ImportPipeline.class);

    /** Rows checked between progress updates. */
    static final int CHUNK = 500;
    /** Problems stored per batch; beyond this they are counted but not listed. */
    public static final int MAX_STORED_PROBLEMS = 10_000;

    private final ImportBatchRecords batches;
    private final ImportKinds kinds;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final long maxFileSize;
    private final int maxRows;
    private final int backgroundFrom;
    private final ExecutorService background;

    ImportPipeline(
            ImportBatchRecords batches,
            ImportKinds kinds,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            @Value("${hub.imports.max-file-size}") long maxFileSize,
            @Value("${hub.imports.max-rows}") int maxRows,
            @Value("${hub.imports.background-from-rows:1000}") int backgroundFrom) {
        this.batches = batches;
        this.kinds = kinds;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.maxFileSize = maxFileSize;
        this.maxRows = maxRows;
        this.backgroundFrom = backgroundFrom;
        this.background = Executors.newFixedThreadPool(2, daemonThreads());
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    public int maxRows() {
        return maxRows;
    }

    /**
     * Reads, stages and checks (or starts checking) an uploaded file.
     *
     * @return the new batch's id
     * @throws FileRejected if the file cannot be imported at all; nothing has been written
     */
    public long upload(Actor actor, ImportKind kind, String fileName, long size, InputStream content) {
        if (size > maxFileSize) {
            throw new FileRejected(tooBig());
        }
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file", e);
        }
        if (bytes.length > maxFileSize) {
            throw new FileRejected(tooBig());
        }
        ParsedFile parsed = new ImportFileReader(maxRows).read(fileName, bytes);
        HeaderMapping mapping = HeaderMapping.match(parsed.headers(), kind.columns());

        List<ImportRow> rows = new ArrayList<>(parsed.rows().size());
        List<ImportProblem> stray = new ArrayList<>();
        for (ParsedFile.Row r : parsed.rows()) {
            rows.add(new ImportRow(r.number(), mapping.values(r.cells())));
            int extra = mapping.strayValues(r.cells());
            if (extra > 0) {
                stray.add(new ImportProblem(
                        r.number(),
                        null,
                        extra == 1
                                ? "This row has a value in a column with no header. Remove it, or give the column a header"
                                : "This row has " + extra
                                        + " values in columns with no header. Remove them, or give the"
                                        + " columns headers"));
            }
        }
        Long id = transaction.execute(tx -> {
            long batchId = batches.create(kind.id(), actor, fileName, rows.size(), stray.size());
            batches.stage(batchId, rows);
            batches.addProblems(batchId, stray);
            return batchId;
        });
        long batchId = java.util.Objects.requireNonNull(id);
        log.info("Import batch {} staged: kind={} rows={}", batchId, kind.id(), rows.size());
        ImportContext ctx = new ImportContext(batchId, actor.partnershipId(), actor.agencyId(), actor.userId());
        if (rows.size() < backgroundFrom) {
            check(batchId, kind, ctx, stray.size());
        } else {
            String requestId = MDC.get("requestId");
            Runnable task = () -> {
                MDC.put("requestId", requestId == null ? "import-" + batchId : requestId);
                try {
                    check(batchId, kind, ctx, stray.size());
                } finally {
                    MDC.remove("requestId");
                }
            };
            background.execute(new DelegatingSecurityContextRunnable(task));
        }
        return batchId;
    }

    /** Checks every staged row with the kind, storing problems and progress; ends VALID, INVALID or FAILED. */
    void check(long batchId, ImportKind kind, ImportContext ctx, int initialProblems) {
        int processed = 0;
        int problems = initialProblems;
        int stored = initialProblems;
        try {
            int after = 0;
            while (true) {
                List<ImportRow> chunk = batches.rows(batchId, after, CHUNK);
                if (chunk.isEmpty()) {
                    break;
                }
                List<ImportProblem> found = new ArrayList<>();
                for (ImportRow row : chunk) {
                    found.addAll(kind.validate(row, ctx));
                    after = row.number();
                }
                processed += chunk.size();
                problems += found.size();
                int room = Math.max(0, MAX_STORED_PROBLEMS - stored);
                List<ImportProblem> keep = found.size() > room ? found.subList(0, room) : found;
                batches.addProblems(batchId, keep);
                stored += keep.size();
                batches.progress(batchId, processed, problems);
            }
            batches.finishChecking(
                    batchId, problems == 0 ? ImportStatus.VALID : ImportStatus.INVALID, processed, problems, null);
            log.info("Import batch {} checked: rows={} problems={}", batchId, processed, problems);
        } catch (RuntimeException e) {
            log.error("Import batch {} could not be checked", batchId, e);
            batches.finishChecking(
                    batchId,
                    ImportStatus.FAILED,
                    processed,
                    problems,
                    "Checking the file stopped because of an unexpected error" + reference() + ". Upload the file"
                            + " again; if it happens again, contact your Hub administrator.");
        }
    }

    /** What became of a commit request. */
    public record CommitResult(
            boolean committed, int rows, @Nullable String message) {}

    /**
     * Imports every row of a ready batch, all or nothing.
     *
     * @param version the batch version the user saw; a different one means someone else committed or changed it
     */
    public CommitResult commit(ImportScope scope, long batchId, int version) {
        ImportBatch seen = batches.find(scope, batchId).orElseThrow(() -> new NotFoundException("Import"));
        ImportKind kind = kinds.usable(seen.kind()).orElseThrow(() -> new NotFoundException("Import"));
        try {
            Integer rows = transaction.execute(tx -> {
                ImportBatch batch = batches.lock(scope, batchId).orElseThrow(() -> new NotFoundException("Import"));
                if (batch.status() == ImportStatus.COMMITTED) {
                    throw new Refused("This file has already been imported. Nothing more was imported.");
                }
                if (batch.version() != version) {
                    throw new Refused(
                            "This import changed after you opened it. Check the page again before" + " importing.");
                }
                if (batch.status() != ImportStatus.VALID) {
                    throw new Refused("Only a file with no problems can be imported.");
                }
                List<ImportRow> all = batches.allRows(batchId);
                ImportContext ctx =
                        new ImportContext(batchId, batch.partnershipId(), batch.agencyId(), batch.uploadedBy());
                kind.commit(all, ctx);
                if (!batches.markCommitted(batchId, version)) {
                    throw new Refused("This import changed after you opened it. Nothing was imported.");
                }
                audit.event(
                        AuditAction.IMPORT_COMMITTED,
                        "import_batch",
                        batchId,
                        String.format(
                                Locale.UK,
                                "Imported %d %s rows from %s",
                                all.size(),
                                kind.title().toLowerCase(Locale.UK),
                                batch.fileName()));
                events.publishEvent(new ImportCompleted(batchId, kind.id(), all.size(), batch.partnershipId()));
                return all.size();
            });
            return new CommitResult(true, rows == null ? 0 : rows, null);
        } catch (Refused e) {
            return new CommitResult(false, 0, e.getMessage());
        } catch (ImportRejected e) {
            String message = "Nothing was imported. " + describe(e.problems())
                    + " Fix the file and upload it again, or try importing again once the conflict is resolved.";
            batches.recordCommitFailure(batchId, message);
            return new CommitResult(false, 0, message);
        } catch (NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Import batch {} could not be committed", batchId, e);
            String message = "Nothing was imported: the import stopped because of an unexpected error" + reference()
                    + ". You can try again; if it happens again, contact your Hub administrator.";
            batches.recordCommitFailure(batchId, message);
            return new CommitResult(false, 0, message);
        }
    }

    private static String describe(List<ImportProblem> problems) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (ImportProblem p : problems) {
            if (shown == 5) {
                sb.append("And ").append(problems.size() - shown).append(" more. ");
                break;
            }
            sb.append("Row ").append(p.rowNumber());
            if (p.column() != null) {
                sb.append(", column ").append(p.column());
            }
            sb.append(": ").append(p.message());
            if (!p.message().endsWith(".")) {
                sb.append('.');
            }
            sb.append(' ');
            shown++;
        }
        return sb.toString().trim();
    }

    private String tooBig() {
        return String.format(
                Locale.UK,
                "The selected file must be smaller than %s. Split it into smaller files",
                megabytes(maxFileSize));
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.floor(mb) ? String.format(Locale.UK, "%.0fMB", mb) : String.format(Locale.UK, "%.1fMB", mb);
    }

    private static String reference() {
        String id = MDC.get("requestId");
        return id == null ? "" : " (reference " + id + ")";
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "hub-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A commit the batch's state does not allow; nothing was attempted. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
