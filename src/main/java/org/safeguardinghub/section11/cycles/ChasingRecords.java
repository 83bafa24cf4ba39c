package org.safeguardinghub.section11.cycles;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL behind {@link Section11Chasing}: the returns of opened, unpublished cycles by partnership, and each
 * partnership's count of a cycle's overdue returns. Which tasks to raise or close is the chasing's business.
 */
@Repository
class ChasingRecords {

    /** A return of an open, unpublished cycle, once per partnership of the cycle its agency serves. */
    record Due(
            long returnId,
            long cycleId,
            String cycleName,
            LocalDate closesOn,
            long agencyId,
            long partnershipId,
            boolean received) {}

    /** A cycle run by a partnership, with how many of its returns are overdue. */
    record CycleCount(long cycleId, String cycleName, long partnershipId, int overdue, boolean published) {}

    private final JdbcClient jdbc;

    ChasingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every return of an unpublished cycle that has opened, once per partnership of the cycle its agency serves. */
    List<Due> dueReturns(LocalDate today) {
        return jdbc.sql("""
                        select r.id as return_id, c.id as cycle_id, c.name as cycle_name, c.closes_on, r.agency_id,
                               cp.partnership_id, r.status in ('SUBMITTED', 'MODERATED') as received
                        from s11_return r
                        join s11_cycle c on c.id = r.cycle_id
                        join s11_cycle_partnership cp on cp.cycle_id = c.id
                        join agency_partnership_view ap on ap.agency_id = r.agency_id
                             and ap.partnership_id = cp.partnership_id
                        join partnership_view p on p.id = cp.partnership_id and p.archived_at is null
                        where c.published_at is null and c.opens_on <= :today
                        order by c.id, r.id, cp.partnership_id""")
                .param("today", today)
                .query((rs, n) -> new Due(
                        rs.getLong("return_id"),
                        rs.getLong("cycle_id"),
                        rs.getString("cycle_name"),
                        rs.getObject("closes_on", LocalDate.class),
                        rs.getLong("agency_id"),
                        rs.getLong("partnership_id"),
                        rs.getBoolean("received")))
                .list();
    }

    /** Every cycle that has opened, once per partnership running it, with its overdue count as of today. */
    List<CycleCount> overdueCounts(LocalDate today) {
        return jdbc.sql("""
                        select c.id, c.name, cp.partnership_id,
                               (select count(*) from s11_return r where r.cycle_id = c.id
                                  and r.status in ('NOT_STARTED', 'IN_PROGRESS') and c.closes_on < :today) as overdue,
                               c.published_at is not null as published
                        from s11_cycle c join s11_cycle_partnership cp on cp.cycle_id = c.id
                        where c.opens_on <= :today
                        order by c.id, cp.partnership_id""")
                .param("today", today)
                .query((rs, n) -> new CycleCount(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getLong("partnership_id"),
                        rs.getInt("overdue"),
                        rs.getBoolean("published")))
                .list();
    }
}
