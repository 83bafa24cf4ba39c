package org.safeguardinghub.casereviews.contributions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.documents.Documents;
import org.safeguardinghub.documents.Upload;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.PageResult;
import org.safeguardinghub.platform.web.Refusal;
import org.safeguardinghub.tasks.TaskResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests addressed to an agency, and its answers. Every query is limited to the actor's own agency (row-level
 * security is the second line): another agency's request is simply not found.
 */
@Service
public class Contributions {

    static final String DOCUMENTS = "agency-request";
    static final int MAX_DOCUMENTS = 3;

    private final ContributionRecords records;
    private final Documents documents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Contributions(
            ContributionRecords records,
            Documents documents,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.documents = documents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The actor's agency's requests: open ones first by due date, then answered ones, newest first. */
    public PageResult<Contribution> list(Actor actor, int page, int size) {
        Long agency = actor.agencyId();
        if (agency == null) {
            return new PageResult<>(List.of(), 1, size, 0);
        }
        return records.list(actor.partnershipId(), agency, LocalDate.now(clock), page, size);
    }

    /** One request addressed to the actor's agency, with its documents; audited as a sensitive read. */
    @Transactional
    public Contribution show(Actor actor, long id) {
        Contribution c = find(actor, id);
        audit.readSensitive("agency_request", id);
        return c;
    }

    public Contribution find(Actor actor, long id) {
        Long agency = actor.agencyId();
        if (agency == null) {
            throw new NotFoundException("Request");
        }
        LocalDate today = LocalDate.now(clock);
        List<DocumentSummary> docs = documents.list(DOCUMENTS, id);
        return records.find(actor.partnershipId(), agency, id, today, docs)
                .orElseThrow(() -> new NotFoundException("Request"));
    }

    /**
     * Answers a request with text and up to three documents, closing the agency lead's task.
     *
     * @throws IllegalStateException when the request is not open
     * @throws ConcurrentEditException when someone else answered or changed it first
     */
    @Transactional
    public void answer(Actor actor, long id, int version, String response, List<Upload> uploads) {
        Contribution before = find(actor, id);
        Contribution after = before.answer(response, LocalDate.now(clock), actor.displayName());
        if (uploads.size() + before.documents().size() > MAX_DOCUMENTS) {
            throw Refusal.invalid("Attach up to " + MAX_DOCUMENTS + " documents");
        }
        if (!records.saveAnswer(actor.partnershipId(), after, actor.userId(), version)) {
            throw new ConcurrentEditException("This request");
        }
        for (Upload upload : uploads) {
            documents.store(before.partnershipId(), before.agencyId(), DOCUMENTS, id, upload, null);
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", before.status());
        b.put("response", before.response());
        b.put("answered_on", before.answeredOn());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", after.status());
        a.put("response", after.response());
        a.put("answered_on", after.answeredOn());
        audit.changed(AuditAction.UPDATE, "agency_request", id, b, a);
        events.publishEvent(new TaskResolved(actor.partnershipId(), "agency-request", String.valueOf(id)));
    }

    /** A document of a request addressed to the actor's agency; empty otherwise. */
    public Optional<org.safeguardinghub.documents.DocumentContent> document(Actor actor, long id, long documentId) {
        find(actor, id);
        return documents.read(documentId, DOCUMENTS, id);
    }
}
