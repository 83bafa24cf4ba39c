package org.safeguardinghub.casereviews.reviews;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.access.CaseMembership;
import org.safeguardinghub.casereviews.access.CaseMembershipRecords;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Practice reviews and what hangs off them (panel members, panel meetings, agency report requests, learning themes).
 * Every look-up takes the partnership, so a review of another partnership is never found.
 */
@Repository
public class PracticeReviewRecords {

    private static final String COLUMNS = """
            id, partnership_id, referral_id, title, review_type, status, commissioned_on, reviewers,
            terms_of_reference, panel_group_id, family_involvement, draft_report_on, final_report_on, signed_off_on,
            signed_off_by, publication, publication_delay_reason, published_on, version""";

    private final JdbcClient jdbc;

    PracticeReviewRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the list of reviews. */
    public record ListRow(
            long id,
            String title,
            String reviewType,
            String status,
            LocalDate commissionedOn,
            @Nullable LocalDate publishedOn,
            @Nullable String publication) {}

    /** A person on the review panel. */
    record Member(
            long id,
            String name,
            @Nullable String role,
            @Nullable String agencyName) {}

    /** A meeting of the review panel. */
    record Meeting(long id, LocalDate meetingOn, @Nullable String notes) {

        public String meetingDate() {
            return ReviewView.date(meetingOn);
        }
    }

    /** A request to one agency for its report to the review, and its answer once given. */
    public record AgencyReport(
            long id,
            long agencyId,
            String agencyName,
            @Nullable String question,
            LocalDate requestedOn,
            @Nullable LocalDate dueOn,
            String requestedByName,
            String status,
            @Nullable String response,
            @Nullable LocalDate answeredOn,
            @Nullable String answeredByName) {

        public String requestedDate() {
            return ReviewView.date(requestedOn);
        }

        public @Nullable String dueDate() {
            return ReviewView.date(dueOn);
        }

        public @Nullable String answeredDate() {
            return ReviewView.date(answeredOn);
        }
    }

    /** A referral a review can be commissioned from. */
    record ReferralRef(long id, String reference, String status) {}

    /** The review, when the reader may see it ({@link CaseMembership}: null {@code member} reads every review). */
    Optional<PracticeReview> find(long partnershipId, long id, @Nullable Long member) {
        return jdbc.sql("select " + COLUMNS + " from practice_review where id = :id and partnership_id = :p and "
                        + CaseMembership.practiceReview("practice_review"))
                .param("id", id)
                .param("p", partnershipId)
                .param("member", member, java.sql.Types.BIGINT)
                .query((rs, n) -> review(rs))
                .optional();
    }

