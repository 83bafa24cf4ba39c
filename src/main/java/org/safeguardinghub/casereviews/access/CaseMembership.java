package org.safeguardinghub.casereviews.access;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who reads which case: need to know by review membership. The business team (who run case reviews) reads every
 * case of its partnership; a panel member reads a referral only when their Hub account is a member of its rapid
 * review or of a practice review commissioned from it, and a practice review only when they are on its panel or on
 * the rapid review of its referral. Everything else is a 404, as if it did not exist.
 *
 * <p>The rules are SQL conditions, so lists are filtered in the query itself; they take the named parameter {@code
 * :member}, which is null for readers of every case ({@link #limitedTo}).
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

    /**
     * The Hub accounts that can be named as members: active people holding the panel member role in the partnership,
     * "name (agency)". Read with the business team's all-agency scope.
     */
    public static List<Option> panelAccounts(JdbcClient jdbc, long partnershipId) {
        return jdbc.sql("""
                        select u.id, u.display_name || ' (' || a.name || ')' as label
                        from app_user_view u join user_role_view r on r.user_id = u.id join agency_view a on a.id = u.agency_id
                        where r.partnership_id = :p and r.role = :role and u.status = 'ACTIVE'
                        order by u.display_name, u.id""")
                .param("p", partnershipId)
                .param("role", Audience.PANEL_MEMBER.roleName())
                .query((rs, n) -> Option.of(rs.getLong("id"), rs.getString("label")))
                .list();
    }

    /** Whether the account may be named as a member in the partnership (one of {@link #panelAccounts}). */
    public static boolean isPanelAccount(JdbcClient jdbc, long partnershipId, long userId) {
        return panelAccounts(jdbc, partnershipId).stream()
                .anyMatch(o -> o.value().equals(String.valueOf(userId)));
    }
}
