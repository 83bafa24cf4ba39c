package org.safeguardinghub.casereviews.access;

import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.platform.security.Actor;

/**
 * Who reads which case: need to know by review membership. The business team (who run case reviews) reads every
 * case of its partnership; a panel member reads a referral only when their Hub account is a member of its rapid
 * review or of a practice review commissioned from it, and a practice review only when they are on its panel or on
 * the rapid review of its referral. Everything else is a 404, as if it did not exist.
 *
 * <p>The rules are SQL conditions, so lists are filtered in the query itself; they take the named parameter {@code
 * :member}, which is null for readers of every case ({@link #limitedTo}). Who may be named a member is asked of
 * {@link CaseMembershipRecords}.
 */
public final class CaseMembership {

    private CaseMembership() {}

    /** The account whose membership limits what the actor reads, or null when they read every case. */
    public static @Nullable Long limitedTo(Actor actor) {
        return actor.can(CaseReviewsAccess.CASES_MANAGE) ? null : actor.userId();
    }

    /** A condition on a referral (table alias given) that the reader may see it. */
    public static String referral(String alias) {
        return "(cast(:member as bigint) is null"
                + " or exists (select 1 from rapid_review mrr join rapid_review_member mm on mm.rapid_review_id = mrr.id"
                + " where mrr.referral_id = " + alias + ".id and mm.user_id = :member)"
                + " or exists (select 1 from practice_review mpr"
                + " join practice_review_member mpm on mpm.practice_review_id = mpr.id"
                + " where mpr.referral_id = " + alias + ".id and mpm.user_id = :member))";
    }

    /** A condition on a practice review (table alias given) that the reader may see it. */
    public static String practiceReview(String alias) {
        return "(cast(:member as bigint) is null"
                + " or exists (select 1 from practice_review_member mpm where mpm.practice_review_id = " + alias
                + ".id and mpm.user_id = :member)"
                + " or exists (select 1 from rapid_review mrr join rapid_review_member mm on mm.rapid_review_id = mrr.id"
                + " where mrr.referral_id = " + alias + ".referral_id and mm.user_id = :member))";
    }
}
