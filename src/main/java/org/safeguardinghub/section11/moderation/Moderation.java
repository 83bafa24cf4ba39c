package org.safeguardinghub.section11.moderation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.learning.RecommendationSource;
import org.safeguardinghub.learning.SourcedRecommendations;
import org.safeguardinghub.learning.SourcedRecommendations.SourcedAction;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.section11.FinalPosition;
import org.safeguardinghub.section11.NoteKind;
import org.safeguardinghub.section11.Section11Access;
import org.safeguardinghub.section11.access.ReturnAccess;
import org.safeguardinghub.section11.access.ReturnRef;
import org.safeguardinghub.section11.moderation.ModerationRows.Agreement;
import org.safeguardinghub.section11.moderation.ModerationRows.Assigned;
import org.safeguardinghub.section11.moderation.ModerationRows.AssignmentRow;
import org.safeguardinghub.section11.moderation.ModerationRows.Challenge;
import org.safeguardinghub.section11.moderation.ModerationRows.CycleReturn;
import org.safeguardinghub.section11.moderation.ModerationRows.Improvement;
import org.safeguardinghub.section11.moderation.ModerationRows.Meeting;
import org.safeguardinghub.section11.moderation.ModerationRows.ModeratedScore;
import org.safeguardinghub.section11.moderation.ModerationRows.PanelMember;
import org.safeguardinghub.section11.templates.TemplateReader;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.safeguardinghub.section11.templates.TemplateStructure.Standard;
import org.safeguardinghub.tasks.PersonTaskRequested;
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation of Section 11 returns, always for the signed-in person's current partnership: the business team
 * assigns panel members (never from the agency reviewed), the panel scores each standard and asks challenge
 * questions, the agency answers them, and the panel agrees a final position whose improvement actions go to the
 * learning tracker. When every partnership the agency serves in the cycle has agreed, the return is moderated.
 * Every change is audited in the same transaction.
 */
@Service
public class Moderation {

    static final String ASSIGN_TASK = "s11-assign";
    static final String MODERATE_TASK = "s11-moderate";
    static final String CHALLENGE_TASK = "s11-challenge";

