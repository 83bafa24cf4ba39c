package org.safeguardinghub.casereviews.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.learning.LearningTheme;
import org.safeguardinghub.learning.LearningThemes;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the business team does with a case: triage and national notification, the local route, the rapid review
 * (meeting, members, requests to agencies, outcome, sending to the panel) and learning themes. Each change is
 * audited in its own transaction and raises or closes the tasks that follow from it.
 */
@Service
public class CaseActions {

    static final String BUSINESS_TEAM = Audience.BUSINESS_TEAM.roleName();
    static final String AGENCY_LEAD = Audience.AGENCY_LEAD.roleName();

    private final CaseRecords cases;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Organisation organisation;
    private final LearningThemes themes;
    private final Clock clock;
    private final CaseSettings settings;
    private final CaseClocks clocks = CaseClocks.england();

    CaseActions(
            CaseRecords cases,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Organisation organisation,
            LearningThemes themes,
            Clock clock,
            CaseSettings settings) {
        this.cases = cases;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.organisation = organisation;
        this.themes = themes;
        this.clock = clock;
    }

    /** Records the decision whether to notify the national panel, creating the rapid review when notified. */
    @Transactional
    public void decideNotification(
            Actor actor,
            long referralId,
            int version,
            String decision,
            LocalDate decidedOn,
            @Nullable LocalDate notifiedOn,
            String reason) {
        Referral before = referral(actor, referralId);
        Referral after =
                before.decideNationalNotification(decision, decidedOn, notifiedOn, reason, actor.displayName());
        save(after, version, "The triage decision");
        audit.changed(AuditAction.UPDATE, "referral", referralId, before.auditValues(), after.auditValues());
        long p = actor.partnershipId();
        events.publishEvent(new TaskResolved(p, "referral-triage", String.valueOf(referralId)));
        if (Referral.NOTIFY.equals(decision) && !Referral.NOTIFY.equals(before.nationalDecision())) {
            long rapidReviewId = cases.createRapidReview(p, referralId);
            audit.created("rapid_review", rapidReviewId, Map.of("referral", after.reference()));
            events.publishEvent(new TaskResolved(p, "local-decision", String.valueOf(referralId)));
            events.publishEvent(new TaskRequested(
                    p,
                    BUSINESS_TEAM,
                    null,
                    "Complete the rapid review for " + after.reference(),
                    "/cases/" + referralId,
                    clocks.rapidReview(
                                    settings.rapidReviewStart(p),
                                    after.laAwareDate(),
                                    after.receivedOn(),
                                    notifiedOn,
                                    null)
                            .targetDate(),
                    "rapid-review",
                    String.valueOf(rapidReviewId)));
        } else if (Referral.DO_NOT_NOTIFY.equals(decision) && before.nationalDecision() == null) {
            events.publishEvent(new TaskRequested(
                    p,
                    BUSINESS_TEAM,
                    null,
                    "Practice review group to decide on a local review for " + after.reference(),
                    "/cases/" + referralId,
                    null,
                    "local-decision",
                    String.valueOf(referralId)));
        }
    }

    /** Records the practice review group's decision on the local route. */
    @Transactional
    public void decideLocalReview(
            Actor actor, long referralId, int version, String decision, LocalDate decidedOn, String reason) {
        Referral before = referral(actor, referralId);
        Referral after = before.decideLocalReview(decision, decidedOn, reason, actor.displayName());
        save(after, version, "The local decision");
        audit.changed(AuditAction.UPDATE, "referral", referralId, before.auditValues(), after.auditValues());
        events.publishEvent(new TaskResolved(actor.partnershipId(), "local-decision", String.valueOf(referralId)));
    }

    @Transactional
    public void holdMeeting(Actor actor, long referralId, int version, LocalDate on) {
        RapidReview before = rapidReview(actor, referralId);
        RapidReview after = before.holdMeetingOn(on);
        saveRapidReview(actor, after, version);
        audit.changed(AuditAction.UPDATE, "rapid_review", before.id(), before.auditValues(), after.auditValues());
    }

    @Transactional
    public void recordOutcome(
            Actor actor,
            long referralId,
            int version,
            String outcome,
            @Nullable String reviewType,
            String reason,
            LocalDate completedOn) {
        if (!CaseVocabulary.RAPID_REVIEW_OUTCOME.containsKey(outcome)
                || (reviewType != null
                        && !reviewType.isBlank()
                        && !CaseVocabulary.REVIEW_TYPE.containsKey(reviewType))) {
            throw new IllegalArgumentException("Unknown outcome " + outcome + " " + reviewType);
        }
        RapidReview before = rapidReview(actor, referralId);
        RapidReview after = before.recordOutcome(outcome, reviewType, reason, completedOn);
        saveRapidReview(actor, after, version);
        audit.changed(AuditAction.UPDATE, "rapid_review", before.id(), before.auditValues(), after.auditValues());
    }

    @Transactional
    public void sendToPanel(Actor actor, long referralId, int version, LocalDate on) {
        RapidReview before = rapidReview(actor, referralId);
        RapidReview after = before.sendToPanel(on);
        saveRapidReview(actor, after, version);
        audit.changed(AuditAction.UPDATE, "rapid_review", before.id(), before.auditValues(), after.auditValues());
        events.publishEvent(new TaskResolved(actor.partnershipId(), "rapid-review", String.valueOf(before.id())));
    }

