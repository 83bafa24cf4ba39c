package org.safeguardinghub.section11.overview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.Section11Access;
import org.safeguardinghub.section11.cycles.Cycle;
import org.safeguardinghub.section11.cycles.Cycles;
import org.safeguardinghub.shared.SharedAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the Section 11 landing page shows a person, section by section according to what they may do: the business
 * team's cycles, the agency's own returns, returns a practitioner was invited to, returns assigned to a panel
 * member, and published analyses. Everything is within the person's current partnership.
 */
@Service
public class Section11Overview {

    private final JdbcClient jdbc;
    private final Cycles cycles;

    Section11Overview(JdbcClient jdbc, Cycles cycles) {
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    /** A return as a row on the landing page. */
    record ReturnRow(
            long returnId,
            long cycleId,
            String cycleName,
            String agencyName,
            ReturnStatus status,
            LocalDate closesOn,
            @Nullable OffsetDateTime submittedAt) {}

    record View(
            boolean manages,
            List<Cycle> cycles,
            boolean agencyLead,
            List<ReturnRow> agencyReturns,
            boolean invitable,
            List<ReturnRow> invitedReturns,
            boolean moderates,
            List<ReturnRow> assignedReturns,
            boolean readsReports,
            List<Cycle> published) {}

    public View of(Actor actor) {
        boolean manages = actor.can(Section11Access.SECTION11_MANAGE);
        boolean responds = actor.can(Section11Access.SECTION11_RESPOND) && actor.agencyId() != null;
        boolean agencyLead = responds && actor.isIn(Audience.AGENCY_LEAD);
        boolean moderates = actor.can(Section11Access.SECTION11_MODERATE);
        boolean readsReports = actor.can(SharedAccess.REPORTS_VIEW) || manages;
        List<Cycle> partnershipCycles = cycles.inPartnership(actor.partnershipId());
        return new View(
                manages,
                manages ? partnershipCycles : List.of(),
                agencyLead,
                agencyLead ? agencyReturns(actor) : List.of(),
                responds && !agencyLead,
                responds && !agencyLead ? invitedReturns(actor) : List.of(),
                moderates,
                moderates ? assignedReturns(actor) : List.of(),
                readsReports,
                readsReports
                        ? partnershipCycles.stream().filter(Cycle::published).toList()
                        : List.of());
    }

    private static final String RETURN_COLUMNS = """
            select r.id, c.id as cycle_id, c.name as cycle_name, a.name as agency_name, r.status, c.closes_on,
                   r.submitted_at
            from s11_return r join s11_cycle c on c.id = r.cycle_id join agency_view a on a.id = r.agency_id
            """;

    private static final String IN_PARTNERSHIP =
            " exists (select 1 from s11_cycle_partnership cp where cp.cycle_id = c.id and cp.partnership_id = :p) ";

    private List<ReturnRow> agencyReturns(Actor actor) {
        return jdbc.sql(RETURN_COLUMNS + " where r.agency_id = :a and" + IN_PARTNERSHIP
                        + " order by c.closes_on desc, c.id desc")
                .param("a", actor.agencyId())
                .param("p", actor.partnershipId())
                .query((rs, n) -> row(rs))
                .list();
    }

    private List<ReturnRow> invitedReturns(Actor actor) {
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

    private List<ReturnRow> assignedReturns(Actor actor) {
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