    private final ModerationRecords store;
    private final ReturnAccess access;
    private final TemplateReader templates;
    private final SourcedRecommendations learning;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Moderation(
            ModerationRecords store,
            ReturnAccess access,
            TemplateReader templates,
            SourcedRecommendations learning,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.templates = templates;
        this.learning = learning;
        this.audit = audit;
        this.events = events;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Assignments (business team)

    /** The cycle's name if it runs in the person's partnership and they manage Section 11; otherwise 404. */
    public String managedCycle(long cycleId) {
        if (!Actors.require().can(Section11Access.SECTION11_MANAGE) || !access.cycleVisible(cycleId)) {
            throw new NotFoundException("Section 11 cycle");
        }
        return store.cycleName(cycleId).orElseThrow(() -> new NotFoundException("Section 11 cycle"));
    }

    public List<AssignmentRow> assignments(long cycleId) {
        managedCycle(cycleId);
        long p = Actors.require().partnershipId();
        List<PanelMember> members = store.panelMembers(p);
        Map<Long, List<Assigned>> assigned = store.assignments(cycleId, p);
        Map<Long, java.time.Instant> submitted = store.submittedAt(cycleId);
        List<AssignmentRow> rows = new ArrayList<>();
        for (CycleReturn r : store.returnsOf(cycleId, p)) {
            long agencyId = r.agencyId();
            List<Assigned> already = assigned.getOrDefault(r.id(), List.of());
            Set<Long> taken = already.stream().map(Assigned::userId).collect(Collectors.toSet());
            // a panel member is never offered their own agency's return
            List<PanelMember> eligible = members.stream()
                    .filter(m -> m.agencyId() != agencyId && !taken.contains(m.userId()))
                    .toList();
            rows.add(new AssignmentRow(
                    r.id(), agencyId, r.agencyName(), r.status(), submitted.get(r.id()), already, eligible));
        }
        return rows;
    }

    @Transactional
    public void assign(long cycleId, long returnId, long userId) {
        managedCycle(cycleId);
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        ReturnRef ref = access.find(returnId)
                .filter(r -> r.cycleId() == cycleId && store.serves(r.agencyId(), p))
                .orElseThrow(() -> new NotFoundException("Section 11 return"));
        PanelMember member = store.panelMembers(p).stream()
                .filter(m -> m.userId() == userId)
                .findFirst()
                .orElseThrow(() -> Refusal.invalid(
                        "userId-" + returnId, "Choose a panel member of this partnership from the list"));
        if (member.agencyId() == ref.agencyId()) {
            throw Refusal.invalid(
                    "userId-" + returnId,
                    member.name() + " works for " + ref.agencyName() + ", so cannot moderate its return."
                            + " Choose a panel member from another agency.");
        }
        if (store.assigned(returnId, p, userId)) {
            throw Refusal.invalid(
                    "userId-" + returnId, member.name() + " is already assigned to " + ref.agencyName() + "'s return");
        }
        long id = store.assign(returnId, p, userId, member.agencyId(), ref.agencyId(), actor.displayName());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("returnId", returnId);
        values.put("partnershipId", p);
        values.put("panelMember", member.name());
        values.put("panelMemberAgency", member.agencyName());
        audit.created("s11-assignment", id, values);
        events.publishEvent(new TaskResolved(p, ASSIGN_TASK, String.valueOf(returnId)));
        // only the person assigned sees it (their colleagues on the panel are not told whose return it is)
        // assigned again after being taken off: the task closed then opens again
        events.publishEvent(new PersonTaskRequested(
                        p,
                        userId,
                        "Moderate " + ref.agencyName() + "'s Section 11 return",
                        "/section11/returns/" + returnId + "/moderation",
                        store.moderationEnds(cycleId).orElse(null),
                        MODERATE_TASK,
                        returnId + "-" + userId)
                .reopening(java.time.Instant.now()));
    }

    @Transactional
    public String unassign(long cycleId, long assignmentId) {
        managedCycle(cycleId);
        long p = Actors.require().partnershipId();
        ModerationRecords.AssignmentKey a =
                store.assignment(assignmentId, cycleId, p).orElseThrow(() -> new NotFoundException("Assignment"));
        store.unassign(assignmentId);
        audit.changed(
                AuditAction.ARCHIVE,
                "s11-assignment",
                assignmentId,
                Map.of("returnId", a.returnId(), "partnershipId", p, "panelMember", a.name()),
                Map.of());
        events.publishEvent(new TaskResolved(p, MODERATE_TASK, a.returnId() + "-" + a.userId()));
        return a.name();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Moderation (business team or assigned panel member)

    /**
     * The return if the person may moderate it for their partnership: {@link ReturnAccess#moderatable}, and the
     * agency must serve that partnership (a Medway panel does not moderate a Kent-only agency).
     */
    public ReturnRef moderatable(long returnId) {
        ReturnRef ref = access.moderatable(returnId);
        if (!store.serves(ref.agencyId(), Actors.require().partnershipId())) {
            throw new NotFoundException("Section 11 return");
        }
        return ref;
    }

    public TemplateStructure template(ReturnRef ref) {
        return templates.get(ref.templateId());
    }

    /** The standard of the return's template, or 404. */
    public Standard standard(ReturnRef ref, long standardId) {
        return template(ref).standard(standardId).orElseThrow(() -> new NotFoundException("Standard"));
    }

    /** A moderated score as chosen on the form: a score on the template's scale, or not applicable. */
    public record ScoreChoice(@Nullable Integer score, boolean notApplicable) {}

    /**
     * Saves the panel's moderated score for one standard if nobody has changed it since {@code version} (0: nobody
     * had scored it) and returns its new version.
     *
     * @throws ConcurrentEditException when someone saved it meanwhile (or created it, for version 0)
     */
    @Transactional
    public int saveScore(
            long returnId, long standardId, ScoreChoice choice, String note, @Nullable NoteKind kind, int version) {
        ReturnRef ref = moderatable(returnId);
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        Standard standard = standard(ref, standardId);
        ensureNotAgreed(ref, p);
        ModeratedScore before = store.moderatedScore(returnId, p, standardId).orElse(null);
        java.util.Optional<Integer> stored = store.saveModeratedScore(
                returnId,
                p,
                standardId,
                ref.agencyId(),
                choice.score(),
                choice.notApplicable(),
                note.trim(),
                kind,
                version,
                actor.displayName());
        if (stored.isEmpty()) {
            // exactly what is saved already (the page's background save of the same choice got there first, or
            // a second click): nothing to change and nobody's edit to protect
            ModeratedScore current =
                    store.moderatedScore(returnId, p, standardId).orElse(null);
            if (current != null
                    && java.util.Objects.equals(current.score(), choice.score())
                    && current.notApplicable() == choice.notApplicable()
                    && current.note().equals(note.trim())
                    && current.kind() == kind) {
                return current.version();
            }
            throw new ConcurrentEditException("The moderated score for " + standard.code());
        }
        int saved = stored.get();
        Map<String, @Nullable Object> after =
                scoreValues(ref, p, standard, choice.score(), choice.notApplicable(), note.trim(), kind);
        String recordId = returnId + "-" + p + "-" + standardId;
        if (before == null) {
            audit.created("s11-moderated-score", recordId, after);
        } else {
            audit.changed(
                    AuditAction.UPDATE,
                    "s11-moderated-score",
                    recordId,
                    scoreValues(ref, p, standard, before.score(), before.notApplicable(), before.note(), before.kind()),
                    after);
        }
        return saved;
    }

    private Map<String, @Nullable Object> scoreValues(
            ReturnRef ref,
            long partnershipId,
            Standard standard,
            @Nullable Integer score,
            boolean notApplicable,
            String note,
            @Nullable NoteKind kind) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("returnId", ref.id());
        m.put("partnershipId", partnershipId);
        m.put("standard", standard.code());
        m.put("moderatedScore", notApplicable ? "Not applicable" : template(ref).label(score));
        m.put("note", note);
        m.put("noteKind", kind == null ? null : kind.label());
        return m;
    }

    @Transactional
    public long ask(long returnId, long standardId, String question) {
        ReturnRef ref = moderatable(returnId);
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        Standard standard = standard(ref, standardId);
        ensureNotAgreed(ref, p);
        long id = store.ask(
                returnId, p, standardId, ref.agencyId(), question.trim(), actor.userId(), actor.displayName());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("returnId", returnId);
        values.put("partnershipId", p);
        values.put("standard", standard.code());
        values.put("question", question.trim());
        audit.created("s11-challenge", id, values);
        events.publishEvent(new TaskRequested(
                p,
                Audience.AGENCY_LEAD.roleName(),
                ref.agencyId(),
                "Answer the panel's challenge on " + standard.title(),
                "/section11/returns/" + returnId + "/challenges",
                null,
                CHALLENGE_TASK,
                String.valueOf(id)));
        return id;
    }

    /** What the agreed final position says, already checked by the form. */
    public record Decision(
            FinalPosition position,
            String feedback,
            String followUp,
            List<Long> improvementIds,
            @Nullable String extraAction,
            @Nullable LocalDate extraActionDue) {}

    /**
     * Why the final position cannot be agreed yet, keyed by the field to link to: standards without a moderated
     * score and challenges still unanswered. Empty when it can be.
     */
    public Map<String, String> blockers(ReturnRef ref, long partnershipId) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<Long> scored = store.moderatedScores(ref.id(), partnershipId).stream()
                .map(ModeratedScore::standardId)
                .collect(Collectors.toSet());
        for (Standard s : template(ref).standards()) {
            if (!scored.contains(s.id())) {
                problems.put(
                        "score-" + s.id(),
                        "Record a moderated score, or not applicable, for " + s.code() + " " + s.title());
            }
        }
        for (Challenge c : store.challenges(ref.id(), partnershipId)) {
            if (!c.answered()) {
                String title = template(ref)
                        .standard(c.standardId())
                        .map(Standard::code)
                        .orElse("");
                problems.put(
                        "challenge-" + c.id(),
                        ref.agencyName() + " has not answered the challenge on " + title + " yet");
            }
        }
        return problems;
    }

