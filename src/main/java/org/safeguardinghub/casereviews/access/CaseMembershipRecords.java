package org.safeguardinghub.casereviews.access;

import java.util.List;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query behind review membership: which Hub accounts may be named as members of a rapid or practice review.
 * The stores of referrals and practice reviews call it with their own connection, so the choice of accounts is
 * written once for both.
 */
public final class CaseMembershipRecords {

    private CaseMembershipRecords() {}

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
}
