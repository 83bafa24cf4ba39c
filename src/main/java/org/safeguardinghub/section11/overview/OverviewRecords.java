package org.safeguardinghub.section11.overview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.overview.Section11Overview.ReturnRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queries behind the Section 11 landing page: the returns of the person's agency, the returns they were invited
 * to help with and the returns assigned to them as a panel member, each within their current partnership.
 */
@Repository
class OverviewRecords {

    private final JdbcClient jdbc;

    OverviewRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String RETURN_COLUMNS = """
            select r.id, c.id as cycle_id, c.name as cycle_name, a.name as agency_name, r.status, c.closes_on,
                   r.submitted_at
            from s11_return r join s11_cycle c on c.id = r.cycle_id join agency_view a on a.id = r.agency_id
            """;

    private static final String IN_PARTNERSHIP =
            " exists (select 1 from s11_cycle_partnership cp where cp.cycle_id = c.id and cp.partnership_id = :p) ";

    List<ReturnRow> agencyReturns(Actor actor) {
        return jdbc.sql(RETURN_COLUMNS + " where r.agency_id = :a and" + IN_PARTNERSHIP
                        + " order by c.closes_on desc, c.id desc")
                .param("a", actor.agencyId())
                .param("p", actor.partnershipId())
                .query((rs, n) -> row(rs))
                .list();
    }

    List<ReturnRow> invitedReturns(Actor actor) {
        return jdbc.sql(RETURN_COLUMNS + """
                         where r.agency_id = :a
                           and exists (select 1 from s11_contributor sc where sc.return_id = r.id and sc.user_id = :u)
                           and""" + IN_PARTNERSHIP + " order by c.closes_on desc, c.id desc")
                .param("a", actor.agencyId())
                .param("u", actor.userId())
                .param("p", actor.partnershipId())
                .query((rs, n) -> row(rs))
                .list();
    }

    List<ReturnRow> assignedReturns(Actor actor) {
        return jdbc.sql(RETURN_COLUMNS + """
                         where exists (select 1 from s11_assignment sa where sa.return_id = r.id
                                       and sa.partnership_id = :p and sa.panel_member_id = :u)
                         order by c.closes_on desc, a.name""")
                .param("u", actor.userId())
                .param("p", actor.partnershipId())
                .query((rs, n) -> row(rs))
                .list();
    }

    private static ReturnRow row(ResultSet rs) throws SQLException {
        return new ReturnRow(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getString("cycle_name"),
                rs.getString("agency_name"),
                ReturnStatus.valueOf(rs.getString("status")),
                rs.getObject("closes_on", LocalDate.class),
                rs.getObject("submitted_at", OffsetDateTime.class));
    }
}