    @Transactional
    public void agree(long returnId, Decision d) {
        ReturnRef ref = moderatable(returnId);
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        ensureNotAgreed(ref, p);
        Map<String, String> blockers = blockers(ref, p);
        if (!blockers.isEmpty()) {
            throw Refusal.invalid(
                    "position", "The final position cannot be agreed yet: " + String.join("; ", blockers.values()));
        }
        Map<Long, Improvement> improvements = store.improvements(returnId, p).stream()
                .collect(Collectors.toMap(Improvement::id, i -> i, (a, b) -> a, LinkedHashMap::new));
        if (!improvements.keySet().containsAll(d.improvementIds())) {
            throw new NotFoundException("Improvement action");
        }
        if (!store.agree(
                returnId,
                p,
                ref.agencyId(),
                d.position(),
                d.feedback().trim(),
                d.followUp().trim(),
                actor.displayName())) {
            throw new ConcurrentEditException("The final position");
        }
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("returnId", returnId);
        values.put("partnershipId", p);
        values.put("finalPosition", d.position().label());
        values.put("feedback", d.feedback().trim());
        values.put("followUp", d.followUp().trim());
        audit.created("s11-moderation", returnId, values);

        // chosen improvement actions (not yet in this partnership's tracker) and any extra follow-up action
        List<Improvement> chosen = d.improvementIds().stream()
                .distinct()
                .map(improvements::get)
                .filter(i -> i.learningActionId() == null)
                .toList();
        List<SourcedAction> toTrack = new ArrayList<>();
        chosen.forEach(i -> toTrack.add(new SourcedAction(i.text(), i.ownerName(), i.dueOn())));
        if (d.extraAction() != null && !d.extraAction().isBlank()) {
            toTrack.add(new SourcedAction(d.extraAction().trim(), null, d.extraActionDue()));
        }
        if (!toTrack.isEmpty()) {
            List<Long> actionIds = learning.raise(
                    p,
                    RecommendationSource.SECTION_11,
                    returnId,
                    "Section 11 " + ref.cycleName() + ": " + ref.agencyName(),
                    "Improvement actions agreed by the panel on " + ref.agencyName() + "'s Section 11 return ("
                            + d.position().label() + ")",
                    ref.agencyId(),
                    toTrack);
            for (int i = 0; i < chosen.size(); i++) {
                store.linkImprovement(chosen.get(i).id(), p, ref.agencyId(), actionIds.get(i));
            }
        }
        events.publishEvent(new TaskResolved(p, ASSIGN_TASK, String.valueOf(returnId)));
        for (Assigned a : store.assignmentsOf(returnId, p)) {
            events.publishEvent(new TaskResolved(p, MODERATE_TASK, returnId + "-" + a.userId()));
        }
        if (store.partnershipsStillToAgree(returnId) == 0 && store.markModerated(returnId)) {
            audit.changed(
                    AuditAction.UPDATE,
                    "s11-return",
                    returnId,
                    Map.of("status", "Submitted"),
                    Map.of("status", "Moderated"));
        }
    }

