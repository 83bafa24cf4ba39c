package org.safeguardinghub.organisation;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link FirstPartnership}: finds the first partnership with an agency, and writes a partnership,
 * a local authority agency and the link between them when there is none yet.
 */
@Repository
class FirstPartnershipRecords {

    private final JdbcClient jdbc;

    FirstPartnershipRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first partnership and its first agency, if any partnership has one. */
    Optional<FirstPartnership.Ids> existing() {
        return jdbc.sql("""
                        select p.id as partnership, ap.agency_id as agency from partnership p
                        join agency_partnership ap on ap.partnership_id = p.id
                        order by p.id, ap.agency_id limit 1""")
                .query((rs, n) -> new FirstPartnership.Ids(rs.getLong("partnership"), rs.getLong("agency")))
                .optional();
    }

    long insertPartnership(String name, String shortName) {
        return jdbc.sql("insert into partnership (name, short_name) values (:n, :s) returning id")
                .param("n", name)
                .param("s", shortName)
                .query(Long.class)
                .single();
    }

    /** A local authority agency (local government sector) serving the partnership. */
    long insertLocalAuthority(String name, long partnershipId) {
        long agency = jdbc.sql("""
                        insert into agency (name, agency_type, sector) values (:n, 'LOCAL_AUTHORITY', 'LOCAL_GOVERNMENT')
                        returning id""").param("n", name).query(Long.class).single();
        jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p)")
                .param("a", agency)
                .param("p", partnershipId)
                .update();
        return agency;
    }
}
