package org.safeguardinghub.casereviews.cases;

import java.util.Map;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partnership's case review settings: for now, when its rapid review clock starts ({@link RapidReviewStart}). A
 * partnership without a row uses the default (from notification). The business team changes it; every change is
 * audited.
 */
@Service
public class CaseSettings {

    /** The setting as stored, with the version a form must send back. */
    public record Setting(RapidReviewStart rapidReviewStart, int version) {}

    private final CaseSettingRecords records;
    private final AuditTrail audit;

    CaseSettings(CaseSettingRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    /** When the partnership's rapid review clock starts. */
    @Transactional(readOnly = true)
    public RapidReviewStart rapidReviewStart(long partnershipId) {
        return setting(partnershipId).rapidReviewStart();
    }

    @Transactional(readOnly = true)
    public Setting setting(long partnershipId) {
        return records.find(partnershipId).orElse(new Setting(RapidReviewStart.NOTIFICATION, 0));
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
        boolean saved = records.saveRapidReviewStart(actor.partnershipId(), start, actor.displayName(), version);
        if (!saved || before.version() != version) {
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
