package org.safeguardinghub.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the very first start of a production Hub: makes sure one partnership and one agency exist, so the first
 * administrator has somewhere to belong. Does nothing once any partnership exists.
 */
@Service
public class FirstPartnership {

    private final JdbcClient jdbc;

    FirstPartnership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Ids(long partnershipId, long agencyId) {}

    @Transactional
    public Ids ensure(String partnershipName, String shortName, String agencyName) {
        var existing = jdbc.sql("""
                        select p.id as partnership, ap.agency_id as agency from partnership p
                        join agency_partnership ap on ap.partnership_id = p.id
                        order by p.id, ap.agency_id limit 1""")
                .query((rs, n) -> new Ids(rs.getLong("partnership"), rs.getLong("agency")))
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long partnership = jdbc.sql("insert into partnership (name, short_name) values (:n, :s) returning id")
                .param("n", partnershipName)
                .param("s", shortName)
                .query(Long.class)
                .single();
        long agency = jdbc.sql("""
                        insert into agency (name, agency_type, sector) values (:n, 'LOCAL_AUTHORITY', 'LOCAL_GOVERNMENT')
                        returning id""").param("n", agencyName).query(Long.class).single();
        jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p)")
                .param("a", agency)
                .param("p", partnership)
                .update();
        return new Ids(partnership, agency);
    }
}