    private void ensureNotAgreed(ReturnRef ref, long partnershipId) {
        // moderation writes on one return take turns, so a score saved while the position is being agreed either
        // lands before the agreement or is refused after it
        store.lockReturn(ref.id());
        store.agreements(ref.id()).stream()
                .filter(a -> a.partnershipId() == partnershipId)
                .findFirst()
                .ifPresent(a -> {
                    throw Refusal.invalid(
                            "position",
                            "The final position was agreed by " + a.agreedByName()
                                    + ", so this partnership's moderation of the return is closed.");
                });
    }

    // ----------------------------------------------------------------------------------------------------------
    // The agency's side

    /** The agency's respondents answer a challenge; it must still be unanswered at {@code version}. */
    @Transactional
    public void answer(long returnId, long challengeId, int version, String response) {
        ReturnRef ref = access.readable(returnId);
        Actor actor = Actors.require();
        if (!access.isRespondent(actor, ref)) {
            throw new NotFoundException("Section 11 return");
        }
        Challenge challenge =
                store.challenge(returnId, challengeId).orElseThrow(() -> new NotFoundException("Challenge"));
        if (!store.answer(challengeId, version, response.trim(), actor.displayName())) {
            throw new ConcurrentEditException("This challenge");
        }
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        before.put("response", null);
        audit.changed(
                AuditAction.UPDATE,
                "s11-challenge",
                challengeId,
                before,
                Map.of("response", response.trim(), "respondedBy", actor.displayName()));
        events.publishEvent(new TaskResolved(challenge.partnershipId(), CHALLENGE_TASK, String.valueOf(challengeId)));
    }

