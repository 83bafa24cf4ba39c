package org.safeguardinghub.section11.cycles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.identity.Role;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.Section11Access;
import org.safeguardinghub.section11.TemplateVariant;
import org.safeguardinghub.section11.cycles.Cycle.PartnershipRef;
import org.safeguardinghub.section11.templates.TemplateLibrary;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit cycles and the agencies expected to return in them. Callers check that the cycle runs in the person's
 * current partnership ({@code ReturnAccess.cycleVisible}); this service keeps the rules: dates in order, a return
 * per expected agency with the template its type answers, and only returns nobody has started can be removed or
 * given another template.
 */
@Service
public class Cycles {

    static final String CYCLE = "s11-cycle";
    static final String RETURN = "s11-return";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TemplateLibrary templates;
    private final ApplicationEventPublisher events;

    Cycles(JdbcClient jdbc, AuditTrail audit, TemplateLibrary templates, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.templates = templates;
        this.events = events;
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
    public List<Cycle> inPartnership(long partnershipId) {
        return jdbc.sql(SELECT + """
                        where exists (select 1 from s11_cycle_partnership cp
                                      where cp.cycle_id = c.id and cp.partnership_id = :p)
                        order by c.opens_on desc, c.id desc""").param("p", partnershipId).query((rs, n) -> cycle(rs)).list().stream()
                .map(this::withPartnerships)
                .toList();
    }

    public Optional<Cycle> find(long cycleId) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", cycleId)
                .query((rs, n) -> cycle(rs))
                .optional()
                .map(this::withPartnerships);
    }