    public PageResult<ListRow> search(
            long partnershipId,
            @Nullable Long member,
            @Nullable String status,
            @Nullable String type,
            int page,
            int size) {
        StringBuilder where =
                new StringBuilder(" where partnership_id = :p and " + CaseMembership.practiceReview("practice_review"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", partnershipId);
        params.put("member", member);
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (type != null) {
            where.append(" and review_type = :type");
            params.put("type", type);
        }
        long total = jdbc.sql("select count(*) from practice_review" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ListRow> rows = jdbc.sql(
                        """
                        select id, title, review_type, status, commissioned_on, published_on, publication
                        from practice_review""" + where + " order by commissioned_on desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query((rs, n) -> new ListRow(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("review_type"),
                        rs.getString("status"),
                        date(rs, "commissioned_on"),
                        date(rs, "published_on"),
                        rs.getString("publication")))
                .list();
        return new PageResult<>(rows, Math.max(page, 1), size, total);
    }

    long insert(PracticeReview r) {
        return jdbc.sql("""
                        insert into practice_review (partnership_id, referral_id, title, review_type, status,
                                                     commissioned_on, reviewers, terms_of_reference, panel_group_id,
                                                     family_involvement)
                        values (:p, :referral, :title, :type, :status, :commissioned, :reviewers, :tor, :group,
                                :family)
                        returning id""")
                .param("p", r.partnershipId())
                .param("referral", r.referralId())
                .param("title", r.title())
                .param("type", r.reviewType())
                .param("status", r.status())
                .param("commissioned", r.commissionedOn())
                .param("reviewers", r.reviewers())
                .param("tor", r.termsOfReference())
                .param("group", r.panelGroupId())
                .param("family", r.familyInvolvement())
                .query(Long.class)
                .single();
    }

    /**
     * Saves a changed review if nobody else saved it since it was read.
     *
     * @throws ConcurrentEditException when the version has moved on
     */
    void save(PracticeReview r) {
        int updated = jdbc.sql("""
                        update practice_review set title = :title, review_type = :type, status = :status,
                               commissioned_on = :commissioned, reviewers = :reviewers, terms_of_reference = :tor,
                               panel_group_id = :group, family_involvement = :family, draft_report_on = :draft,
                               final_report_on = :final, signed_off_on = :signedOn, signed_off_by = :signedBy,
                               publication = :publication, publication_delay_reason = :delay,
                               published_on = :published, version = version + 1
                        where id = :id and partnership_id = :p and version = :v""")
                .param("title", r.title())
                .param("type", r.reviewType())
                .param("status", r.status())
                .param("commissioned", r.commissionedOn())
                .param("reviewers", r.reviewers())
                .param("tor", r.termsOfReference())
                .param("group", r.panelGroupId())
                .param("family", r.familyInvolvement())
                .param("draft", r.draftReportOn())
                .param("final", r.finalReportOn())
                .param("signedOn", r.signedOffOn())
                .param("signedBy", r.signedOffBy())
                .param("publication", r.publication())
                .param("delay", r.publicationDelayReason())
                .param("published", r.publishedOn())
                .param("id", r.id())
                .param("p", r.partnershipId())
                .param("v", r.version())
                .update();
        if (updated == 0) {
            throw new ConcurrentEditException("This review");
        }
    }

    /** A referral of the partnership that has been received (not a draft, not closed). */
    public Optional<ReferralRef> commissionableReferral(long partnershipId, long referralId) {
        return jdbc.sql("""
                        select id, reference, status from referral
                        where id = :id and partnership_id = :p and status not in ('DRAFT', 'CLOSED')""")
                .param("id", referralId)
                .param("p", partnershipId)
                .query((rs, n) -> new ReferralRef(rs.getLong("id"), rs.getString("reference"), rs.getString("status")))
                .optional();
    }

    public Optional<ReferralRef> referral(long partnershipId, long referralId) {
        return jdbc.sql("select id, reference, status from referral where id = :id and partnership_id = :p")
                .param("id", referralId)
                .param("p", partnershipId)
                .query((rs, n) -> new ReferralRef(rs.getLong("id"), rs.getString("reference"), rs.getString("status")))
                .optional();
    }

    /** The only change this module's reviews make to a referral: a review has been commissioned from it. */
    void markReviewCommissioned(long partnershipId, long referralId) {
        jdbc.sql("""
                        update referral set status = 'REVIEW_COMMISSIONED', updated_at = now(), version = version + 1
                        where id = :id and partnership_id = :p""").param("id", referralId).param("p", partnershipId).update();
    }

    // panel members

    /** The panel members' Hub accounts a member row can name. */
    public List<org.safeguardinghub.platform.web.Option> panelAccounts(long partnershipId) {
        return CaseMembershipRecords.panelAccounts(jdbc, partnershipId);
    }

    List<Member> members(long reviewId) {
        return jdbc.sql("""
                        select m.id, m.person_name, m.role, a.name as agency_name
                        from practice_review_member m left join agency_view a on a.id = m.agency_id
                        where m.practice_review_id = :r order by m.person_name, m.id""")
                .param("r", reviewId)
                .query((rs, n) -> new Member(
                        rs.getLong("id"),
                        rs.getString("person_name"),
                        rs.getString("role"),
                        rs.getString("agency_name")))
                .list();
    }

    long addMember(long reviewId, String name, @Nullable String role, @Nullable Long agencyId, @Nullable Long userId) {
        return jdbc.sql("""
                        insert into practice_review_member (practice_review_id, person_name, role, agency_id, user_id)
                        values (:r, :name, :role, :agency, :user) returning id""")
                .param("r", reviewId)
                .param("name", name)
                .param("role", role)
                .param("agency", agencyId)
                .param("user", userId, java.sql.Types.BIGINT)
                .query(Long.class)
                .single();
    }

    Optional<Member> removeMember(long reviewId, long memberId) {
        Optional<Member> member =
                members(reviewId).stream().filter(m -> m.id() == memberId).findFirst();
        member.ifPresent(m -> jdbc.sql("delete from practice_review_member where id = :id and practice_review_id = :r")
                .param("id", memberId)
                .param("r", reviewId)
                .update());
        return member;
    }

    // panel meetings

    List<Meeting> meetings(long reviewId) {
        return jdbc.sql("""
                        select id, meeting_on, notes from panel_meeting where practice_review_id = :r
                        order by meeting_on, id""")
                .param("r", reviewId)
                .query((rs, n) -> new Meeting(rs.getLong("id"), date(rs, "meeting_on"), rs.getString("notes")))
                .list();
    }

    public Optional<Meeting> meeting(long reviewId, long meetingId) {
        return jdbc.sql("""
                        select id, meeting_on, notes from panel_meeting where id = :id and practice_review_id = :r""")
                .param("id", meetingId)
                .param("r", reviewId)
                .query((rs, n) -> new Meeting(rs.getLong("id"), date(rs, "meeting_on"), rs.getString("notes")))
                .optional();
    }

    long addMeeting(long reviewId, LocalDate on, @Nullable String notes) {
        return jdbc.sql("""
                        insert into panel_meeting (practice_review_id, meeting_on, notes) values (:r, :on, :notes)
                        returning id""")
                .param("r", reviewId)
                .param("on", on)
                .param("notes", notes)
                .query(Long.class)
                .single();
    }

    // agency reports

    public List<AgencyReport> agencyReports(long partnershipId, long reviewId) {
        return jdbc.sql("""
                        select q.id, q.agency_id, a.name as agency_name, q.question, q.requested_on, q.due_on,
                               q.requested_by_name, q.status, q.response, q.answered_on, q.answered_by_name
                        from agency_request q join agency_view a on a.id = q.agency_id
                        where q.partnership_id = :p and q.practice_review_id = :r and q.kind = 'AGENCY_REPORT'
                        order by q.requested_on, a.name, q.id""")
                .param("p", partnershipId)
                .param("r", reviewId)
                .query((rs, n) -> new AgencyReport(
                        rs.getLong("id"),
                        rs.getLong("agency_id"),
                        rs.getString("agency_name"),
                        rs.getString("question"),
                        date(rs, "requested_on"),
                        date(rs, "due_on"),
                        rs.getString("requested_by_name"),
                        rs.getString("status"),
                        rs.getString("response"),
                        date(rs, "answered_on"),
                        rs.getString("answered_by_name")))
                .list();
    }

    long requestAgencyReport(
            long partnershipId,
            long reviewId,
            long agencyId,
            String question,
            LocalDate requestedOn,
            LocalDate dueOn,
            String requestedByName) {
        return jdbc.sql("""
                        insert into agency_request (partnership_id, practice_review_id, agency_id, kind, question,
                                                    requested_on, due_on, requested_by_name)
                        values (:p, :r, :agency, 'AGENCY_REPORT', :question, :requested, :due, :by)
                        returning id""")
                .param("p", partnershipId)
                .param("r", reviewId)
                .param("agency", agencyId)
                .param("question", question)
                .param("requested", requestedOn)
                .param("due", dueOn)
                .param("by", requestedByName)
                .query(Long.class)
                .single();
    }

    // learning themes

    Set<Long> themeIds(long partnershipId, long reviewId) {
        return Set.copyOf(jdbc.sql("""
                        select theme_id from case_theme
                        where partnership_id = :p and owner_type = 'PRACTICE_REVIEW' and owner_id = :r""")
                .param("p", partnershipId)
                .param("r", reviewId)
                .query(Long.class)
                .list());
    }

    void replaceThemes(long partnershipId, long reviewId, Collection<Long> themeIds, LocalDate today) {
        List<Long> keep = new ArrayList<>(themeIds);
        keep.add(-1L); // never an empty list in SQL
        jdbc.sql("""
                        delete from case_theme where partnership_id = :p and owner_type = 'PRACTICE_REVIEW'
                                                 and owner_id = :r and theme_id not in (:keep)""")
                .param("p", partnershipId)
                .param("r", reviewId)
                .param("keep", keep)
                .update();
        for (Long theme : themeIds) {
            jdbc.sql("""
                            insert into case_theme (partnership_id, owner_type, owner_id, theme_id, tagged_on)
                            values (:p, 'PRACTICE_REVIEW', :r, :theme, :today) on conflict do nothing""")
                    .param("p", partnershipId)
                    .param("r", reviewId)
                    .param("theme", theme)
                    .param("today", today)
                    .update();
        }
    }

    private static PracticeReview review(ResultSet rs) throws SQLException {
        return new PracticeReview(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getObject("referral_id", Long.class),
                rs.getString("title"),
                rs.getString("review_type"),
                rs.getString("status"),
                date(rs, "commissioned_on"),
                rs.getString("reviewers"),
                rs.getString("terms_of_reference"),
                rs.getObject("panel_group_id", Long.class),
                rs.getString("family_involvement"),
                date(rs, "draft_report_on"),
                date(rs, "final_report_on"),
                date(rs, "signed_off_on"),
                rs.getString("signed_off_by"),
                rs.getString("publication"),
                rs.getString("publication_delay_reason"),
                date(rs, "published_on"),
                rs.getInt("version"));
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
