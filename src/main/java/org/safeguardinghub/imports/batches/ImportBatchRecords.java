package org.safeguardinghub.imports.batches;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.safeguardinghub.imports.ImportProblem;
import org.safeguardinghub.imports.ImportRow;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Import batches, their staged rows and their problems. Every read of a batch is scoped in SQL by partnership,
 * agency (unless the user sees all agencies) and the import kinds the user may use; rows and problems are only
 * reached through a batch id that has passed such a read. Row-level security on {@code import_batch} is the second
 * line.
 */
@Repository
public class ImportBatchRecords {

    private static final String SELECT = """
            select id, kind, partnership_id, agency_id, uploaded_by, uploaded_by_name, file_name, status, total_rows,
                   processed_rows, problem_count, error_message, created_at, updated_at, committed_at, version
            from import_batch b
            """;
    private static final String SCOPE = """
             where b.partnership_id = :partnership
               and (:allAgencies or b.agency_id = :agency)
               and b.kind in (:kinds)
            """;
    /** Rows per COPY round trip when staging. */
    private static final int COPY_CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;

    ImportBatchRecords(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    /** A new batch for a parsed file, in status {@code VALIDATING}, its version 0. */
    public long create(String kind, Actor actor, String fileName, int totalRows, int problemCount) {
        return jdbc.sql("""
                        insert into import_batch (kind, partnership_id, agency_id, uploaded_by, uploaded_by_name,
                                                  file_name, status, total_rows, problem_count)
                        values (:kind, :partnership, :agency, :user, :userName, :file, 'VALIDATING', :total, :problems)
                        returning id""")
                .param("kind", kind)
                .param("partnership", actor.partnershipId())
                .param("agency", actor.agencyId())
                .param("user", actor.userId())
                .param("userName", actor.displayName())
                .param("file", fileName)
                .param("total", totalRows)
                .param("problems", problemCount)
                .query(Long.class)
                .single();
    }

    /**
     * Stages rows with PostgreSQL {@code COPY}, the fast path for bulk loads. Must run inside the transaction that
     * created the batch.
     */
    public void stage(long batchId, List<ImportRow> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder(COPY_CHUNK * 64);
            int n = 0;
            for (ImportRow row : rows) {
                chunk.append(batchId).append(',').append(row.number()).append(',');
                csvQuote(chunk, json(row.values()));
                chunk.append('\n');
                if (++n % COPY_CHUNK == 0) {
                    copy.copyIn(
                            "copy import_row (batch_id, row_number, \"values\") from stdin with (format csv)",
                            new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
            if (!chunk.isEmpty()) {
                copy.copyIn(
                        "copy import_row (batch_id, row_number, \"values\") from stdin with (format csv)",
                        new StringReader(chunk.toString()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage the import rows", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    public Optional<ImportBatch> find(ImportScope scope, long id) {
        if (scope.kinds().isEmpty()) {
            return Optional.empty();
        }
        return scoped(SELECT + SCOPE + " and b.id = :id", scope)
                .param("id", id)
                .query(ImportBatchRecords::map)
                .optional();
    }

    /** The batch, locked against a concurrent commit until the transaction ends. */
    public Optional<ImportBatch> lock(ImportScope scope, long id) {
        if (scope.kinds().isEmpty()) {
            return Optional.empty();
        }
        return scoped(SELECT + SCOPE + " and b.id = :id for update", scope)
                .param("id", id)
                .query(ImportBatchRecords::map)
                .optional();
    }

    /** The user's batches, newest first. */
    public PageResult<ImportBatch> list(ImportScope scope, int page, int size) {
        if (scope.kinds().isEmpty()) {
            return new PageResult<>(List.of(), 1, size, 0);
        }
        long total = scoped("select count(*) from import_batch b" + SCOPE, scope)
                .query(Long.class)
                .single();
        List<ImportBatch> items = scoped(
                        SELECT + SCOPE + " order by b.created_at desc, b.id desc limit :limit offset :offset", scope)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query(ImportBatchRecords::map)
                .list();
        return new PageResult<>(items, Math.max(page, 1), size, total);
    }

    /** Every batch the user may see, newest first, for exports (capped at {@code limit}). */
    public List<ImportBatch> all(ImportScope scope, int limit) {
        if (scope.kinds().isEmpty()) {
            return List.of();
        }
        return scoped(SELECT + SCOPE + " order by b.created_at desc, b.id desc limit :limit", scope)
                .param("limit", limit)
                .query(ImportBatchRecords::map)
                .list();
    }

    /** Staged rows after {@code afterRow}, in row order, at most {@code limit} of them. */
    public List<ImportRow> rows(long batchId, int afterRow, int limit) {
        Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        with chunk as (select row_number, "values" from import_row
                                       where batch_id = :batch and row_number > :after
                                       order by row_number limit :limit)
                        select c.row_number, e.key, e.value
                        from chunk c left join lateral jsonb_each_text(c."values") e on true
                        order by c.row_number""")
                .param("batch", batchId)
                .param("after", afterRow)
                .param("limit", limit)
                .query(rs -> {
                    Map<String, String> values = rows.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>());
                    String key = rs.getString(2);
                    if (key != null) {
                        values.put(key, rs.getString(3) == null ? "" : rs.getString(3));
                    }
                });
        List<ImportRow> result = new ArrayList<>(rows.size());
        rows.forEach((n, values) -> result.add(new ImportRow(n, values)));
        return result;
    }

    /** Every staged row, in row order. */
    public List<ImportRow> allRows(long batchId) {
        return rows(batchId, 0, Integer.MAX_VALUE);
    }

    public void addProblems(long batchId, List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "insert into import_problem (batch_id, row_number, column_name, message) values (?, ?, ?, ?)",
                problems,
                500,
                (ps, p) -> {
                    ps.setLong(1, batchId);
                    ps.setInt(2, p.rowNumber());
                    ps.setString(3, p.column());
                    ps.setString(4, p.message());
                });
    }

    /** The validation report, a page at a time, in row order. */
    public PageResult<ImportProblem> problems(long batchId, int page, int size) {
        long total = jdbc.sql("select count(*) from import_problem where batch_id = :batch")
                .param("batch", batchId)
                .query(Long.class)
                .single();
        List<ImportProblem> items = jdbc.sql("""
                        select row_number, column_name, message from import_problem where batch_id = :batch
                        order by row_number, id limit :limit offset :offset""")
                .param("batch", batchId)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query((rs, i) -> new ImportProblem(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
        return new PageResult<>(items, Math.max(page, 1), size, total);
    }

    /** Progress of the background check, visible to the page as soon as it is written. */
    public void progress(long batchId, int processedRows, int problemCount) {
        jdbc.sql("""
                        update import_batch set processed_rows = :processed, problem_count = :problems, updated_at = now()
                        where id = :id and status = 'VALIDATING'""")
                .param("id", batchId)
                .param("processed", processedRows)
                .param("problems", problemCount)
                .update();
    }

    /** Ends the check: {@code VALID} or {@code INVALID}, or {@code FAILED} with a message; the version moves on. */
    public void finishChecking(
            long batchId, ImportStatus status, int processedRows, int problemCount, @Nullable String error) {
        jdbc.sql("""
                        update import_batch set status = :status, processed_rows = :processed, problem_count = :problems,
                                                error_message = :error, updated_at = now(), version = version + 1
                        where id = :id and status = 'VALIDATING'""")
                .param("id", batchId)
                .param("status", status.name())
                .param("processed", processedRows)
                .param("problems", problemCount)
                .param("error", error)
                .update();
    }

    /** Marks a ready batch committed if nobody has changed it since {@code version}; false otherwise. */
    public boolean markCommitted(long batchId, int version) {
        return jdbc.sql("""
                                update import_batch set status = 'COMMITTED', committed_at = now(), updated_at = now(),
                                                        error_message = null, version = version + 1
                                where id = :id and version = :version and status = 'VALID'""").param("id", batchId).param("version", version).update() == 1;
    }

    /** Records why a commit failed; the batch stays as it was (ready), so the user can try again. */
    public void recordCommitFailure(long batchId, String message) {
        jdbc.sql(
                        "update import_batch set error_message = :message, updated_at = now() where id = :id and status = 'VALID'")
                .param("id", batchId)
                .param("message", message)
                .update();
    }

    private JdbcClient.StatementSpec scoped(String sql, ImportScope scope) {
        return jdbc.sql(sql)
                .param("partnership", scope.partnershipId())
                .param("allAgencies", scope.allAgencies())
                .param("agency", scope.agencyId())
                .param("kinds", scope.kinds());
    }

    static ImportBatch map(ResultSet rs, int row) throws SQLException {
        long agency = rs.getLong("agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        Timestamp committed = rs.getTimestamp("committed_at");
        return new ImportBatch(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getLong("partnership_id"),
                agencyId,
                rs.getLong("uploaded_by"),
                rs.getString("uploaded_by_name"),
                rs.getString("file_name"),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getInt("total_rows"),
                rs.getInt("processed_rows"),
                rs.getInt("problem_count"),
                rs.getString("error_message"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                committed == null ? null : committed.toInstant(),
                rs.getInt("version"));
    }

    /** A flat JSON object of strings. NUL characters, which jsonb cannot hold, are dropped. */
    static String json(Map<String, String> values) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (var e : values.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            quote(sb, e.getKey());
            sb.append(':');
            quote(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> {}
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void csvQuote(StringBuilder sb, String s) {
        sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
}
