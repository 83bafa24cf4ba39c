package org.safeguardinghub.section11.cycles;

import org.safeguardinghub.section11.Section11Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Agencies of a chosen type for the cycle tests (the shared fixture only makes voluntary sector ones). */
final class CycleTestData {

    private final JdbcClient jdbc;

    CycleTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long agency(String type, long... partnerships) {
        long id = jdbc.sql("insert into agency (name, agency_type, sector) values (:n, :t, 'VOLUNTARY_AND_COMMUNITY')"
                        + " returning id")
                .param("n", Section11Fixtures.unique("S11 " + type))
                .param("t", type)
                .query(Long.class)
                .single();
        for (long p : partnerships) {
            jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p)")
                    .param("a", id)
                    .param("p", p)
                    .update();
        }
        return id;
    }
}
