package org.safeguardinghub.section11.access;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.safeguardinghub.section11.ReturnStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts {@link ReturnAccess} decides on, read from the database: a return with the partnerships of its cycle,
 * and whether a person is assigned to it, invited to it, or in a partnership its agency or cycle serves. It decides
 * nothing itself.
 */
@Repository
class ReturnAccessRecords {

    private final JdbcClient jdbc;

    ReturnAccessRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean assigned(long returnId, long partnershipId, long userId) {
        return jdbc.sql("""
                        select exists (select 1 from s11_assignment
                                       where return_id = :r and partnership_id = :p and panel_member_id = :u)""")
                .param("r", returnId)
                .param("p", partnershipId)
                .param("u", userId)
                .query(Boolean.class)
                .single();
    }

    boolean serves(long agencyId, long partnershipId) {
        return jdbc.sql("""
                        select exists (select 1 from agency_partnership_view
                                       where agency_id = :a and partnership_id = :p)""")
                .param("a", agencyId)
                .param("p", partnershipId)
                .query(Boolean.class)
                .single();
    }

    boolean contributor(long userId, long returnId) {
        return jdbc.sql("select exists (select 1 from s11_contributor where return_id = :r and user_id = :u)")
                .param("r", returnId)
                .param("u", userId)
                .query(Boolean.class)
                .single();
    }

    boolean cycleInPartnership(long cycleId, long partnershipId) {
        return jdbc.sql("""
                        select exists (select 1 from s11_cycle_partnership
                                       where cycle_id = :c and partnership_id = :p)""")
                .param("c", cycleId)
                .param("p", partnershipId)
                .query(Boolean.class)
                .single();
    }

    Optional<ReturnRef> find(long returnId) {
        Set<Long> partnerships = new HashSet<>(
                jdbc.sql("""
                        select cp.partnership_id from s11_cycle_partnership cp
                        join s11_return r on r.cycle_id = cp.cycle_id where r.id = :id""").param("id", returnId).query(Long.class).list());
        return jdbc.sql("""
                        select r.id, r.cycle_id, c.name as cycle_name, r.agency_id, a.name as agency_name,
                               r.template_id, r.status, r.version, c.published_at is not null as published
                        from s11_return r
                        join s11_cycle c on c.id = r.cycle_id
                        join agency_view a on a.id = r.agency_id
                        where r.id = :id""")
                .param("id", returnId)
                .query((rs, n) -> new ReturnRef(
                        rs.getLong("id"),
                        rs.getLong("cycle_id"),
                        rs.getString("cycle_name"),
                        rs.getLong("agency_id"),
                        rs.getString("agency_name"),
                        rs.getLong("template_id"),
                        ReturnStatus.valueOf(rs.getString("status")),
                        rs.getInt("version"),
                        Set.copyOf(partnerships),
                        rs.getBoolean("published")))
                .optional();
    }
}
