package org.safeguardinghub.casereviews.referrals;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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
class Referrals {

    static final String OWNER_TYPE = "referral";
    static final int MAX_ATTACHMENTS = 3;
    static final int NOTIFICATION_WORKING_DAYS = 5;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Documents documents;
    private final Clock clock;
    private final ReferenceGenerator references = new ReferenceGenerator();

    Referrals(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Documents documents, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.documents = documents;
        this.clock = clock;
    }

    /** A submitted referral: its id (never shown to the public) and the reference the notifier keeps. */
    record Submitted(long id, String reference) {}

    /** A signed-in notifier's draft, as stored. */
    record Draft(long id, int version, ReferralDetails details, List<DocumentSummary> documents, Instant updatedAt) {}

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
        long id = jdbc.sql("""
                        insert into referral (partnership_id, reference, status, source, submitted_at)
                        values (:p, :ref, 'RECEIVED', 'PUBLIC', now())
                        returning id""")
                .param("p", partnershipId)
                .param("ref", reference)
                .query(Long.class)
                .single();
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
        long id = jdbc.sql("""
                        insert into referral (partnership_id, reference, status, source, created_by, notifier_agency_id)
                        values (:p, :ref, 'DRAFT', 'SIGNED_IN', :by, :agency)
                        returning id""")
                .param("p", actor.partnershipId())
                .param("ref", "DRAFT-" + UUID.randomUUID())
                .param("by", actor.userId())
                .param("agency", actor.agencyId())
                .query(Long.class)
                .single();
        writeDetails(id, prefill, null);
        audit.created("referral", id, Map.of("status", "DRAFT", "source", "SIGNED_IN"));
        return id;
    }

    /** The actor's own draft; empty for anyone else's, for another partnership's, and once submitted. */
    @Transactional(readOnly = true)
    public Optional<Draft> draft(Actor actor, long id) {
        Optional<Object[]> head = jdbc.sql("""
                        select id, version, updated_at, incident_date, la_aware_date, notifier_aware_date, harm,
                               abuse_or_neglect,
                               child_in_care, incident_summary, incident_location, notifier_name, notifier_role,
                               notifier_organisation, notifier_email, notifier_phone, rationale
                        from referral
                        where id = :id and partnership_id = :p and created_by = :by and status = 'DRAFT'""")
                .param("id", id)
                .param("p", actor.partnershipId())
                .param("by", actor.userId())
                .query((rs, n) -> new Object[] {
                    rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), headDetails(rs)
                })
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        ReferralDetails partial = (ReferralDetails) head.get()[2];
        List<ReferralDetails.Child> children = jdbc.sql("""
                        select position, age_years, date_of_birth, age_band, gender, ethnicity, disability,
                               statutory_status, district_id
                        from referral_child where referral_id = :id order by position""")
                .param("id", id)
                .query((rs, n) -> new ReferralDetails.Child(
                        rs.getInt("position"),
                        (Integer) rs.getObject("age_years"),
                        localDate(rs.getDate("date_of_birth")),
                        rs.getString("age_band"),
                        rs.getString("gender"),
                        rs.getString("ethnicity"),
                        rs.getString("disability"),
                        rs.getString("statutory_status"),
                        (Long) rs.getObject("district_id")))
                .list();
        List<Long> agencies = jdbc.sql(
                        "select agency_id from referral_agency where referral_id = :id order by agency_id")
                .param("id", id)
                .query(Long.class)
                .list();
        ReferralDetails details = new ReferralDetails(
                partial.incidentDate(),
                partial.laAwareDate(),
                partial.notifierAwareDate(),
                partial.harm(),
                partial.abuseOrNeglect(),
                partial.childInCare(),
                partial.summary(),
                partial.location(),
                children,
                agencies,
                partial.notifierName(),
                partial.notifierRole(),
                partial.notifierOrganisation(),
                partial.notifierEmail(),
                partial.notifierPhone(),
                partial.rationale());
        return Optional.of(new Draft(
                id, (Integer) head.get()[0], details, documents.list(OWNER_TYPE, id), (Instant) head.get()[1]));
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
        int updated = jdbc.sql("""
                        update referral set status = 'RECEIVED', reference = :ref, submitted_at = now(),
                                            updated_at = now(), version = version + 1
                        where id = :id and created_by = :by and status = 'DRAFT'""")
                .param("ref", reference)
                .param("id", id)
                .param("by", actor.userId())
                .update();
        if (updated != 1) {
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
        long total = jdbc.sql("select count(*) from referral where partnership_id = :p and created_by = :by")
                .param("p", actor.partnershipId())
                .param("by", actor.userId())
                .query(Long.class)
                .single();
        List<MyReferral> items = jdbc.sql("""
                        select id, reference, status, incident_date,
                               cast(created_at at time zone 'Europe/London' as date) as created_on,
                               cast(submitted_at at time zone 'Europe/London' as date) as submitted_on
                        from referral where partnership_id = :p and created_by = :by
                        order by (status = 'DRAFT') desc, coalesce(submitted_at, updated_at) desc, id desc
                        limit :size offset :offset""")
                .param("p", actor.partnershipId())
                .param("by", actor.userId())
                .param("size", PageResult.DEFAULT_SIZE)
                .param("offset", PageResult.offset(page, PageResult.DEFAULT_SIZE))
                .query((rs, n) -> new MyReferral(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("status"),
                        localDate(rs.getDate("incident_date")),
                        rs.getDate("created_on").toLocalDate(),
                        localDate(rs.getDate("submitted_on"))))
                .list();
        return new PageResult<>(items, Math.max(page, 1), PageResult.DEFAULT_SIZE, total);
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
            boolean taken = jdbc.sql("select exists (select 1 from referral where reference = :r)")
                    .param("r", candidate)
                    .query(Boolean.class)
                    .single();
            if (!taken) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not find a free referral reference");
    }

    /**
     * Writes the details, children and agencies. With a version, only that version of a draft is changed.
     *
     * @return the new version
     */
    private int writeDetails(long id, ReferralDetails d, @Nullable Integer version) {
        Integer next = jdbc.sql("""
                        update referral set incident_date = :incident, la_aware_date = :aware,
                            notifier_aware_date = :notifierAware, harm = :harm,
                            abuse_or_neglect = :abuse, child_in_care = :inCare, incident_summary = :summary,
                            incident_location = :location, notifier_name = :name, notifier_role = :role,
                            notifier_organisation = :org, notifier_email = :email, notifier_phone = :phone,
                            rationale = :rationale, updated_at = now(), version = version + 1
                        where id = :id and (cast(:version as int) is null or (version = :version and status = 'DRAFT'))
                        returning version""")
                .param("incident", d.incidentDate())
                .param("aware", d.laAwareDate())
                .param("notifierAware", d.notifierAwareDate(), java.sql.Types.DATE)
                .param("harm", d.harm())
                .param("abuse", d.abuseOrNeglect())
                .param("inCare", d.childInCare())
                .param("summary", d.summary())
                .param("location", d.location())
                .param("name", d.notifierName())
                .param("role", d.notifierRole())
                .param("org", d.notifierOrganisation())
                .param("email", d.notifierEmail())
                .param("phone", d.notifierPhone())
                .param("rationale", d.rationale())
                .param("id", id)
                .param("version", version, java.sql.Types.INTEGER)
                .query(Integer.class)
                .optional()
                .orElse(null);
        if (next == null) {
            throw new ConcurrentEditException("This draft");
        }
        jdbc.sql("delete from referral_child where referral_id = :id")
                .param("id", id)
                .update();
        for (ReferralDetails.Child c : d.children()) {
            jdbc.sql("""
                            insert into referral_child (referral_id, position, age_years, date_of_birth, age_band,
                                                        gender, ethnicity, disability, statutory_status, district_id)
                            values (:id, :pos, :age, :dob, :band, :gender, :ethnicity, :disability, :status, :district)""")
                    .param("id", id)
                    .param("pos", c.position())
                    .param("age", c.ageYears(), java.sql.Types.INTEGER)
                    .param("dob", c.dateOfBirth(), java.sql.Types.DATE)
                    .param("band", c.ageBand())
                    .param("gender", c.gender())
                    .param("ethnicity", c.ethnicity())
                    .param("disability", c.disability())
                    .param("status", c.statutoryStatus())
                    .param("district", c.districtId(), java.sql.Types.BIGINT)
                    .update();
        }
        jdbc.sql("delete from referral_agency where referral_id = :id")
                .param("id", id)
                .update();
        if (!d.agencyIds().isEmpty()) {
            jdbc.sql("""
                            insert into referral_agency (referral_id, agency_id)
                            select :id, unnest(cast(:agencies as bigint[]))""")
                    .param("id", id)
                    .param("agencies", d.agencyIds().toArray(Long[]::new))
                    .update();
        }
        return next;
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

    private static ReferralDetails headDetails(ResultSet rs) throws SQLException {
        return new ReferralDetails(
                localDate(rs.getDate("incident_date")),
                localDate(rs.getDate("la_aware_date")),
                localDate(rs.getDate("notifier_aware_date")),
                rs.getString("harm"),
                rs.getString("abuse_or_neglect"),
                (Boolean) rs.getObject("child_in_care"),
                rs.getString("incident_summary"),
                rs.getString("incident_location"),
                List.of(),
                List.of(),
                rs.getString("notifier_name"),
                rs.getString("notifier_role"),
                rs.getString("notifier_organisation"),
                rs.getString("notifier_email"),
                rs.getString("notifier_phone"),
                rs.getString("rationale"));
    }

    private static @Nullable LocalDate localDate(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
