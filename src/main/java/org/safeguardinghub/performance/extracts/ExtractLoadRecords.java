package org.safeguardinghub.performance.extracts;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.extracts.ExtractLoads.EarlierLoad;
import org.safeguardinghub.performance.extracts.ExtractLoads.LoadRow;
import org.safeguardinghub.performance.extracts.ExtractLoads.ProblemRow;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code extract_load} and {@code extract_problem} tables: the loads an actor may see, a load's stored
 * problems, an earlier load of the same file, and the rows a load writes as it goes (its record, its problems, its
 * outcome). Also which of a layout's items the partnership's catalogue returns by district.
 */
@Repository
class ExtractLoadRecords {

    private final JdbcClient jdbc;

    ExtractLoadRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
                .query(ExtractLoadRecords::loadRow)
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
                .query(ExtractLoadRecords::loadRow)
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

    /** Whether each of the layout's items is returned by district in this partnership's catalogue. */
    Map<String, Boolean> itemsByDistrict(long partnershipId, ExtractLayout layout) {
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

    long insertLoad(
            Actor actor, long agencyId, ExtractLayout layout, String fileName, String sha, LocalDate periodEnd) {
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
                .param("end", periodEnd)
                .param("by", actor.displayName())
                .query(Long.class)
                .single();
    }

    void finish(long id, String status, long rows, int problems, int written, @Nullable LocalDate last, long started) {
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

    void insertProblem(long loadId, ProblemRow p) {
        jdbc.sql("insert into extract_problem (load_id, row_number, column_name, message)"
                        + " values (:id, :row, :column, :message)")
                .param("id", loadId)
                .param("row", p.rowNumber())
                .param("column", p.columnName(), java.sql.Types.VARCHAR)
                .param("message", p.message())
                .update();
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