    public Cycle get(long cycleId) {
        return find(cycleId).orElseThrow(() -> new NotFoundException("Section 11 cycle"));
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

    @Transactional
    public long create(Actor actor, CycleInput input) {
        long id = jdbc.sql("""
                        insert into s11_cycle (name, opens_on, closes_on, moderation_from, moderation_to,
                                               previous_cycle_id, created_by_name)
                        values (:name, :opens, :closes, :mf, :mt, :prev, :by) returning id""")
                .param("name", input.name())
                .param("opens", input.opensOn())
                .param("closes", input.closesOn())
                .param("mf", input.moderationFrom())
                .param("mt", input.moderationTo())
                .param("prev", input.previousCycleId())
                .param("by", actor.displayName())
                .query(Long.class)
                .single();
        setPartnerships(id, input);
        audit.created(CYCLE, id, auditValues(get(id)));
        return id;
    }

    /** Changes the cycle if nobody has since {@code version}; otherwise refuses with the other person's values. */
    @Transactional
    public void update(Actor actor, long cycleId, int version, CycleInput input) {
        Cycle before = get(cycleId);
        int rows = jdbc.sql("""
                        update s11_cycle set name = :name, opens_on = :opens, closes_on = :closes,
                               moderation_from = :mf, moderation_to = :mt, previous_cycle_id = :prev,
                               version = version + 1
                        where id = :id and version = :version""")
                .param("name", input.name())
                .param("opens", input.opensOn())
                .param("closes", input.closesOn())
                .param("mf", input.moderationFrom())
                .param("mt", input.moderationTo())
                .param("prev", input.previousCycleId())
                .param("id", cycleId)
                .param("version", version)
                .update();
        if (rows == 0) {
            throw new ConcurrentEditException("The cycle");
        }
        jdbc.sql("delete from s11_cycle_partnership where cycle_id = :c")
                .param("c", cycleId)
                .update();
        setPartnerships(cycleId, input);
        audit.changed(AuditAction.UPDATE, CYCLE, cycleId, auditValues(before), auditValues(get(cycleId)));
    }

    /**
     * The partnerships in which this person runs Section 11 (holds a role with section11:manage): the only ones
     * they may bring into a cycle, or take out of it. Another partnership joins a joint cycle only through its own
     * business team.
     */
    public Set<Long> managedPartnerships(long userId) {
        List<String> roles = Arrays.stream(Role.values())
                .filter(r -> r.permissions().contains(Section11Access.SECTION11_MANAGE))
                .map(Enum::name)
                .toList();
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
    public boolean hasWorkIn(long cycleId, long partnershipId) {
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

    private void setPartnerships(long cycleId, CycleInput input) {
        for (long p : input.partnershipIds()) {
            jdbc.sql("insert into s11_cycle_partnership (cycle_id, partnership_id) values (:c, :p)")
                    .param("c", cycleId)
                    .param("p", p)
                    .update();
        }
    }

    private static Map<String, Object> auditValues(Cycle c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("partnerships", c.partnershipNames());
        m.put("opensOn", c.opensOn());
        m.put("closesOn", c.closesOn());
        m.put("moderationFrom", c.moderationFrom());
        m.put("moderationTo", c.moderationTo());
        m.put("previousCycle", c.previousCycleName());
        return m;
    }

    /** The agencies expected to return, by name. */
    public List<ExpectedReturn> expected(long cycleId) {
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
    public List<AgencySummary> candidates(long cycleId) {
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

    /** The template variant an agency of this type answers. */
    public static TemplateVariant variantFor(AgencyType type) {
        return switch (type) {
            case DISTRICT_COUNCIL -> TemplateVariant.DISTRICT_COUNCIL;
            case SCHOOL, COLLEGE, EARLY_YEARS -> TemplateVariant.SCHOOLS_175;
            default -> TemplateVariant.CORE;
        };
    }

    /**
     * Expects the agencies (those of {@code agencyIds} that are candidates) to return, each with its type's default
     * template. Returns how many were added.
     */
    @Transactional
    public int addAgencies(long cycleId, Collection<Long> agencyIds) {
        int added = 0;
        for (AgencySummary agency : candidates(cycleId)) {
            if (!agencyIds.contains(agency.id())) {
                continue;
            }
            TemplateVariant variant = variantFor(agency.type());
            long templateId = templates
                    .defaultFor(variant)
                    .or(() -> templates.defaultFor(TemplateVariant.CORE))
                    .orElseThrow(() -> new IllegalStateException("There is no Section 11 template to use yet."));
            long returnId = jdbc.sql("""
                            insert into s11_return (cycle_id, agency_id, template_id) values (:c, :a, :t)
                            on conflict (cycle_id, agency_id) do nothing returning id""")
                    .param("c", cycleId)
                    .param("a", agency.id())
                    .param("t", templateId)
                    .query(Long.class)
                    .optional()
                    .orElse(-1L);
            if (returnId > 0) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("cycle", cycleId);
                values.put("agency", agency.name());
                values.put("template", templateId);
                values.put("status", ReturnStatus.NOT_STARTED.name());
                audit.created(RETURN, returnId, values);
                added++;
            }
        }
        return added;
    }

    /** Gives a return nobody has started another template version. */
    @Transactional
    public void changeTemplate(long cycleId, long returnId, long templateId) {
        ExpectedReturn r = expectedReturn(cycleId, returnId);
        if (r.status() != ReturnStatus.NOT_STARTED) {
            throw Refusal.conflict(r.agencyName() + " has started its return, so its template cannot change.");
        }
        boolean exists = jdbc.sql("select exists (select 1 from s11_template where id = :t and retired_at is null)")
                .param("t", templateId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw Refusal.conflict("Choose a template from the library.");
        }
        int rows = jdbc.sql("""
                        update s11_return set template_id = :t, version = version + 1, updated_at = now()
                        where id = :r and status = 'NOT_STARTED'""").param("t", templateId).param("r", returnId).update();
        if (rows == 0) {
            throw Refusal.conflict(r.agencyName() + " has started its return, so its template cannot change.");
        }
        audit.changed(
                AuditAction.UPDATE,
                RETURN,
                returnId,
                Map.of("template", r.templateId()),
                Map.of("template", templateId));
    }

    /** Stops expecting an agency whose return nobody has started; returns the agency's name. */
    @Transactional
    public String remove(long cycleId, long returnId) {
        ExpectedReturn r = expectedReturn(cycleId, returnId);
        if (r.status() != ReturnStatus.NOT_STARTED) {
            throw Refusal.conflict(
                    r.agencyName() + " has started its return, so it can no longer be removed from the cycle.");
        }
        try {
            // invitations and section ticks are the only things a not-started return can have
            jdbc.sql("delete from s11_contributor where return_id = :r")
                    .param("r", returnId)
                    .update();
            jdbc.sql("delete from s11_section_progress where return_id = :r")
                    .param("r", returnId)
                    .update();
            int rows = jdbc.sql("delete from s11_return where id = :r and status = 'NOT_STARTED'")
                    .param("r", returnId)
                    .update();
            if (rows == 0) {
                throw Refusal.conflict(r.agencyName() + " has started its return, so it can no longer be"
                        + " removed from the cycle.");
            }
        } catch (DataIntegrityViolationException e) {
            throw Refusal.conflict(r.agencyName() + "'s return already holds answers or assignments, so it"
                    + " cannot be removed from the cycle.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cycle", cycleId);
        values.put("agency", r.agencyName());
        values.put("template", r.templateId());
        audit.changed(AuditAction.ARCHIVE, RETURN, returnId, values, Map.of());
        for (PartnershipRef p : get(cycleId).partnerships()) {
            events.publishEvent(new TaskResolved(p.id(), RETURN, String.valueOf(returnId)));
        }
        return r.agencyName();
    }

    /**
     * Gives a submitted return back to its agency (submitted by mistake, or the wrong file attached): it becomes in
     * progress again and must be submitted again with a new declaration. Refused once any partnership has agreed
     * its final position, because that position was agreed on what was submitted.
     */
    @Transactional
    public String reopen(long cycleId, long returnId) {
        ExpectedReturn r = expectedReturn(cycleId, returnId);
        if (r.status() != ReturnStatus.SUBMITTED) {
            throw Refusal.conflict(r.agencyName() + "'s return is not submitted, so there is nothing to reopen.");
        }
        boolean agreed = jdbc.sql("select exists (select 1 from s11_moderation where return_id = :r)")
                .param("r", returnId)
                .query(Boolean.class)
                .single();
        if (agreed) {
            throw Refusal.conflict("The panel has agreed its position on " + r.agencyName()
                    + "'s return, so it can no longer be reopened.");
        }
        int rows = jdbc.sql("""
                        update s11_return set status = 'IN_PROGRESS', submitted_at = null, submitted_by_name = null,
                               declaration_name = null, declaration_role = null, version = version + 1,
                               updated_at = now()
                        where id = :r and status = 'SUBMITTED'""").param("r", returnId).update();
        if (rows == 0) {
            throw Refusal.conflict(r.agencyName() + "'s return changed meanwhile; reload the page.");
        }
        audit.changed(
                AuditAction.UPDATE,
                RETURN,
                returnId,
                Map.of("status", ReturnStatus.SUBMITTED.name()),
                Map.of("status", ReturnStatus.IN_PROGRESS.name(), "reason", "Reopened by the business team"));
        return r.agencyName();
    }

    private ExpectedReturn expectedReturn(long cycleId, long returnId) {
        return expected(cycleId).stream()
                .filter(r -> r.returnId() == returnId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Section 11 return"));
    }

    /** Other cycles of the partnership, for "previous cycle". */
    public List<Cycle> previousChoices(long partnershipId, @Nullable Long excluding) {
        List<Cycle> out = new ArrayList<>();
        for (Cycle c : inPartnership(partnershipId)) {
            if (excluding == null || c.id() != excluding) {
                out.add(c);
            }
        }
        return out;
    }
}
