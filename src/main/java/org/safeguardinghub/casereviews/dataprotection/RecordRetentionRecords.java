package org.safeguardinghub.casereviews.dataprotection;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The retention schedule of case records as the data protection page shows it: for each kind of record, how long it
 * is kept, on what lawful basis, and what is left out of it on purpose.
 */
@Repository
public class RecordRetentionRecords {

    /** One kind of record's retention rule. */
    public record Retention(
            String recordType,
            String keptFor,
            String basis,
            @Nullable String minimised) {}

    private final JdbcClient jdbc;

    RecordRetentionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule, by record type. */
    public List<Retention> all() {
        return jdbc.sql("""
                        select record_type, kept_for, basis, minimised from record_retention order by record_type""").query(Retention.class).list();
    }
}
