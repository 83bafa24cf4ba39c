package org.safeguardinghub.casereviews.cases;

import static org.safeguardinghub.casereviews.cases.CaseRecords.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.cases.CaseViews.OverdueItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The overdue list: every open statutory or local clock of a partnership past its target. */
@Repository
public class OverdueCaseRecords {

    private final JdbcClient jdbc;
    private final CaseRecords cases;
    private final CaseSettings settings;
    private final CaseClocks clocks = CaseClocks.england();

    OverdueCaseRecords(JdbcClient jdbc, CaseRecords cases, CaseSettings settings) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.settings = settings;
    }

    /**
     * Every open clock of the partnership that is past its target: notification decisions, rapid reviews, practice
     * reviews and agency requests, most overdue first.
     */
    public List<OverdueItem> overdue(long partnership, LocalDate today) {
        List<OverdueItem> items = new ArrayList<>();
        addCaseClocks(items, partnership, today);
        addReviewClocks(items, partnership, today);
        addRequestClocks(items, partnership, today);
        return items.stream()
                .filter(i -> i.clock().overdue())
                .sorted(Comparator.comparing((OverdueItem i) -> i.clock().targetDate())
                        .thenComparing(OverdueItem::subject))
                .toList();
    }

    /** Notification decisions and rapid reviews past their targets. */
    private void addCaseClocks(List<OverdueItem> items, long partnership, LocalDate today) {
        RapidReviewStart start = settings.rapidReviewStart(partnership);
        jdbc.sql("""
                        select r.id, r.reference, r.la_aware_date, r.national_decision, r.notified_on,
                               rr.id as rapid_review_id, rr.sent_to_panel_on, %s as received_on
                        from referral r left join rapid_review rr on rr.referral_id = r.id
                        where r.partnership_id = :p and r.status <> 'DRAFT'
                          and ((r.national_decision is null and %s < :notifyCut)
                            or (rr.id is not null and rr.sent_to_panel_on is null
                                and least(r.notified_on, coalesce(r.la_aware_date, %1$s)) < :rapidCut))""".formatted(CaseRecords.RECEIVED_ON, "coalesce(r.la_aware_date, " + CaseRecords.RECEIVED_ON + ")"))
                .param("p", partnership)
                .param("notifyCut", today.minusDays(CaseClocks.NOTIFICATION_WORKING_DAYS))
                .param("rapidCut", today.minusDays(CaseClocks.RAPID_REVIEW_WORKING_DAYS))
                .query((rs, n) -> {
                    String link = "/cases/" + rs.getLong("id");
                    String ref = rs.getString("reference");
                    if (rs.getString("national_decision") == null) {
                        items.add(new OverdueItem(
                                "Decision on national notification",
                                ref,
                                link,
                                null,
                                ClockView.of(
                                        clocks.notification(date(rs, "la_aware_date"), date(rs, "received_on"), null),
                                        today)));
                    } else if (date(rs, "notified_on") != null) {
                        items.add(new OverdueItem(
                                "Rapid review to the national panel",
                                ref,
                                link,
                                null,
                                cases.rapidReviewClock(
                                        start,
                                        date(rs, "la_aware_date"),
                                        date(rs, "received_on"),
                                        date(rs, "notified_on"),
                                        null,
                                        today)));
                    }
                    return 0;
                })
                .list();
    }

    /** Practice reviews past their publication target. */
    private void addReviewClocks(List<OverdueItem> items, long partnership, LocalDate today) {
        jdbc.sql("""
                        select id, title, commissioned_on from practice_review
                        where partnership_id = :p and published_on is null and commissioned_on < :cut""")
                .param("p", partnership)
                .param("cut", today.minusMonths(CaseClocks.PRACTICE_REVIEW_MONTHS))
                .query((rs, n) -> items.add(new OverdueItem(
                        "Practice review publication",
                        rs.getString("title"),
                        "/reviews/" + rs.getLong("id"),
                        null,
                        ClockView.of(clocks.practiceReview(date(rs, "commissioned_on"), null), today))))
                .list();
    }

    /** Agency requests (for a case or a practice review) past their due date. */
    private void addRequestClocks(List<OverdueItem> items, long partnership, LocalDate today) {
        jdbc.sql("""
                        select q.id, q.kind, q.requested_on, q.due_on, q.referral_id, q.practice_review_id,
                               a.name as agency, r.reference, pr.title
                        from agency_request q join agency_view a on a.id = q.agency_id
                          left join referral r on r.id = q.referral_id
                          left join practice_review pr on pr.id = q.practice_review_id
                        where q.partnership_id = :p and q.status = 'REQUESTED' and q.due_on < :today""")
                .param("p", partnership)
                .param("today", today)
                .query((rs, n) -> {
                    boolean review = rs.getObject("practice_review_id") != null;
                    return items.add(new OverdueItem(
                            CaseVocabulary.label(CaseVocabulary.REQUEST_KIND, rs.getString("kind")) + " from agency",
                            review ? rs.getString("title") : rs.getString("reference"),
                            review
                                    ? "/reviews/" + rs.getLong("practice_review_id")
                                    : "/cases/" + rs.getLong("referral_id"),
                            rs.getString("agency"),
                            ClockView.of(
                                    clocks.agencyRequest(date(rs, "requested_on"), date(rs, "due_on"), null), today)));
                })
                .list();
    }
}
