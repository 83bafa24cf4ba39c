package org.safeguardinghub.casereviews.cases;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a partnership's case review settings are kept: one row of {@code case_review_setting} per partnership that
 * changed the default, with a version so two people changing it at once cannot overwrite each other.
 */
@Repository
class CaseSettingRecords {

    private final JdbcClient jdbc;

    CaseSettingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The partnership's row, if it has one. */
    Optional<CaseSettings.Setting> find(long partnershipId) {
        return jdbc.sql("select rapid_review_start, version from case_review_setting where partnership_id = :p")
                .param("p", partnershipId)
                .query((rs, n) -> new CaseSettings.Setting(
                        RapidReviewStart.valueOf(rs.getString("rapid_review_start")), rs.getInt("version")))
                .optional();
    }

    /** Writes the start if the row is still at {@code version} (or absent); false when someone else changed it. */
    boolean saveRapidReviewStart(long partnershipId, RapidReviewStart start, String by, int version) {
        return jdbc.sql("""
                        insert into case_review_setting (partnership_id, rapid_review_start, updated_by, version)
                        values (:p, :start, :by, 1)
                        on conflict (partnership_id) do update
                           set rapid_review_start = excluded.rapid_review_start, updated_by = excluded.updated_by,
                               updated_at = now(), version = case_review_setting.version + 1
                         where case_review_setting.version = :version""")
                        .param("p", partnershipId)
                        .param("start", start.name())
                        .param("by", by)
                        .param("version", version)
                        .update()
                == 1;
    }
}
