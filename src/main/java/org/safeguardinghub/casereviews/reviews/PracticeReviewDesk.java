package org.safeguardinghub.casereviews.reviews;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.casereviews.access.CaseMembership;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.learning.LearningTheme;
import org.safeguardinghub.learning.LearningThemes;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.tasks.TaskRequested;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work the business team does on a practice review, one method per step, each in one transaction with its audit
 * entry and the tasks it raises or resolves. Every method works in the signed-in person's partnership; a review of
 * another partnership is not found. The rules of the lifecycle are the {@link PracticeReview}'s.
 */
@Service
public class PracticeReviewDesk {

    static final String RECORD = "practice_review";
    static final String TASK_SOURCE = "practice-review";
    public static final String MEETING_DOCUMENTS = "panel-meeting";
    public static final String REVIEW_DOCUMENTS = "practice-review";
    public static final String REQUEST_DOCUMENTS = "agency-request";

    private final PracticeReviewRecords reviews;
    private final Documents documents;
    private final LearningThemes themes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PracticeReviewDesk(
            PracticeReviewRecords reviews,
            Documents documents,
            LearningThemes themes,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reviews = reviews;
        this.documents = documents;
        this.themes = themes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What the commissioning form records. */
    public record Commission(
            @Nullable Long referralId,
            String title,
            String reviewType,
            LocalDate commissionedOn,
            @Nullable String reviewers,
            @Nullable String termsOfReference,
            @Nullable Long panelGroupId,
            @Nullable String familyInvolvement) {}

    /**
     * Commissions a review; a referral it comes from moves to "review commissioned", and the business team gets a
     * task to publish it within 6 months.
     */
    @Transactional
    public long commission(Commission c) {
        long p = partnership();
        if (c.referralId() != null
                && reviews.commissionableReferral(p, c.referralId()).isEmpty()) {
            throw new NotFoundException("Referral");
        }
        PracticeReview review = PracticeReview.commission(
                p,
                c.referralId(),
                c.title(),
                c.reviewType(),
                c.commissionedOn(),
                c.reviewers(),
                c.termsOfReference(),
                c.panelGroupId(),
                c.familyInvolvement());
        long id = reviews.insert(review);
        Map<String, @Nullable Object> values = review.auditValues();
        values.put("referralId", c.referralId());
        audit.created(RECORD, id, values);
        if (c.referralId() != null) {
            var before = reviews.referral(p, c.referralId()).orElseThrow();
            reviews.markReviewCommissioned(p, c.referralId());
            audit.changed(
                    AuditAction.UPDATE,
                    "referral",
                    c.referralId(),
                    Map.of("status", before.status()),
                    Map.of("status", "REVIEW_COMMISSIONED"));
        }
        events.publishEvent(new TaskRequested(
                p,
                Audience.BUSINESS_TEAM.roleName(),
                null,
                "Publish practice review " + review.title() + " (6-month target)",
                "/reviews/" + id,
                review.publicationClock().targetDate(),
                TASK_SOURCE,
                String.valueOf(id)));
        return id;
    }

    @Transactional
    public void changeDetails(
            long id,
            int version,
            String title,
            String reviewType,
            LocalDate commissionedOn,
            @Nullable String reviewers,
            @Nullable String termsOfReference,
            @Nullable Long panelGroupId) {
        change(
                id,
                version,
                r -> r.changeDetails(title, reviewType, commissionedOn, reviewers, termsOfReference, panelGroupId));
    }

    @Transactional
    public void recordFamilyInvolvement(long id, int version, @Nullable String text) {
        change(id, version, r -> r.recordFamilyInvolvement(text));
    }

    @Transactional
    public void recordDraftReport(long id, int version, LocalDate on, @Nullable Upload report) {
        change(id, version, r -> r.recordDraftReport(on));
        storeReport(id, report, "Draft report");
    }

    @Transactional
    public void recordFinalReport(long id, int version, LocalDate on, @Nullable Upload report) {
        change(id, version, r -> r.recordFinalReport(on));
        storeReport(id, report, "Final report");
    }

    @Transactional
    public void signOff(long id, int version, LocalDate on, String by) {
        change(id, version, r -> r.signOff(on, by));
    }

    /** Publishes the review (named or anonymised), which closes the business team's publication task. */
    @Transactional
    public void publish(long id, int version, String kind, LocalDate on) {
        change(id, version, r -> r.publish(kind, on));
        events.publishEvent(new TaskResolved(partnership(), TASK_SOURCE, String.valueOf(id)));
    }

    @Transactional
    public void delayPublication(long id, int version, @Nullable String reason) {
        change(id, version, r -> r.delayPublication(reason));
    }

    @Transactional
    public long addMember(long id, String name, @Nullable String role, @Nullable Long agencyId, @Nullable Long userId) {
        PracticeReview review = find(id);
        if (userId != null
                && reviews.panelAccounts(partnership()).stream()
                        .noneMatch(o -> o.value().equals(String.valueOf(userId)))) {
            throw new IllegalArgumentException("Select the member's Hub account from the list");
        }
        long member = reviews.addMember(review.id(), name.strip(), role, agencyId, userId);
        audit.created(
                "practice_review_member",
                member,
                values(
                        "review",
                        review.id(),
                        "name",
                        name.strip(),
                        "role",
                        role,
                        "agencyId",
                        agencyId,
                        "account",
                        userId));
        return member;
    }

    @Transactional
    public void removeMember(long id, long memberId) {
        PracticeReview review = find(id);
        PracticeReviewRecords.Member member =
                reviews.removeMember(review.id(), memberId).orElseThrow(() -> new NotFoundException("Panel member"));
        audit.event(AuditAction.UPDATE, RECORD, review.id(), "Removed panel member " + member.name());
    }

    /** Records a panel meeting with its agenda and minutes; the review is in progress from its first meeting. */
    @Transactional
    public long addMeeting(
            long id, LocalDate on, @Nullable String notes, @Nullable Upload agenda, @Nullable Upload minutes) {
        PracticeReview review = find(id);
        if (on.isBefore(review.commissionedOn())) {
            throw Refusal.invalid(
                    "The meeting date cannot be before the review was commissioned (" + review.commissionedOn() + ")");
        }
        long meeting = reviews.addMeeting(review.id(), on, notes);
        audit.created("panel_meeting", meeting, values("review", review.id(), "meetingOn", on, "notes", notes));
        if (agenda != null) {
            documents.store(review.partnershipId(), null, MEETING_DOCUMENTS, meeting, agenda, "Agenda");
        }
        if (minutes != null) {
            documents.store(review.partnershipId(), null, MEETING_DOCUMENTS, meeting, minutes, "Minutes");
        }
        startWork(review);
        return meeting;
    }

    /** Adds an agenda or minutes to a meeting already recorded (minutes usually come after it). */
    @Transactional
    public void addMeetingDocument(long id, long meetingId, String description, Upload file) {
        PracticeReview review = find(id);
        PracticeReviewRecords.Meeting meeting =
                reviews.meeting(review.id(), meetingId).orElseThrow(() -> new NotFoundException("Panel meeting"));
        documents.store(review.partnershipId(), null, MEETING_DOCUMENTS, meeting.id(), file, description);
    }

    /**
     * Asks an agency for its report to the review, due on a date; the agency's lead gets a task that links to the
     * page where they answer it.
     */
    @Transactional
    public long requestAgencyReport(long id, long agencyId, String agencyName, LocalDate dueOn, String question) {
        PracticeReview review = find(id);
        Actor actor = Actors.require();
        LocalDate today = LocalDate.now(clock);
        long request = reviews.requestAgencyReport(
                review.partnershipId(), review.id(), agencyId, question.strip(), today, dueOn, actor.displayName());
        audit.created(
                "agency_request",
                request,
                values(
                        "review",
                        review.id(),
                        "kind",
                        "AGENCY_REPORT",
                        "agency",
                        agencyName,
                        "dueOn",
                        dueOn,
                        "question",
                        question.strip()));
        events.publishEvent(new TaskRequested(
                review.partnershipId(),
                Audience.AGENCY_LEAD.roleName(),
                agencyId,
                "Send your agency report for " + review.title(),
                "/contributions/" + request,
                dueOn,
                REQUEST_DOCUMENTS,
                String.valueOf(request)));
        startWork(review);
        return request;
    }

    /** Tags the review with learning themes (replacing the previous choice). */
    @Transactional
    public void tagThemes(long id, Collection<Long> themeIds) {
        PracticeReview review = find(id);
        Set<Long> known = new java.util.HashSet<>();
        for (LearningTheme t : themes.all()) {
            known.add(t.id());
        }
        Set<Long> before = reviews.themeIds(review.partnershipId(), review.id());
        Set<Long> chosen = new TreeSet<>();
        for (Long theme : themeIds) {
            if (!known.contains(theme)) {
                throw Refusal.invalid("Choose learning themes from the list");
            }
            // a retired theme can stay tagged but cannot be newly added
            if (!before.contains(theme)
                    && themes.find(theme).map(t -> !t.active()).orElse(true)) {
                throw Refusal.invalid("Choose learning themes from the list");
            }
            chosen.add(theme);
        }
        reviews.replaceThemes(review.partnershipId(), review.id(), chosen, LocalDate.now(clock));
        audit.changed(
                AuditAction.UPDATE,
                RECORD,
                review.id(),
                Map.of("learningThemes", String.valueOf(new TreeSet<>(before))),
                Map.of("learningThemes", String.valueOf(chosen)));
    }

    /** The review, audited as a read of a sensitive record. */
    @Transactional
    PracticeReview read(long id) {
        PracticeReview review = find(id);
        audit.readSensitive(RECORD, review.id());
        return review;
    }

    public PracticeReview find(long id) {
        return reviews.find(partnership(), id, CaseMembership.limitedTo(Actors.require()))
                .orElseThrow(() -> new NotFoundException("Practice review"));
    }

    private void change(long id, int version, java.util.function.Consumer<PracticeReview> step) {
        PracticeReview review = find(id);
        Map<String, @Nullable Object> before = review.auditValues();
        PracticeReview changing = new PracticeReviewCopy(review, version).copy();
        step.accept(changing);
        reviews.save(changing);
        audit.changed(AuditAction.UPDATE, RECORD, review.id(), before, changing.auditValues());
    }

    private void startWork(PracticeReview review) {
        PracticeReview fresh = find(review.id());
        if ("COMMISSIONED".equals(fresh.status())) {
            fresh.startWork();
            reviews.save(fresh);
            audit.changed(
                    AuditAction.UPDATE,
                    RECORD,
                    review.id(),
                    Map.of("status", "COMMISSIONED"),
                    Map.of("status", fresh.status()));
        }
    }

    private void storeReport(long id, @Nullable Upload report, String description) {
        if (report != null) {
            documents.store(partnership(), null, REVIEW_DOCUMENTS, id, report, description);
        }
    }

    private static long partnership() {
        return Actors.require().partnershipId();
    }

    private static Map<String, @Nullable Object> values(@Nullable Object... pairs) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return m;
    }

    /** The review as read, carrying the version the person's form was opened at, so a stale save is refused. */
    private record PracticeReviewCopy(PracticeReview r, int version) {
        PracticeReview copy() {
            return new PracticeReview(
                    r.id(),
                    r.partnershipId(),
                    r.referralId(),
                    r.title(),
                    r.reviewType(),
                    r.status(),
                    r.commissionedOn(),
                    r.reviewers(),
                    r.termsOfReference(),
                    r.panelGroupId(),
                    r.familyInvolvement(),
                    r.draftReportOn(),
                    r.finalReportOn(),
                    r.signedOffOn(),
                    r.signedOffBy(),
                    r.publication(),
                    r.publicationDelayReason(),
                    r.publishedOn(),
                    version);
        }
    }
}
