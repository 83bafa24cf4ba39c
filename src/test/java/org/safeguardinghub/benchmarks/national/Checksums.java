package org.safeguardinghub.benchmarks.national;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-table row count, size and checksum, so "same seed, same data" is checked rather than claimed. The checksum is
 * the sum of the first 60 bits of each row's md5, which does not depend on the physical order of rows. It leaves out
 * what legitimately differs between two loads: columns of a timestamp type (load times, and the demo's "now"),
 * password hashes (bcrypt salts), tables of sessions, events and migration history, and three tables only the Hub
 * itself writes at start-up, never the generator: scheduled_job_run (run times), and the demo's survey_link (random
 * link tokens) and task rows (found to differ between two loads).
 */
public final class Checksums {

    public record TableSum(String table, long rows, long bytes, String checksum) {}

    private Checksums() {}

    public static List<TableSum> of(Connection owner) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var st = owner.createStatement();
                var rs = st.executeQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind in ('r', 'p') and n.nspname = current_schema()
                          and c.relname not like 'flyway%' and c.relname not like 'spring_session%'
                          and c.relname not like 'event_publication%'
                          and c.relname not in ('scheduled_job_run', 'survey_link', 'task')
                        order by c.relname
                        """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<TableSum> sums = new ArrayList<>();
        for (String table : tables) {
            List<String> columns = new ArrayList<>();
            try (var ps = owner.prepareStatement("""
                    select quote_ident(column_name) from information_schema.columns
                    where table_schema = current_schema() and table_name = ?
                      and data_type not like 'timestamp%' and column_name not in ('password_hash')
                    order by ordinal_position
                    """)) {
                ps.setString(1, table);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            String row = columns.isEmpty() ? "''" : "row(" + String.join(", ", columns) + ")::text";
            String sql = "select count(*), coalesce(sum(('x' || substr(md5(" + row + "), 1, 15))::bit(60)::bigint), 0),"
                    + " pg_total_relation_size('" + table + "') from " + table;
            try (var st = owner.createStatement();
                    var rs = st.executeQuery(sql)) {
                rs.next();
                String sum = rs.getBigDecimal(2).toString();
                sums.add(new TableSum(table, rs.getLong(1), rs.getLong(3), md5Short(owner, sum)));
            }
        }
        return sums;
    }

    private static String md5Short(Connection c, String text) throws SQLException {
        try (var ps = c.prepareStatement("select substr(md5(?), 1, 12)")) {
            ps.setString(1, text);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