    public List<Agreement> agreements(long returnId) {
        return store.agreements(returnId);
    }

    /** Whether the person is one of the agency's respondents for the return. */
    public boolean respondent(ReturnRef ref) {
        return access.isRespondent(Actors.require(), ref);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Panel meetings (business team)

    public record MeetingDetails(LocalDate heldOn, String attendees, String notes, List<Long> returnIds) {}

    public List<Meeting> meetings(long cycleId) {
        managedCycle(cycleId);
        return store.meetings(cycleId, Actors.require().partnershipId());
    }

    public List<CycleReturn> cycleReturns(long cycleId) {
        managedCycle(cycleId);
        return store.returnsOf(cycleId, Actors.require().partnershipId());
    }

    public Meeting meeting(long cycleId, long meetingId) {
        managedCycle(cycleId);
        return store.meeting(meetingId, cycleId, Actors.require().partnershipId())
                .orElseThrow(() -> new NotFoundException("Panel meeting"));
    }

    @Transactional
    public long addMeeting(long cycleId, MeetingDetails d) {
        managedCycle(cycleId);
        Actor actor = Actors.require();
        long p = actor.partnershipId();
        checkReturns(cycleId, p, d.returnIds());
        long id = store.addMeeting(
                cycleId, p, d.heldOn(), d.attendees().trim(), d.notes().trim(), actor.displayName());
        store.replaceMeetingReturns(id, d.returnIds().stream().distinct().toList());
        audit.created(
                "s11-panel-meeting",
                id,
                meetingValues(store.meeting(id, cycleId, p).orElseThrow()));
        return id;
    }

    @Transactional
    public void changeMeeting(long cycleId, long meetingId, int version, MeetingDetails d) {
        Meeting before = meeting(cycleId, meetingId);
        long p = Actors.require().partnershipId();
        checkReturns(cycleId, p, d.returnIds());
        if (!store.updateMeeting(
                meetingId, version, d.heldOn(), d.attendees().trim(), d.notes().trim())) {
            throw new ConcurrentEditException("This panel meeting");
        }
        store.replaceMeetingReturns(meetingId, d.returnIds().stream().distinct().toList());
        audit.changed(
                AuditAction.UPDATE,
                "s11-panel-meeting",
                meetingId,
                meetingValues(before),
                meetingValues(store.meeting(meetingId, cycleId, p).orElseThrow()));
    }

    private void checkReturns(long cycleId, long partnershipId, List<Long> returnIds) {
        Set<Long> known = store.returnsOf(cycleId, partnershipId).stream()
                .map(CycleReturn::id)
                .collect(Collectors.toSet());
        if (!known.containsAll(returnIds)) {
            throw new NotFoundException("Section 11 return");
        }
    }

    private static Map<String, Object> meetingValues(Meeting m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("heldOn", m.heldOn());
        v.put("attendees", m.attendees());
        v.put("notes", m.notes());
        v.put("returnsDiscussed", String.join(", ", m.agencyNames()));
        return v;
    }
}
