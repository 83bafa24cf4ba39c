package org.safeguardinghub.casereviews.referrals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.ReferralReceived;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.PageResult;
import org.safeguardinghub.tasks.TaskRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of serious incidents as notifiers make them: the public form's one-step submission, and a signed-in
 * notifier's draft that is saved as they type and submitted when complete.
 *
 * <p>A submitted referral is {@code RECEIVED}: it gets a reference for the notifier, the business team gets a task
 * to decide on notification to the national Child Safeguarding Practice Review Panel, due five working days after
 * the local authority became aware (Working Together 2023, chapter 5), and {@link ReferralReceived} is published.
 * What happens next (triage, rapid review) belongs to the case pages, not to the notifier: nothing here reads a
 * submitted referral back except the notifier's own list of references and statuses.
 */
@Service
public class Referrals {

    static final String OWNER_TYPE = "referral";
    public static final int MAX_ATTACHMENTS = 3;
    static final int NOTIFICATION_WORKING_DAYS = 5;

    private final ReferralRecords records;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Documents documents;
    private final Clock clock;
    private final ReferenceGenerator references = new ReferenceGenerator();

    Referrals(
            ReferralRecords records,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Documents documents,
            Clock clock) {
        this.records = records;
        this.audit = audit;
        this.events = events;
        this.documents = documents;
        this.clock = clock;
    }

    /** A submitted referral: its id (never shown to the public) and the reference the notifier keeps. */
    public record Submitted(long id, String reference) {}

    /** A signed-in notifier's draft, as stored. */
    public record Draft(
            long id, int version, ReferralDetails details, List<DocumentSummary> documents, Instant updatedAt) {}

    /** One row of a notifier's own list: only what they typed or were told. */
    record MyReferral(
            long id,
            String reference,
            String status,
            @Nullable LocalDate incidentDate,
            LocalDate createdOn,
            @Nullable LocalDate submittedOn) {

        public boolean draft() {
            return "DRAFT".equals(status);
        }

        public String statusLabel() {
            return CaseVocabulary.label(CaseVocabulary.REFERRAL_STATUS, draft() ? "DRAFT" : "RECEIVED");
        }
    }

    /** The public form: stored already RECEIVED, with its attachments (already checked by the caller). */
    @Transactional
    public Submitted submitPublic(
            long partnershipId, String partnershipShortName, ReferralDetails d, List<Upload> files) {
        String reference = newReference(partnershipShortName);
        long id = records.insertReceived(partnershipId, reference);
        writeDetails(id, d, null);
        for (Upload file : files) {
            documents.store(partnershipId, null, OWNER_TYPE, id, file, "Attached by the notifier");
        }
        Map<String, Object> values = auditValues(d);
        values.put("reference", reference);
        values.put("source", "PUBLIC");
        values.put("attachments", files.size());
        audit.created("referral", id, values);
        received(partnershipId, id, reference, d.laAwareDate());
        return new Submitted(id, reference);
    }

    /** Starts a signed-in notifier's draft, with their name and organisation filled in. */
    @Transactional
    public long startDraft(Actor actor, ReferralDetails prefill) {
        long id = records.insertDraft(
                actor.partnershipId(), "DRAFT-" + UUID.randomUUID(), actor.userId(), actor.agencyId());
        writeDetails(id, prefill, null);
        audit.created("referral", id, Map.of("status", "DRAFT", "source", "SIGNED_IN"));
        return id;
    }

    /** The actor's own draft; empty for anyone else's, for another partnership's, and once submitted. */
    @Transactional(readOnly = true)
    public Optional<Draft> draft(Actor actor, long id) {
        return records.draft(actor.partnershipId(), actor.userId(), id)
                .map(d -> new Draft(id, d.version(), d.details(), documents.list(OWNER_TYPE, id), d.updatedAt()));
    }

