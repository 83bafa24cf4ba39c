package org.safeguardinghub.section11.cycles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.cycles.Cycle.PartnershipRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of audit cycles: the cycles with their counts and partnerships, the returns expected in them and the
 * agencies that could be, and the writes {@link Cycles} decides on. Rows are mapped first and the cycle's
 * partnerships read afterwards, never from inside a row mapper.
 */
@Repository
class CycleRecords {

    private final JdbcClient jdbc;

    CycleRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select c.id, c.name, c.opens_on, c.closes_on, c.moderation_from, c.moderation_to, c.previous_cycle_id,
                   prev.name as previous_name, c.published_at, c.created_by_name, c.version,
                   (select count(*) from s11_return r where r.cycle_id = c.id) as expected,
                   (select count(*) from s11_return r where r.cycle_id = c.id
                     and r.status in ('SUBMITTED', 'MODERATED')) as received
            from s11_cycle c left join s11_cycle prev on prev.id = c.previous_cycle_id
            """;

    /** The cycles a partnership runs, newest first. */
    List<Cycle> inPartnership(long partnershipId) {
        return jdbc.sql(SELECT + """
                        where exists (select 1 from s11_cycle_partnership cp
                                      where cp.cycle_id = c.id and cp.partnership_id = :p)
                        order by c.opens_on desc, c.id desc""").param("p", partnershipId).query((rs, n) -> cycle(rs)).list().stream()
                .map(this::withPartnerships)
                .toList();
    }

    /** The cycle with this id, with its partnerships. */
    Optional<Cycle> find(long cycleId) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", cycleId)
                .query((rs, n) -> cycle(rs))
                .optional()
                .map(this::withPartnerships);
    }

    /**
     * Row mapping only: a query inside a row mapper would take a second connection while the first is still open,
     * and with as many such requests as the pool has connections every one of them waits for a second until the
     * pool's timeout (sixteen signed-in requests on a pool of four answered 503 after 30 s).
     */
    private Cycle cycle(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Cycle(
                id,
                rs.getString("name"),
                rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class),
                rs.getObject("moderation_from", LocalDate.class),
                rs.getObject("moderation_to", LocalDate.class),
                rs.getObject("previous_cycle_id", Long.class),
                rs.getString("previous_name"),
                rs.getObject("published_at", OffsetDateTime.class),
                rs.getString("created_by_name"),
                rs.getInt("version"),
                List.of(), // filled in once the rows are read: see withPartnerships
                rs.getInt("expected"),
                rs.getInt("received"));
    }

    private Cycle withPartnerships(Cycle c) {
        return new Cycle(
                c.id(),
                c.name(),
                c.opensOn(),
                c.closesOn(),
                c.moderationFrom(),
                c.moderationTo(),
                c.previousCycleId(),
                c.previousCycleName(),
                c.publishedAt(),
                c.createdByName(),
                c.version(),
                partnerships(c.id()),
                c.expected(),
                c.received());
    }

    private List<PartnershipRef> partnerships(long cycleId) {
        return jdbc.sql("""
                        select p.id, p.name, p.short_name from s11_cycle_partnership cp
                        join partnership_view p on p.id = cp.partnership_id
                        where cp.cycle_id = :c order by p.name""")
                .param("c", cycleId)
                .query((rs, n) ->
                        new PartnershipRef(rs.getLong("id"), rs.getString("name"), rs.getString("short_name")))
                .list();
    }

    /** Adds the cycle; returns its id. */
    long insert(String createdBy, CycleInput input) {
        return withInput("""
                        insert into s11_cycle (name, opens_on, closes_on, moderation_from, moderation_to,
                                               previous_cycle_id, created_by_name)
                        values (:name, :opens, :closes, :mf, :mt, :prev, :by) returning id""", input).param("by", createdBy).query(Long.class).single();
    }

    /** Changes the cycle if it is still at {@code version}; returns the rows changed. */
    int update(long cycleId, int version, CycleInput input) {
        return withInput("""
                        update s11_cycle set name = :name, opens_on = :opens, closes_on = :closes,
                               moderation_from = :mf, moderation_to = :mt, previous_cycle_id = :prev,
                               version = version + 1
                        where id = :id and version = :version""", input)
                .param("id", cycleId)
                .param("version", version)
                .update();
    }

    /** The statement with the cycle's fields of the input bound by name. */
    private JdbcClient.StatementSpec withInput(String sql, CycleInput input) {
        return jdbc.sql(sql)
                .param("name", input.name())
                .param("opens", input.opensOn())
                .param("closes", input.closesOn())
                .param("mf", input.moderationFrom())
                .param("mt", input.moderationTo())
                .param("prev", input.previousCycleId());
    }

    /** Takes every partnership out of the cycle. */
    void clearPartnerships(long cycleId) {
        jdbc.sql("delete from s11_cycle_partnership where cycle_id = :c")
                .param("c", cycleId)
                .update();
    }

    /** Brings the input's partnerships into the cycle. */
    void addPartnerships(long cycleId, CycleInput input) {
        for (long p : input.partnershipIds()) {
            jdbc.sql("insert into s11_cycle_partnership (cycle_id, partnership_id) values (:c, :p)")
                    .param("c", cycleId)
                    .param("p", p)
                    .update();
        }
    }

    /** The current partnerships in which the person holds one of these roles. */
    Set<Long> partnershipsWithRoles(long userId, List<String> roles) {
        return new LinkedHashSet<>(jdbc.sql("""
                        select distinct ur.partnership_id from user_role_view ur
                        join partnership_view p on p.id = ur.partnership_id
                        where ur.user_id = :u and ur.role in (:roles) and p.archived_at is null""")
                .param("u", userId)
                .param("roles", roles)
                .query(Long.class)
                .list());
    }

    /** Whether a partnership already has moderation, assignments or meetings in the cycle (so must stay in it). */
    boolean hasWorkIn(long cycleId, long partnershipId) {
        return jdbc.sql("""
                        select exists (select 1 from s11_assignment a join s11_return r on r.id = a.return_id
                                       where r.cycle_id = :c and a.partnership_id = :p)
                            or exists (select 1 from s11_moderated_score m join s11_return r on r.id = m.return_id
                                       where r.cycle_id = :c and m.partnership_id = :p)
                            or exists (select 1 from s11_panel_meeting where cycle_id = :c and partnership_id = :p)""")
                .param("c", cycleId)
                .param("p", partnershipId)
                .query(Boolean.class)
                .single();
    }

    /** The agencies expected to return, by name. */
    List<ExpectedReturn> expected(long cycleId) {
        return jdbc.sql("""
                        select r.id, r.agency_id, a.name as agency_name, a.agency_type, r.template_id,
                               t.name as template_name, t.version as template_version, r.status, r.submitted_at
                        from s11_return r join agency_view a on a.id = r.agency_id
                        join s11_template t on t.id = r.template_id
                        where r.cycle_id = :c order by a.name""")
                .param("c", cycleId)
                .query((rs, n) -> new ExpectedReturn(
                        rs.getLong("id"),
                        rs.getLong("agency_id"),
                        rs.getString("agency_name"),
                        AgencyType.valueOf(rs.getString("agency_type")),
                        rs.getLong("template_id"),
                        rs.getString("template_name"),
                        rs.getInt("template_version"),
                        ReturnStatus.valueOf(rs.getString("status")),
                        rs.getObject("submitted_at", OffsetDateTime.class)))
                .list();
    }

    /** Current agencies serving any partnership of the cycle that are not expected in it yet, by name. */
    List<AgencySummary> candidates(long cycleId) {
        return jdbc.sql("""
                        select a.id, a.name, a.agency_type from agency_view a
                        where a.archived_at is null
                          and exists (select 1 from agency_partnership_view ap join s11_cycle_partnership cp
                                      on cp.partnership_id = ap.partnership_id
                                      where ap.agency_id = a.id and cp.cycle_id = :c)
                          and not exists (select 1 from s11_return r where r.cycle_id = :c and r.agency_id = a.id)
                        order by a.name""")
                .param("c", cycleId)
                .query((rs, n) -> new AgencySummary(
                        rs.getLong("id"), rs.getString("name"), AgencyType.valueOf(rs.getString("agency_type")), false))
                .list();
    }

    /** Expects the agency with this template; the return's id, or empty if it was already expected. */
    Optional<Long> insertReturn(long cycleId, long agencyId, long templateId) {
        return jdbc.sql("""
                        insert into s11_return (cycle_id, agency_id, template_id) values (:c, :a, :t)
                        on conflict (cycle_id, agency_id) do nothing returning id""")
                .param("c", cycleId)
                .param("a", agencyId)
                .param("t", templateId)
                .query(Long.class)
                .optional();
    }

    /** Whether the library holds this template and it is not retired. */
    boolean templateAvailable(long templateId) {
        return jdbc.sql("select exists (select 1 from s11_template where id = :t and retired_at is null)")
                .param("t", templateId)
                .query(Boolean.class)
                .single();
    }

    /** Gives a not-started return this template; returns the rows changed. */
    int setTemplate(long returnId, long templateId) {
        return jdbc.sql("""
                        update s11_return set template_id = :t, version = version + 1, updated_at = now()
                        where id = :r and status = 'NOT_STARTED'""").param("t", templateId).param("r", returnId).update();
    }

    /**
     * Deletes a not-started return with its invitations and section ticks, the only things such a return can
     * have; returns the returns deleted.
     */
    int deleteNotStarted(long returnId) {
        jdbc.sql("delete from s11_contributor where return_id = :r")
                .param("r", returnId)
                .update();
        jdbc.sql("delete from s11_section_progress where return_id = :r")
                .param("r", returnId)
                .update();
        return jdbc.sql("delete from s11_return where id = :r and status = 'NOT_STARTED'")
                .param("r", returnId)
                .update();
    }

    /** Whether any partnership has agreed its final position on the return. */
    boolean positionAgreed(long returnId) {
        return jdbc.sql("select exists (select 1 from s11_moderation where return_id = :r)")
                .param("r", returnId)
                .query(Boolean.class)
                .single();
    }

    /** Makes a submitted return in progress again, without its declaration; returns the rows changed. */
    int reopen(long returnId) {
        return jdbc.sql("""
                        update s11_return set status = 'IN_PROGRESS', submitted_at = null, submitted_by_name = null,
                               declaration_name = null, declaration_role = null, version = version + 1,
                               updated_at = now()
                        where id = :r and status = 'SUBMITTED'""").param("r", returnId).update();
    }
}
