package org.safeguardinghub.section11.cycles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
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

    private final CycleRecords records;
    private final AuditTrail audit;
    private final TemplateLibrary templates;
    private final ApplicationEventPublisher events;

    Cycles(CycleRecords records, AuditTrail audit, TemplateLibrary templates, ApplicationEventPublisher events) {
        this.records = records;
        this.audit = audit;
        this.templates = templates;
        this.events = events;
    }

    /** The cycles a partnership runs, newest first. */
    public List<Cycle> inPartnership(long partnershipId) {
        return records.inPartnership(partnershipId);
    }

    public Optional<Cycle> find(long cycleId) {
        return records.find(cycleId);
    }

    public Cycle get(long cycleId) {
        return find(cycleId).orElseThrow(() -> new NotFoundException("Section 11 cycle"));
    }

    @Transactional
    public long create(Actor actor, CycleInput input) {
        long id = records.insert(actor.displayName(), input);
        records.addPartnerships(id, input);
        audit.created(CYCLE, id, auditValues(get(id)));
        return id;
    }

    /** Changes the cycle if nobody has since {@code version}; otherwise refuses with the other person's values. */
    @Transactional
    public void update(Actor actor, long cycleId, int version, CycleInput input) {
        Cycle before = get(cycleId);
        int rows = records.update(cycleId, version, input);
        if (rows == 0) {
            throw new ConcurrentEditException("The cycle");
        }
        records.clearPartnerships(cycleId);
        records.addPartnerships(cycleId, input);
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
        return records.partnershipsWithRoles(userId, roles);
    }

    /** Whether a partnership already has moderation, assignments or meetings in the cycle (so must stay in it). */
    public boolean hasWorkIn(long cycleId, long partnershipId) {
        return records.hasWorkIn(cycleId, partnershipId);
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
        return records.expected(cycleId);
    }

    /** Current agencies serving any partnership of the cycle that are not expected in it yet, by name. */
    public List<AgencySummary> candidates(long cycleId) {
        return records.candidates(cycleId);
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
            long returnId =
                    records.insertReturn(cycleId, agency.id(), templateId).orElse(-1L);
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
        boolean exists = records.templateAvailable(templateId);
        if (!exists) {
            throw Refusal.conflict("Choose a template from the library.");
        }
        int rows = records.setTemplate(returnId, templateId);
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
            int rows = records.deleteNotStarted(returnId);
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
        boolean agreed = records.positionAgreed(returnId);
        if (agreed) {
            throw Refusal.conflict("The panel has agreed its position on " + r.agencyName()
                    + "'s return, so it can no longer be reopened.");
        }
        int rows = records.reopen(returnId);
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
