package org.safeguardinghub.casereviews.contributions;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.cases.CaseClocks;
import org.safeguardinghub.casereviews.cases.ClockView;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests addressed to an agency, and its answers. Every query is limited to the actor's own agency (row-level
 * security is the second line): another agency's request is simply not found.
 */
@Service
class Contributions {

    static final String DOCUMENTS = "agency-request";
    static final int MAX_DOCUMENTS = 3;

    private final JdbcClient jdbc;
    private final Documents documents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CaseClocks clocks = CaseClocks.england();

    Contributions(
            JdbcClient jdbc, Documents documents, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private static final String SELECT = """
            select q.*, r.reference, pr.title
            from agency_request q
              left join referral r on r.id = q.referral_id
              left join practice_review pr on pr.id = q.practice_review_id
            where q.partnership_id = :p and q.agency_id = :agency""";

    /** The actor's agency's requests: open ones first by due date, then answered ones, newest first. */
    PageResult<Contribution> list(Actor actor, int page, int size) {
        Long agency = actor.agencyId();
        if (agency == null) {
            return new PageResult<>(List.of(), 1, size, 0);
        }
        long total = jdbc.sql(
                        "select count(*) from agency_request q where q.partnership_id = :p and q.agency_id = :agency")
                .param("p", actor.partnershipId())
                .param("agency", agency)
                .query(Long.class)
                .single();
        LocalDate today = LocalDate.now(clock);
        List<Contribution> rows = jdbc.sql(SELECT + "\n" + """
                         order by case when q.status = 'REQUESTED' then 0 else 1 end,
                                  case when q.status = 'REQUESTED' then q.due_on end nulls last,
                                  q.requested_on desc, q.id desc
                         limit :limit offset :offset""")
                .param("p", actor.partnershipId())
                .param("agency", agency)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query((rs, n) -> row(rs, today, List.of()))
                .list();
        return new PageResult<>(rows, Math.max(page, 1), size, total);
    }

    /** One request addressed to the actor's agency, with its documents; audited as a sensitive read. */
    @Transactional
    Contribution show(Actor actor, long id) {
        Contribution c = find(actor, id);
        audit.readSensitive("agency_request", id);
        return c;
    }

    Contribution find(Actor actor, long id) {
        Long agency = actor.agencyId();
        if (agency == null) {
            throw new NotFoundException("Request");
        }
        LocalDate today = LocalDate.now(clock);
        List<DocumentSummary> docs = documents.list(DOCUMENTS, id);
        return jdbc.sql(SELECT + " and q.id = :id")
                .param("p", actor.partnershipId())
                .param("agency", agency)
                .param("id", id)
                .query((rs, n) -> row(rs, today, docs))
                .optional()
                .orElseThrow(() -> new NotFoundException("Request"));
    }

    /**
     * Answers a request with text and up to three documents, closing the agency lead's task.
     *
     * @throws IllegalStateException when the request is not open
     * @throws ConcurrentEditException when someone else answered or changed it first
     */
    @Transactional
    void answer(Actor actor, long id, int version, String response, List<Upload> uploads) {
        Contribution before = find(actor, id);
        Contribution after = before.answer(response, LocalDate.now(clock), actor.displayName());
        if (uploads.size() + before.documents().size() > MAX_DOCUMENTS) {
            throw Refusal.invalid("Attach up to " + MAX_DOCUMENTS + " documents");
        }
        int updated = jdbc.sql("""
                        update agency_request set status = 'ANSWERED', response = :response, answered_on = :on,
                               answered_by = :by, answered_by_name = :byName, version = version + 1
                        where id = :id and partnership_id = :p and agency_id = :agency and version = :v""")
                .param("response", after.response())
                .param("on", after.answeredOn())
                .param("by", actor.userId())
                .param("byName", after.answeredByName())
                .param("id", id)
                .param("p", actor.partnershipId())
                .param("agency", before.agencyId())
                .param("v", version)
                .update();
        if (updated != 1) {
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
    Optional<org.safeguardinghub.documents.DocumentContent> document(Actor actor, long id, long documentId) {
        find(actor, id);
        return documents.read(documentId, DOCUMENTS, id);
    }

    private Contribution row(ResultSet rs, LocalDate today, List<DocumentSummary> docs) throws SQLException {
        boolean review = rs.getObject("practice_review_id") != null;
        LocalDate requested = date(rs, "requested_on");
        LocalDate due = date(rs, "due_on");
        String status = rs.getString("status");
        ClockView clockView = due == null || "WITHDRAWN".equals(status)
                ? null
                : ClockView.of(clocks.agencyRequest(requested, due, date(rs, "answered_on")), today);
        return new Contribution(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getLong("agency_id"),
                review ? rs.getString("title") : rs.getString("reference"),
                review ? "Practice review" : "Case",
                CaseVocabulary.label(CaseVocabulary.REQUEST_KIND, rs.getString("kind")),
                rs.getString("question"),
                requested,
                due,
                rs.getString("requested_by_name"),
                status,
                rs.getString("response"),
                date(rs, "answered_on"),
                rs.getString("answered_by_name"),
                rs.getInt("version"),
                clockView,
                new ArrayList<>(docs));
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
