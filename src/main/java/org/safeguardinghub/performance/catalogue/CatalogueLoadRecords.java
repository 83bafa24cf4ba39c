package org.safeguardinghub.performance.catalogue;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which catalogue file versions each partnership has loaded ({@code catalogue_file_load}), and the partnership
 * lookups the loader needs: by short name, and a row lock so two instances starting together load a file once.
 */
@Repository
class CatalogueLoadRecords {

    private final JdbcClient jdbc;

    CatalogueLoadRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> partnershipNamed(String shortName) {
        return jdbc.sql("select id from partnership_view where short_name = :s")
                .param("s", shortName)
                .query(Long.class)
                .optional();
    }

    /** Locks the partnership's row until the transaction ends. */
    void lockPartnership(long partnershipId) {
        jdbc.sql("select id from partnership_view where id = :p for update")
                .param("p", partnershipId)
                .query(Long.class)
                .single();
    }

    /** The newest version of the file loaded for the partnership, 0 when none. */
    int loadedVersion(long partnershipId, String fileName) {
        return jdbc.sql("""
                        select coalesce(max(file_version), 0) from catalogue_file_load
                        where partnership_id = :p and file_name = :f""")
                .param("p", partnershipId)
                .param("f", fileName)
                .query(Integer.class)
                .single();
    }

    void recordLoad(long partnershipId, String fileName, int version) {
        jdbc.sql("""
                        insert into catalogue_file_load (partnership_id, file_name, file_version)
                        values (:p, :f, :v)
                        on conflict (partnership_id, file_name)
                        do update set file_version = excluded.file_version, loaded_at = now()""")
                .param("p", partnershipId)
                .param("f", fileName)
                .param("v", version)
                .update();
    }
}
