package org.safeguardinghub.organisation.partnerships;

import java.util.List;
import java.util.Optional;
import org.safeguardinghub.organisation.PartnershipSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partnerships hosted by this deployment. */
@Repository
public class Partnerships {

    private final JdbcClient jdbc;

    Partnerships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PartnershipSummary> all(boolean includeArchived) {
        return jdbc.sql("""
                        select id, name, short_name, archived_at is not null as archived from partnership
                        where :archived or archived_at is null order by name""")
                .param("archived", includeArchived)
                .query(PartnershipSummary.class)
                .list();
    }

    public Optional<PartnershipSummary> byId(long id) {
        return jdbc.sql("select id, name, short_name, archived_at is not null as archived from partnership where id = :id")
                .param("id", id)
                .query(PartnershipSummary.class)
                .optional();
    }
}