    @Transactional
    public void addMember(
            Actor actor,
            long referralId,
            String name,
            @Nullable String role,
            @Nullable Long agencyId,
            @Nullable Long userId) {
        RapidReview rr = rapidReview(actor, referralId);
        if (rr.sent()) {
            throw Refusal.invalid("The rapid review has been sent to the national panel");
        }
        if (agencyId != null) {
            agency(actor, agencyId);
        }
        if (userId != null
                && cases.panelAccounts(actor.partnershipId()).stream()
                        .noneMatch(o -> o.value().equals(String.valueOf(userId)))) {
            throw Refusal.invalid("Select the member's Hub account from the list");
        }
        cases.addMember(rr.id(), name.trim(), blankToNull(role), agencyId, userId);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("member", name.trim());
        values.put("role", blankToNull(role));
        values.put("agency", agencyId);
        values.put("account", userId);
        audit.changed(AuditAction.UPDATE, "rapid_review", rr.id(), Map.of(), values);
    }

    @Transactional
    public void removeMember(Actor actor, long referralId, long memberId) {
        RapidReview rr = rapidReview(actor, referralId);
        String name = cases.removeMember(rr.id(), memberId).orElseThrow(() -> new NotFoundException("Member"));
        audit.changed(
                AuditAction.UPDATE, "rapid_review", rr.id(), Map.of("member", name), Map.of("member", "(removed)"));
    }

    /** Asks an agency for its summary of involvement or chronology; its lead gets a task. */
    @Transactional
    public long requestContribution(
            Actor actor, long referralId, long agencyId, String kind, @Nullable String question, LocalDate dueOn) {
        if (!"INVOLVEMENT_SUMMARY".equals(kind) && !"CHRONOLOGY".equals(kind)) {
            throw new IllegalArgumentException("Unknown request kind " + kind);
        }
        Referral referral = referral(actor, referralId);
        RapidReview rr = rapidReview(actor, referralId);
        if (rr.sent()) {
            throw Refusal.invalid("The rapid review has been sent to the national panel");
        }
        AgencySummary agency = agency(actor, agencyId);
        LocalDate today = LocalDate.now(clock);
        if (dueOn.isBefore(today)) {
            throw Refusal.invalid("The due date must be today or in the future");
        }
        long id = cases.insertRequest(
                actor.partnershipId(),
                referralId,
                agency.id(),
                kind,
                blankToNull(question),
                today,
                dueOn,
                actor.displayName());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("referral", referral.reference());
        values.put("agency", agency.name());
        values.put("kind", kind);
        values.put("due_on", dueOn);
        audit.created("agency_request", id, values);
        events.publishEvent(new TaskRequested(
                actor.partnershipId(),
                AGENCY_LEAD,
                agency.id(),
                "Send your "
                        + CaseVocabulary.label(CaseVocabulary.REQUEST_KIND, kind)
                                .toLowerCase(java.util.Locale.UK) + " for " + referral.reference(),
                "/contributions/" + id,
                dueOn,
                "agency-request",
                String.valueOf(id)));
        return id;
    }

    /** Replaces the learning themes tagged on the referral. */
    @Transactional
    public void tagThemes(Actor actor, long referralId, List<Long> themeIds) {
        referral(actor, referralId);
        Set<Long> activeIds = new LinkedHashSet<>();
        for (LearningTheme t : themes.active()) {
            activeIds.add(t.id());
        }
        List<Long> before = cases.themeIds(actor.partnershipId(), "REFERRAL", referralId);
        Set<Long> chosen = new LinkedHashSet<>();
        for (Long id : themeIds) {
            if (id != null && (activeIds.contains(id) || before.contains(id))) {
                chosen.add(id);
            }
        }
        cases.replaceThemes(actor.partnershipId(), "REFERRAL", referralId, chosen, LocalDate.now(clock));
        audit.changed(
                AuditAction.UPDATE,
                "referral",
                referralId,
                Map.of("themes", before.stream().sorted().toList()),
                Map.of("themes", chosen.stream().sorted().toList()));
    }

    private Referral referral(Actor actor, long id) {
        return cases.referralForUpdate(actor.partnershipId(), id).orElseThrow(() -> new NotFoundException("Case"));
    }

    private RapidReview rapidReview(Actor actor, long referralId) {
        referral(actor, referralId);
        return cases.rapidReview(actor.partnershipId(), referralId)
                .orElseThrow(() -> Refusal.invalid(
                        "There is no rapid review: the incident has not been notified to the national panel"));
    }

    private AgencySummary agency(Actor actor, long agencyId) {
        return organisation.agenciesOf(actor.partnershipId()).stream()
                .filter(a -> a.id() == agencyId)
                .findFirst()
                .orElseThrow(() -> Refusal.invalid("Select an agency of this partnership"));
    }

    private void save(Referral after, int version, String what) {
        if (!cases.saveDecisions(after, version)) {
            throw new ConcurrentEditException(what);
        }
    }

    private void saveRapidReview(Actor actor, RapidReview after, int version) {
        if (!cases.saveRapidReview(actor.partnershipId(), after, version)) {
            throw new ConcurrentEditException("The rapid review");
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
