package org.safeguardinghub.organisation.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds demo agencies for other modules' demos (the Section 11 demo's forty agencies), as the demo script adds Kent's:
 * straight into organisation's tables, in the caller's transaction.
 */
@Component
public class DemoAgencies {

    private final JdbcClient jdbc;

    DemoAgencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agency of that name (any case), added if there is none. */
    public long ensure(String name, String type, String sector) {
        return jdbc.sql("select id from agency where lower(name) = lower(:n)")
                .param("n", name)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql(
                                "insert into agency (name, agency_type, sector) values (:n, :t, :s)" + " returning id")
                        .param("n", name)
                        .param("t", type)
                        .param("s", sector)
                        .query(Long.class)
                        .single());
    }

    /** Records that the agency serves the partnership (nothing if it already does). */
    public void serves(long agency, long partnership) {
        jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p) on conflict do nothing")
                .param("a", agency)
                .param("p", partnership)
                .update();
    }
}
