package org.safeguardinghub.performance.extracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.safeguardinghub.organisation.DistrictSummary;
import org.safeguardinghub.performance.returns.ValueEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The staging table of an extract that the one-pass {@link ExtractScan} could not take: the file is copied with
 * PostgreSQL COPY into a TEMPORARY table dropped on commit (child-level rows are never kept), checked with
 * set-based SQL, one pass per kind of problem (blank required cells, dates that are neither dd/mm/yyyy nor
 * yyyy-mm-dd or do not exist, codes outside the layout's list, districts the partnership does not have), and
 * counted by month with one GROUP BY per measure. Runs inside the load's transaction.
 */
@Component
class ExtractStageRecords {

    private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ExtractStageRecords(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The file could not be copied (not CSV, wrong number of cells in a line, not UTF-8). */
    static final class Unreadable extends RuntimeException {
        final int line;

        Unreadable(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /**
     * Copies the file (CSV with a header line, {@code columnCount} columns) into a new TEMPORARY staging table,
     * dropped on commit, and returns how many rows it holds.
     *
     * @throws Unreadable when COPY cannot read the file, with its line where COPY names one
     */
    long copy(Path file, int columnCount) {
        StringBuilder columns = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < columnCount; i++) {
            columns.append(", c").append(i).append(" text");
            names.append(i == 0 ? "" : ", ").append('c').append(i);
        }
        jdbc.sql("create temporary table extract_stage (row_no bigint generated always as identity" + columns
                        + ") on commit drop")
                .update();
        return copyIn("copy extract_stage (" + names + ") from stdin with (format csv, header true)", file);
    }

    /**
     * Checks the staged rows: one count pass for every kind of problem, then the first problems of each kind stored
     * against the load (at most {@link ExtractLoads#MAX_PROBLEMS_STORED} in all). Returns how many problems there
     * are.
     */
    int check(long id, ExtractLayout layout, Map<String, String> staged, List<String> districtNames) {
        List<Check> checks = checks(layout, staged, districtNames);
        int problemCount = 0;
        if (!checks.isEmpty()) {
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
                if (n > 0 && stored < ExtractLoads.MAX_PROBLEMS_STORED) {
                    Check check = checks.get(c);
                    var insert = jdbc.sql("insert into extract_problem (load_id, row_number, column_name, message)"
                                    + " select :id, row_no + 1, :column, :message || coalesce(left(trim("
                                    + check.stagedColumn() + "), 60), '') from extract_stage where " + check.condition()
                                    + " order by row_no limit :limit")
                            .param("id", id)
                            .param("column", check.column())
                            .param("message", check.message())
                            .param("limit", ExtractLoads.MAX_PROBLEMS_STORED - stored);
                    stored += bindDistricts(insert, districtNames).update();
                }
            }
        }
        return problemCount;
    }

    /**
     * The monthly figures of every measure, keyed by month end: totals, and for items returned by district every
     * district of the partnership (0 when no row names it) for the items {@code byDistrict} marks. Months are those
     * any row falls in.
     */
    Map<LocalDate, List<ValueEntry>> aggregate(
            ExtractLayout layout,
            Map<String, String> staged,
            List<DistrictSummary> districts,
            Map<String, Boolean> byDistrict) {
        String month =
                "date_trunc('month', " + dateExpression("trim(" + staged.get(layout.monthColumn()) + ")") + ")::date";
        String breakdown = layout.breakdownColumn() == null ? null : staged.get(layout.breakdownColumn());
        Map<String, String> canonical = new LinkedHashMap<>();
        districts.forEach(d -> canonical.put(d.name().toLowerCase(Locale.ROOT), d.name()));

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

    private long copyIn(String sql, Path file) {
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
}
