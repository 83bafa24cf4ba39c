package org.safeguardinghub.performance.returns;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.platform.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data for returns: agencies and items with unique names, so tests never depend on the demo catalogue. */
final class ReturnFixtures {

    private static final Random RANDOM = new Random();

    private final JdbcClient jdbc;
    private final Principals principals;

    ReturnFixtures(JdbcClient jdbc, Principals principals) {
        this.jdbc = jdbc;
        this.principals = principals;
    }

    long kent() {
        return jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
    }

    long kentPolice() {
        return jdbc.sql("select id from agency where name = 'Kent Police'")
                .query(Long.class)
                .single();
    }

    Actor actor(String email) {
        return (Actor) principals.loadUserByUsername(email);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A new agency in Kent: its returns hold only the items a test gives it. */
    long newAgency() {
        String name = "Returns Test Agency " + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("insert into agency (name, agency_type, sector) values (:n, 'EARLY_YEARS', 'EARLY_YEARS')"
                        + " returning id")
                .param("n", name)
                .query(Long.class)
                .single();
        jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p)")
                .param("a", id)
                .param("p", kent())
                .update();
        return id;
    }

    String agencyName(long agency) {
        return jdbc.sql("select name from agency where id = :id")
                .param("id", agency)
                .query(String.class)
                .single();
    }

    /** A monthly count item for an agency; returns its code. */
    String item(long agency, boolean required, @Nullable Integer max, String... breakdowns) {
        String code = unique("t_");
        jdbc.sql("insert into data_item (partnership_id, code, name, definition, value_kind, period_type, frequency,"
                        + " source_agency_id, breakdowns, required, min_value, max_value)"
                        + " values (:p, :c, :n, 'A test item', 'COUNT', 'MONTHLY', 'MONTHLY', :a, :b, :r, 0, :max)")
                .param("p", kent())
                .param("c", code)
                .param("n", "Test item " + code)
                .param("a", agency)
                .param("b", breakdowns)
                .param("r", required)
                .param("max", max)
                .update();
        return code;
    }

    /** A month for which the agency has no return yet (for agencies that already have returns, like Kent Police). */
    LocalDate freshMonth(long agency) {
        for (int attempt = 0; attempt < 200; attempt++) {
            LocalDate end = Period.containing(
                            Frequency.MONTHLY, LocalDate.of(2015 + RANDOM.nextInt(9), 1 + RANDOM.nextInt(12), 1))
                    .end();
            // no return yet, and no stored figure either (Kent's published figures are kept as published)
            long n = jdbc.sql("select (select count(*) from data_return where agency_id = :a and period_end = :e"
                            + " and frequency = 'MONTHLY')"
                            + " + (select count(*) from data_value where agency_id = :a and period_end = :e)")
                    .param("a", agency)
                    .param("e", end)
                    .query(Long.class)
                    .single();
            if (n == 0) {
                return end;
            }
        }
        throw new IllegalStateException("No free month for the test");
    }

    String status(long returnId) {
        return jdbc.sql("select status from data_return where id = :id")
                .param("id", returnId)
                .query(String.class)
                .single();
    }

    int version(long returnId) {
        return jdbc.sql("select version from data_return where id = :id")
                .param("id", returnId)
                .query(Integer.class)
                .single();
    }

    @Nullable
    String taskStatus(long returnId, String sourceType) {
        return jdbc.sql("select status from task where source_type = :t and source_id = :s")
                .param("t", sourceType)
                .param("s", String.valueOf(returnId))
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
