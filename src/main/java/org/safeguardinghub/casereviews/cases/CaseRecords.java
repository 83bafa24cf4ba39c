package org.safeguardinghub.casereviews.cases;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.access.CaseMembership;
import org.safeguardinghub.casereviews.access.CaseMembershipRecords;
import org.safeguardinghub.casereviews.cases.CaseViews.CaseRow;
import org.safeguardinghub.casereviews.cases.CaseViews.ChildRow;
import org.safeguardinghub.casereviews.cases.CaseViews.MemberRow;
import org.safeguardinghub.casereviews.cases.CaseViews.ReferralDetails;
import org.safeguardinghub.casereviews.cases.CaseViews.RequestRow;
import org.safeguardinghub.casereviews.cases.CaseViews.ReviewLink;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals, rapid reviews and their parts as the case pages read and write them. Every query is scoped to the
 * partnership it is given; drafts are never case records.
 */
@Repository
public class CaseRecords {

    static final ZoneId UK = ZoneId.of("Europe/London");

    static final String RECEIVED_ON = "(coalesce(r.submitted_at, r.created_at) at time zone 'Europe/London')::date";

    private final JdbcClient jdbc;
    private final CaseSettings settings;
    private final CaseClocks clocks = CaseClocks.england();

    CaseRecords(JdbcClient jdbc, CaseSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The rapid review clock of a referral under the partnership's chosen start, with a line saying what it counts
     * from ("15 working days from notification").
     */
    public ClockView rapidReviewClock(
            RapidReviewStart start,
            @Nullable LocalDate laAwareOn,
            LocalDate receivedOn,
            LocalDate notifiedOn,
            @Nullable LocalDate sentToPanelOn,
            LocalDate today) {
        LocalDate from = CaseClocks.rapidReviewStartDate(start, laAwareOn, receivedOn, notifiedOn);
        String basis = CaseClocks.RAPID_REVIEW_WORKING_DAYS + " working days from " + start.shortLabel()
                + (start == RapidReviewStart.LA_AWARE && laAwareOn == null ? " (not known: from receipt)" : "")
                + ", " + CaseFormats.date(from);
        return ClockView.of(clocks.rapidReview(start, laAwareOn, receivedOn, notifiedOn, sentToPanelOn), today)
                .withBasis(basis);
    }

    /** The filters of the case list. */
    public record Filter(
            @Nullable String status,
            @Nullable Integer financialYear,
            boolean overdueOnly,
            @Nullable String q) {}

    /** Received referrals of a partnership, newest first, each with its next open clock. */
    public PageResult<CaseRow> search(
            long partnership, @Nullable Long member, Filter filter, LocalDate today, int page, int size) {
        StringBuilder where = new StringBuilder(
                " where r.partnership_id = :p and r.status <> 'DRAFT' and " + CaseMembership.referral("r"));
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("p", partnership);
        params.put("member", member);
        if (filter.status() != null) {
            where.append(" and r.status = :status");
            params.put("status", filter.status());
        }
        if (filter.financialYear() != null) {
            where.append(" and ")
                    .append(RECEIVED_ON)
                    .append(" >= :from and ")
                    .append(RECEIVED_ON)
                    .append(" < :to");
            params.put("from", LocalDate.of(filter.financialYear(), 4, 1));
            params.put("to", LocalDate.of(filter.financialYear() + 1, 4, 1));
        }
        if (filter.q() != null) {
            where.append(" and r.reference ilike :q");
            params.put(
                    "q",
                    "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String select = """
                select r.id, r.reference, r.status, r.harm, r.la_aware_date, r.national_decision,
                       r.national_decision_on, r.notified_on, rr.id as rapid_review_id, rr.sent_to_panel_on,
                       %s as received_on,
                       (select count(*) from referral_child c where c.referral_id = r.id) as children,
                       (select min(pr.commissioned_on) from practice_review pr
                         where pr.referral_id = r.id and pr.published_on is null) as review_commissioned_on
                from referral r left join rapid_review rr on rr.referral_id = r.id
                """.formatted(RECEIVED_ON);
        String order = " order by coalesce(r.submitted_at, r.created_at) desc, r.id desc";
        RapidReviewStart start = settings.rapidReviewStart(partnership);
        if (filter.overdueOnly()) {
            String open = " and (r.national_decision is null"
                    + " or (rr.id is not null and rr.sent_to_panel_on is null and r.notified_on is not null)"
                    + " or exists (select 1 from practice_review pr where pr.referral_id = r.id"
                    + " and pr.published_on is null))";
            List<CaseRow> rows = jdbc
                    .sql(select + where + open + order)
                    .params(params)
                    .query((rs, n) -> caseRow(rs, today, start))
                    .list()
                    .stream()
                    .filter(row -> row.nextClock() != null && row.nextClock().overdue())
                    .toList();
            int from = Math.min(rows.size(), PageResult.offset(page, size));
            return new PageResult<>(
                    rows.subList(from, Math.min(rows.size(), from + size)), Math.max(page, 1), size, rows.size());
        }
        long total = jdbc.sql("select count(*) from referral r" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", PageResult.offset(page, size));
        List<CaseRow> rows = jdbc.sql(select + where + order + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> caseRow(rs, today, start))
                .list();
        return new PageResult<>(rows, Math.max(page, 1), size, total);
    }

    private CaseRow caseRow(ResultSet rs, LocalDate today, RapidReviewStart start) throws SQLException {
        LocalDate received = date(rs, "received_on");
        String status = rs.getString("status");
        ClockView next = null;
        if (rs.getString("national_decision") == null) {
            next = ClockView.of(clocks.notification(date(rs, "la_aware_date"), received, null), today);
        } else if (rs.getObject("rapid_review_id") != null
                && rs.getObject("sent_to_panel_on") == null
                && date(rs, "notified_on") != null) {
            next = rapidReviewClock(start, date(rs, "la_aware_date"), received, date(rs, "notified_on"), null, today);
        } else if (date(rs, "review_commissioned_on") != null) {
            next = ClockView.of(clocks.practiceReview(date(rs, "review_commissioned_on"), null), today);
        }
        return new CaseRow(
                rs.getLong("id"),
                rs.getString("reference"),
                received,
                CaseVocabulary.label(CaseVocabulary.HARM, rs.getString("harm")),
                rs.getInt("children"),
                status,
                CaseVocabulary.label(CaseVocabulary.REFERRAL_STATUS, status),
                next);
    }

    /** The panel members' Hub accounts that a review member row can name. */
    public List<org.safeguardinghub.platform.web.Option> panelAccounts(long partnership) {
        return CaseMembershipRecords.panelAccounts(jdbc, partnership);
    }

    /** Whether the reader ({@link CaseMembership#limitedTo}) may see the received referral. */
    public boolean readable(long partnership, long id, @Nullable Long member) {
        return jdbc.sql("select exists (select 1 from referral r where r.id = :id and r.partnership_id = :p"
                        + " and r.status <> 'DRAFT' and " + CaseMembership.referral("r") + ")")
                .param("id", id)
                .param("p", partnership)
                .param("member", member, java.sql.Types.BIGINT)
                .query(Boolean.class)
                .single();
    }

    /** The links ("/cases/1", "/reviews/2") of the referrals and practice reviews the member may see. */
    public java.util.Set<String> readableLinks(long partnership, long member) {
        java.util.Set<String> links = new java.util.HashSet<>();
        jdbc.sql("select r.id from referral r where r.partnership_id = :p and " + CaseMembership.referral("r"))
                .param("p", partnership)
                .param("member", member)
                .query(Long.class)
                .list()
                .forEach(id -> links.add("/cases/" + id));
        jdbc.sql("select pr.id from practice_review pr where pr.partnership_id = :p and "
                        + CaseMembership.practiceReview("pr"))
                .param("p", partnership)
                .param("member", member)
                .query(Long.class)
                .list()
                .forEach(id -> links.add("/reviews/" + id));
        return links;
    }

    /** A received referral of the partnership, as the aggregate and as the notifier described it. */
    public Optional<CaseFile> find(long partnership, long id) {
        return jdbc.sql("""
                        select r.*, %s as received_on from referral r
                        where r.id = :id and r.partnership_id = :p and r.status <> 'DRAFT'""".formatted(RECEIVED_ON))
                .param("id", id)
                .param("p", partnership)
                .query((rs, n) -> new CaseFile(
                        referral(rs),
                        new ReferralDetails(
                                rs.getString("source"),
                                date(rs, "incident_date"),
                                rs.getString("harm"),
                                rs.getString("abuse_or_neglect"),
                                (Boolean) rs.getObject("child_in_care"),
                                rs.getString("incident_summary"),
                                rs.getString("incident_location"),
                                rs.getString("notifier_name"),
                                rs.getString("notifier_role"),
                                rs.getString("notifier_organisation"),
                                rs.getString("notifier_email"),
                                rs.getString("notifier_phone"),
                                rs.getString("rationale"),
                                rs.getObject("submitted_at", Timestamp.class) == null
                                        ? null
                                        : rs.getObject("submitted_at", Timestamp.class)
                                                .toInstant(),
                                date(rs, "notifier_aware_date"))))
                .optional();
    }

    /** The referral aggregate, locked for the decision being made. */
    Optional<Referral> referralForUpdate(long partnership, long id) {
        return jdbc.sql("""
                        select r.*, %s as received_on from referral r
                        where r.id = :id and r.partnership_id = :p and r.status <> 'DRAFT' for update""".formatted(RECEIVED_ON))
                .param("id", id)
                .param("p", partnership)
                .query((rs, n) -> referral(rs))
                .optional();
    }

    public record CaseFile(Referral referral, ReferralDetails details) {}

    private static Referral referral(ResultSet rs) throws SQLException {
        return new Referral(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getString("reference"),
                rs.getString("status"),
                date(rs, "la_aware_date"),
                date(rs, "received_on"),
                rs.getString("national_decision"),
                date(rs, "national_decision_on"),
                rs.getString("national_decision_by"),
                rs.getString("national_decision_reason"),
                date(rs, "notified_on"),
                rs.getString("local_decision"),
                date(rs, "local_decision_on"),
                rs.getString("local_decision_by"),
                rs.getString("local_decision_reason"),
                date(rs, "closed_on"),
                rs.getInt("version"));
    }

    /** Saves a decision if nobody else changed the referral since it was read at {@code version}. */
    boolean saveDecisions(Referral r, int version) {
        return jdbc.sql("""
                        update referral set status = :status, national_decision = :nd, national_decision_on = :ndOn,
                               national_decision_by = :ndBy, national_decision_reason = :ndReason,
                               notified_on = :notified, local_decision = :ld, local_decision_on = :ldOn,
                               local_decision_by = :ldBy, local_decision_reason = :ldReason, closed_on = :closed,
                               updated_at = now(), version = version + 1
                        where id = :id and partnership_id = :p and version = :v""")
                        .param("status", r.status())
                        .param("nd", r.nationalDecision())
                        .param("ndOn", r.nationalDecisionOn())
                        .param("ndBy", r.nationalDecisionBy())
                        .param("ndReason", r.nationalDecisionReason())
                        .param("notified", r.notifiedOn())
                        .param("ld", r.localDecision())
                        .param("ldOn", r.localDecisionOn())
                        .param("ldBy", r.localDecisionBy())
                        .param("ldReason", r.localDecisionReason())
                        .param("closed", r.closedOn())
                        .param("id", r.id())
                        .param("p", r.partnershipId())
                        .param("v", version)
                        .update()
                == 1;
    }

    public Optional<RapidReview> rapidReview(long partnership, long referralId) {
        return jdbc.sql("""
                        select * from rapid_review where referral_id = :r and partnership_id = :p""")
                .param("r", referralId)
                .param("p", partnership)
                .query((rs, n) -> new RapidReview(
                        rs.getLong("id"),
                        rs.getLong("referral_id"),
                        date(rs, "meeting_on"),
                        rs.getString("outcome"),
                        rs.getString("other_review_type"),
                        rs.getString("outcome_reason"),
                        date(rs, "completed_on"),
                        date(rs, "sent_to_panel_on"),
                        rs.getInt("version")))
                .optional();
    }

    /** Creates the rapid review of a notified referral (once). */
    long createRapidReview(long partnership, long referralId) {
        return jdbc.sql("""
                        insert into rapid_review (partnership_id, referral_id) values (:p, :r)
                        on conflict (referral_id) do update set referral_id = excluded.referral_id
                        returning id""")
                .param("p", partnership)
                .param("r", referralId)
                .query(Long.class)
                .single();
    }

    boolean saveRapidReview(long partnership, RapidReview rr, int version) {
        return jdbc.sql("""
                        update rapid_review set meeting_on = :meeting, outcome = :outcome,
                               other_review_type = :type, outcome_reason = :reason, completed_on = :completed,
                               sent_to_panel_on = :sent, version = version + 1
                        where id = :id and partnership_id = :p and version = :v""")
                        .param("meeting", rr.meetingOn())
                        .param("outcome", rr.outcome())
                        .param("type", rr.otherReviewType())
                        .param("reason", rr.outcomeReason())
                        .param("completed", rr.completedOn())
                        .param("sent", rr.sentToPanelOn())
                        .param("id", rr.id())
                        .param("p", partnership)
                        .param("v", version)
                        .update()
                == 1;
    }

    public List<ChildRow> children(long referralId) {
        return jdbc.sql("""
                        select c.position, c.age_band, c.age_years, c.gender, c.ethnicity, c.disability,
                               c.statutory_status, d.name as district
                        from referral_child c left join district_view d on d.id = c.district_id
                        where c.referral_id = :r order by c.position""")
                .param("r", referralId)
                .query((rs, n) -> new ChildRow(
                        rs.getInt("position"),
                        CaseVocabulary.label(CaseVocabulary.AGE_BAND, rs.getString("age_band")),
                        (Integer) rs.getObject("age_years"),
                        CaseVocabulary.label(CaseVocabulary.GENDER, rs.getString("gender")),
                        CaseVocabulary.label(CaseVocabulary.ETHNICITY, rs.getString("ethnicity")),
                        CaseVocabulary.label(CaseVocabulary.DISABILITY, rs.getString("disability")),
                        CaseVocabulary.label(CaseVocabulary.STATUTORY_STATUS, rs.getString("statutory_status")),
                        rs.getString("district") == null ? "" : rs.getString("district")))
                .list();
    }

    public List<String> agenciesInvolved(long referralId) {
        return jdbc.sql("""
                        select a.name from referral_agency ra join agency_view a on a.id = ra.agency_id
                        where ra.referral_id = :r order by a.name""").param("r", referralId).query(String.class).list();
    }

    public List<MemberRow> members(long rapidReviewId) {
        return jdbc.sql("""
                        select m.id, m.person_name, m.role, a.name as agency
                        from rapid_review_member m left join agency_view a on a.id = m.agency_id
                        where m.rapid_review_id = :rr order by m.id""")
                .param("rr", rapidReviewId)
                .query((rs, n) -> new MemberRow(
                        rs.getLong("id"), rs.getString("person_name"), rs.getString("role"), rs.getString("agency")))
                .list();
    }

    void addMember(
            long rapidReviewId, String name, @Nullable String role, @Nullable Long agencyId, @Nullable Long userId) {
        jdbc.sql("""
                        insert into rapid_review_member (rapid_review_id, person_name, role, agency_id, user_id)
                        values (:rr, :name, :role, :agency, :user)""")
                .param("rr", rapidReviewId)
                .param("name", name)
                .param("role", role)
                .param("agency", agencyId)
                .param("user", userId, java.sql.Types.BIGINT)
                .update();
    }

    Optional<String> removeMember(long rapidReviewId, long memberId) {
        return jdbc.sql("""
                        delete from rapid_review_member where id = :id and rapid_review_id = :rr
                        returning person_name""")
                .param("id", memberId)
                .param("rr", rapidReviewId)
                .query(String.class)
                .optional();
    }

    /** The requests to agencies about a referral (all agencies: case readers see across agencies). */
    public List<RequestRow> requests(
            long partnership, long referralId, LocalDate today, Map<Long, List<DocumentSummary>> documents) {
        return jdbc.sql("""
                        select q.*, a.name as agency from agency_request q join agency_view a on a.id = q.agency_id
                        where q.referral_id = :r and q.partnership_id = :p order by q.requested_on, q.id""")
                .param("r", referralId)
                .param("p", partnership)
                .query((rs, n) -> {
                    LocalDate due = date(rs, "due_on");
                    LocalDate requested = date(rs, "requested_on");
                    ClockView clock = due == null || "WITHDRAWN".equals(rs.getString("status"))
                            ? null
                            : ClockView.of(clocks.agencyRequest(requested, due, date(rs, "answered_on")), today);
                    return new RequestRow(
                            rs.getLong("id"),
                            rs.getString("agency"),
                            CaseVocabulary.label(CaseVocabulary.REQUEST_KIND, rs.getString("kind")),
                            rs.getString("question"),
                            requested,
                            due,
                            rs.getString("requested_by_name"),
                            rs.getString("status"),
                            rs.getString("response"),
                            date(rs, "answered_on"),
                            rs.getString("answered_by_name"),
                            clock,
                            documents.getOrDefault(rs.getLong("id"), List.of()));
                })
                .list();
    }

    public List<Long> requestIds(long partnership, long referralId) {
        return jdbc.sql("select id from agency_request where referral_id = :r and partnership_id = :p")
                .param("r", referralId)
                .param("p", partnership)
                .query(Long.class)
                .list();
    }

    /** Whether a request belongs to this referral. */
    public boolean requestOf(long partnership, long referralId, long requestId) {
        return jdbc.sql("""
                        select count(*) from agency_request
                        where id = :id and referral_id = :r and partnership_id = :p""")
                        .param("id", requestId)
                        .param("r", referralId)
                        .param("p", partnership)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insertRequest(
            long partnership,
            long referralId,
            long agencyId,
            String kind,
            @Nullable String question,
            LocalDate requestedOn,
            LocalDate dueOn,
            String by) {
        return jdbc.sql("""
                        insert into agency_request (partnership_id, referral_id, agency_id, kind, question,
                                                    requested_on, due_on, requested_by_name)
                        values (:p, :r, :agency, :kind, :question, :on, :due, :by) returning id""")
                .param("p", partnership)
                .param("r", referralId)
                .param("agency", agencyId)
                .param("kind", kind)
                .param("question", question)
                .param("on", requestedOn)
                .param("due", dueOn)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    public List<ReviewLink> practiceReviews(long partnership, long referralId, LocalDate today) {
        return jdbc.sql("""
                        select id, title, review_type, status, commissioned_on, published_on from practice_review
                        where referral_id = :r and partnership_id = :p order by commissioned_on, id""")
                .param("r", referralId)
                .param("p", partnership)
                .query((rs, n) -> new ReviewLink(
                        rs.getLong("id"),
                        rs.getString("title"),
                        CaseVocabulary.label(CaseVocabulary.REVIEW_TYPE, rs.getString("review_type")),
                        CaseVocabulary.label(CaseVocabulary.REVIEW_STATUS, rs.getString("status")),
                        ClockView.of(
                                clocks.practiceReview(date(rs, "commissioned_on"), date(rs, "published_on")), today)))
                .list();
    }

    public List<Long> themeIds(long partnership, String ownerType, long ownerId) {
        return jdbc.sql("""
                        select theme_id from case_theme
                        where partnership_id = :p and owner_type = :t and owner_id = :o""")
                .param("p", partnership)
                .param("t", ownerType)
                .param("o", ownerId)
                .query(Long.class)
                .list();
    }

    void replaceThemes(long partnership, String ownerType, long ownerId, Collection<Long> themeIds, LocalDate on) {
        jdbc.sql("""
                        delete from case_theme where partnership_id = :p and owner_type = :t and owner_id = :o
                          and not (theme_id = any(:keep))""")
                .param("p", partnership)
                .param("t", ownerType)
                .param("o", ownerId)
                .param("keep", themeIds.toArray(Long[]::new))
                .update();
        for (long theme : themeIds) {
            jdbc.sql("""
                            insert into case_theme (partnership_id, owner_type, owner_id, theme_id, tagged_on)
                            values (:p, :t, :o, :theme, :on) on conflict do nothing""")
                    .param("p", partnership)
                    .param("t", ownerType)
                    .param("o", ownerId)
                    .param("theme", theme)
                    .param("on", on)
                    .update();
        }
    }

    static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
