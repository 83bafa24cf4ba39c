package org.safeguardinghub.casereviews.cases;

import java.util.Map;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partnership's case review settings: for now, when its rapid review clock starts ({@link RapidReviewStart}). A
 * partnership without a row uses the default (from notification). The business team changes it; every change is
 * audited.
 */
@Service
class CaseSettings {

    /** The setting as stored, with the version a form must send back. */
    record Setting(RapidReviewStart rapidReviewStart, int version) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CaseSettings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** When the partnership's rapid review clock starts. */
    @Transactional(readOnly = true)
    public RapidReviewStart rapidReviewStart(long partnershipId) {
        return setting(partnershipId).rapidReviewStart();
    }

    @Transactional(readOnly = true)
    public Setting setting(long partnershipId) {
        return jdbc.sql("select rapid_review_start, version from case_review_setting where partnership_id = :p")
                .param("p", partnershipId)
                .query((rs, n) ->
                        new Setting(RapidReviewStart.valueOf(rs.getString("rapid_review_start")), rs.getInt("version")))
                .optional()
                .orElse(new Setting(RapidReviewStart.NOTIFICATION, 0));
    }

    /**
     * Changes when the actor's partnership's rapid review clock starts; open and past clocks are shown from the new
     * start at once (the start is a way of counting, not a fact about a case).
     *
     * @throws ConcurrentEditException when someone else changed it since {@code version} was read
     */
    @Transactional
    public void changeRapidReviewStart(Actor actor, RapidReviewStart start, int version) {
        if (!actor.can(CaseReviewsAccess.CASES_MANAGE)) {
            throw new AccessDeniedException("Only the business team changes case review settings");
        }
        Setting before = setting(actor.partnershipId());
        int changed = jdbc.sql("""
                        insert into case_review_setting (partnership_id, rapid_review_start, updated_by, version)
                        values (:p, :start, :by, 1)
                        on conflict (partnership_id) do update
                           set rapid_review_start = excluded.rapid_review_start, updated_by = excluded.updated_by,
                               updated_at = now(), version = case_review_setting.version + 1
                         where case_review_setting.version = :version""")
                .param("p", actor.partnershipId())
                .param("start", start.name())
                .param("by", actor.displayName())
                .param("version", version)
                .update();
        if (changed != 1 || before.version() != version) {
            throw new ConcurrentEditException("The rapid review setting");
        }
        audit.changed(
                AuditAction.UPDATE,
                "case_review_setting",
                actor.partnershipId(),
                Map.of("rapidReviewStart", before.rapidReviewStart().name()),
                Map.of("rapidReviewStart", start.name()));
    }
}
