package org.safeguardinghub.casereviews.referrals;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where referrals are kept as notifiers write them: the referral row with its children and agencies, a draft read
 * back for its own notifier, the notifier's list, and the check that a new reference is free. {@link Referrals}
 * decides who may do what, audits it and publishes what follows.
 */
@Repository
class ReferralRecords {

    /** A draft as stored: its version, when it was last saved and its details with children and agencies. */
    record StoredDraft(int version, Instant updatedAt, ReferralDetails details) {}

    private final JdbcClient jdbc;

    ReferralRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a public referral, already received, under its reference. */
    long insertReceived(long partnershipId, String reference) {
        return jdbc.sql("""
                        insert into referral (partnership_id, reference, status, source, submitted_at)
                        values (:p, :ref, 'RECEIVED', 'PUBLIC', now())
                        returning id""")
                .param("p", partnershipId)
                .param("ref", reference)
                .query(Long.class)
                .single();
    }

    /** Stores a signed-in notifier's empty draft under a placeholder reference. */
    long insertDraft(long partnershipId, String placeholder, long by, @Nullable Long agencyId) {
        return jdbc.sql("""
                        insert into referral (partnership_id, reference, status, source, created_by, notifier_agency_id)
                        values (:p, :ref, 'DRAFT', 'SIGNED_IN', :by, :agency)
                        returning id""")
                .param("p", partnershipId)
                .param("ref", placeholder)
                .param("by", by)
                .param("agency", agencyId)
                .query(Long.class)
                .single();
    }

    /** The draft {@code id} of the notifier {@code by}; empty for anyone else's and once submitted. */
    Optional<StoredDraft> draft(long partnershipId, long by, long id) {
        Optional<Object[]> head = jdbc.sql("""
                        select id, version, updated_at, incident_date, la_aware_date, notifier_aware_date, harm,
                               abuse_or_neglect,
                               child_in_care, incident_summary, incident_location, notifier_name, notifier_role,
                               notifier_organisation, notifier_email, notifier_phone, rationale
                        from referral
                        where id = :id and partnership_id = :p and created_by = :by and status = 'DRAFT'""")
                .param("id", id)
                .param("p", partnershipId)
                .param("by", by)
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
        return Optional.of(new StoredDraft((Integer) head.get()[0], (Instant) head.get()[1], details));
    }

    /** Turns the notifier's draft into a received referral; false when it is no longer their draft. */
    boolean markReceived(long id, long by, String reference) {
        return jdbc.sql("""
                        update referral set status = 'RECEIVED', reference = :ref, submitted_at = now(),
                                            updated_at = now(), version = version + 1
                        where id = :id and created_by = :by and status = 'DRAFT'""")
                        .param("ref", reference)
                        .param("id", id)
                        .param("by", by)
                        .update()
                == 1;
    }

    /** The notifier's own referrals, drafts first then newest. */
    PageResult<Referrals.MyReferral> mine(long partnershipId, long by, int page) {
        long total = jdbc.sql("select count(*) from referral where partnership_id = :p and created_by = :by")
                .param("p", partnershipId)
                .param("by", by)
                .query(Long.class)
                .single();
        List<Referrals.MyReferral> items = jdbc.sql("""
                        select id, reference, status, incident_date,
                               cast(created_at at time zone 'Europe/London' as date) as created_on,
                               cast(submitted_at at time zone 'Europe/London' as date) as submitted_on
                        from referral where partnership_id = :p and created_by = :by
                        order by (status = 'DRAFT') desc, coalesce(submitted_at, updated_at) desc, id desc
                        limit :size offset :offset""")
                .param("p", partnershipId)
                .param("by", by)
                .param("size", PageResult.DEFAULT_SIZE)
                .param("offset", PageResult.offset(page, PageResult.DEFAULT_SIZE))
                .query((rs, n) -> new Referrals.MyReferral(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("status"),
                        localDate(rs.getDate("incident_date")),
                        rs.getDate("created_on").toLocalDate(),
                        localDate(rs.getDate("submitted_on"))))
                .list();
        return new PageResult<>(items, Math.max(page, 1), PageResult.DEFAULT_SIZE, total);
    }

    /** Whether a referral already has this reference. */
    boolean referenceTaken(String reference) {
        return jdbc.sql("select exists (select 1 from referral where reference = :r)")
                .param("r", reference)
                .query(Boolean.class)
                .single();
    }

    /**
     * Writes the details, children and agencies. With a version, only that version of a draft is changed.
     *
     * @return the new version, or empty when that version of the draft is no longer there
     */
    Optional<Integer> writeDetails(long id, ReferralDetails d, @Nullable Integer version) {
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
            return Optional.empty();
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
        return Optional.of(next);
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
