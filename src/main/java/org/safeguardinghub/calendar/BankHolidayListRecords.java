package org.safeguardinghub.calendar;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.safeguardinghub.calendar.BankHolidayLists.StoredList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code bank_holiday_list} table: every official list an administrator loaded, never changed afterwards.
 * {@link BankHolidayLists} checks a file before it is stored here and installs the newest list it reads back.
 */
@Repository
class BankHolidayListRecords {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    BankHolidayListRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest stored list with its holidays as {@code date,title} CSV. */
    record Newest(long id, int firstYear, int lastYear, String holidaysCsv) {}

    /** A checked list to keep: its years, its holidays as CSV and the file it came from. */
    record NewList(int firstYear, int lastYear, String holidaysCsv, String fileName, String sha256, long loadedBy) {}

    Optional<Newest> newest() {
        return jdbc.sql("""
                        select id, first_year, last_year, holidays from bank_holiday_list
                        order by id desc limit 1""")
                .query((rs, n) -> new Newest(
                        rs.getLong("id"), rs.getInt("first_year"), rs.getInt("last_year"), rs.getString("holidays")))
                .optional();
    }

    long insert(NewList list) {
        return jdbc.sql("""
                        insert into bank_holiday_list (first_year, last_year, holidays, file_name, file_sha256, loaded_by)
                        values (:first, :last, :holidays, :name, :sha, :by) returning id""")
                .param("first", list.firstYear())
                .param("last", list.lastYear())
                .param("holidays", list.holidaysCsv())
                .param("name", list.fileName())
                .param("sha", list.sha256())
                .param("by", list.loadedBy())
                .query(Long.class)
                .single();
    }

    /** The last 20 lists loaded, newest first. */
    List<StoredList> history() {
        return jdbc.sql("""
                        select id, first_year, last_year, file_name, loaded_at,
                               array_length(string_to_array(trim(trailing E'\\n' from holidays), E'\\n'), 1) - 1 as n
                        from bank_holiday_list order by id desc limit 20""")
                .query((rs, n) -> new StoredList(
                        rs.getLong("id"),
                        rs.getInt("first_year"),
                        rs.getInt("last_year"),
                        rs.getInt("n"),
                        rs.getString("file_name"),
                        rs.getTimestamp("loaded_at").toInstant().atZone(UK).toLocalDateTime()))
                .list();
    }
}