    /**
     * Saves a draft as it stands (incomplete is fine) and stores any attachments chosen (already checked).
     *
     * @return the draft's new version
     * @throws ConcurrentEditException when the draft was saved from another window after this one loaded it
     */
    @Transactional
    public int saveDraft(Actor actor, long id, int version, ReferralDetails d, List<Upload> files) {
        Draft before = draft(actor, id).orElseThrow(() -> new NotFoundException("Referral"));
        if (before.documents().size() + files.size() > MAX_ATTACHMENTS) {
            throw new IllegalStateException("A referral can have up to " + MAX_ATTACHMENTS + " attachments");
        }
        int next = writeDetails(id, d, version);
        for (Upload file : files) {
            documents.store(actor.partnershipId(), null, OWNER_TYPE, id, file, "Attached by the notifier");
        }
        audit.changed(AuditAction.UPDATE, "referral", id, auditValues(before.details()), auditValues(d));
        return next;
    }

    /** Sends a complete draft (already checked in full): it becomes RECEIVED with a reference. */
    @Transactional
    public Submitted submitDraft(
            Actor actor, long id, int version, String partnershipShortName, ReferralDetails d, List<Upload> files) {
        saveDraft(actor, id, version, d, files);
        String reference = newReference(partnershipShortName);
        if (!records.markReceived(id, actor.userId(), reference)) {
            throw new NotFoundException("Referral");
        }
        audit.changed(
                AuditAction.UPDATE,
                "referral",
                id,
                Map.of("status", "DRAFT"),
                Map.of("status", "RECEIVED", "reference", reference));
        received(actor.partnershipId(), id, reference, d.laAwareDate());
        return new Submitted(id, reference);
    }

    /** The actor's own referrals, drafts first then newest. */
    @Transactional(readOnly = true)
    public PageResult<MyReferral> mine(Actor actor, int page) {
        return records.mine(actor.partnershipId(), actor.userId(), page);
    }

    private void received(long partnershipId, long id, String reference, @Nullable LocalDate laAware) {
        WorkingDayCalendar calendar = WorkingDayCalendar.england();
        // the checks refuse a date the calendar cannot count from; receipt is the fallback, never an error
        LocalDate from = laAware != null && calendar.covers(laAware) ? laAware : LocalDate.now(clock);
        LocalDate due = calendar.addWorkingDays(from, NOTIFICATION_WORKING_DAYS);
        events.publishEvent(new TaskRequested(
                partnershipId,
                Audience.BUSINESS_TEAM.roleName(),
                null,
                "Triage referral " + reference + ": decide on national notification",
                "/cases/" + id,
                due,
                "referral-triage",
                String.valueOf(id)));
        events.publishEvent(new ReferralReceived(id, partnershipId, reference));
    }

    private String newReference(String shortName) {
        int year = LocalDate.now(clock).getYear();
        for (int attempt = 0; attempt < 10; attempt++) {
            String candidate = references.next(shortName, year);
            boolean taken = records.referenceTaken(candidate);
            if (!taken) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not find a free referral reference");
    }

    /** Writes the details, children and agencies; with a version, only while the draft is at that version. */
    private int writeDetails(long id, ReferralDetails d, @Nullable Integer version) {
        return records.writeDetails(id, d, version).orElseThrow(() -> new ConcurrentEditException("This draft"));
    }

    /** What the audit trail keeps: codes and dates; long free text only as its length. */
    private static Map<String, Object> auditValues(ReferralDetails d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incidentDate", d.incidentDate());
        m.put("laAwareDate", d.laAwareDate());
        m.put("notifierAwareDate", d.notifierAwareDate());
        m.put("harm", d.harm());
        m.put("abuseOrNeglect", d.abuseOrNeglect());
        m.put("childInCare", d.childInCare());
        m.put("summary", d.summary() == null ? null : d.summary().length() + " characters");
        m.put("location", d.location());
        List<String> children = new ArrayList<>();
        for (ReferralDetails.Child c : d.children()) {
            children.add(c.position() + ": " + c.ageBand() + " " + c.gender() + " " + c.ethnicity() + " "
                    + c.disability() + " " + c.statutoryStatus() + " district " + c.districtId());
        }
        m.put("children", String.join("; ", children));
        m.put("agencies", d.agencyIds().toString());
        m.put("notifierName", d.notifierName());
        m.put("notifierRole", d.notifierRole());
        m.put("notifierOrganisation", d.notifierOrganisation());
        m.put("notifierEmail", d.notifierEmail());
        m.put("notifierPhone", d.notifierPhone());
        m.put("rationale", d.rationale() == null ? null : d.rationale().length() + " characters");
        return m;
    }
}
