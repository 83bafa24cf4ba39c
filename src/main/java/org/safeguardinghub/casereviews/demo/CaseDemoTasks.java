package org.safeguardinghub.casereviews.demo;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.tasks.TaskBacklog;
import org.safeguardinghub.tasks.TaskRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The home-page tasks the demo's open case work would have raised had it been entered through the pages (in real
 * use they come from events): triage of received referrals, rapid reviews in progress and unanswered requests to
 * agencies (the learning module's demo raises its actions' tasks). Same titles, links, due dates and sources as the
 * modules use, so doing the work in the demo closes them.
 */
@Component
class CaseDemoTasks {

    private final JdbcClient jdbc;
    private final TaskBacklog tasks;

    CaseDemoTasks(JdbcClient jdbc, TaskBacklog tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    void raiseForOpenCaseWork(long partnershipId) {
        WorkingDayCalendar calendar = WorkingDayCalendar.england();
        jdbc.sql("""
                        select id, reference, coalesce(la_aware_date, submitted_at::date) as aware from referral
                        where partnership_id = :p and status = 'RECEIVED'""")
                .param("p", partnershipId)
                .query((rs, n) -> {
                    LocalDate due = calendar.addWorkingDays(rs.getObject("aware", LocalDate.class), 5);
                    raise(
                            partnershipId,
                            Audience.BUSINESS_TEAM.roleName(),
                            null,
                            "Triage referral " + rs.getString("reference") + ": decide on national notification",
                            "/cases/" + rs.getLong("id"),
                            due,
                            "referral-triage",
                            rs.getLong("id"));
                    return null;
                })
                .list();
        jdbc.sql("""
                        select rr.id, r.id as referral_id, r.reference, r.notified_on from rapid_review rr
                        join referral r on r.id = rr.referral_id
                        where rr.partnership_id = :p and rr.sent_to_panel_on is null and r.notified_on is not null""")
                .param("p", partnershipId)
                .query((rs, n) -> {
                    LocalDate due = calendar.addWorkingDays(rs.getObject("notified_on", LocalDate.class), 15);
                    raise(
                            partnershipId,
                            Audience.BUSINESS_TEAM.roleName(),
                            null,
                            "Complete the rapid review for " + rs.getString("reference"),
                            "/cases/" + rs.getLong("referral_id"),
                            due,
                            "rapid-review",
                            rs.getLong("id"));
                    return null;
                })
                .list();
        jdbc.sql("""
                        select q.id, q.agency_id, q.kind, q.due_on,
                               coalesce(r.reference, pr.title) as about, q.practice_review_id is not null as review
                        from agency_request q
                        left join referral r on r.id = q.referral_id
                        left join practice_review pr on pr.id = q.practice_review_id
                        where q.partnership_id = :p and q.status = 'REQUESTED'""")
                .param("p", partnershipId)
                .query((rs, n) -> {
                    String kind = switch (rs.getString("kind")) {
                        case "CHRONOLOGY" -> "chronology";
                        case "AGENCY_REPORT" -> "agency report";
                        default -> "summary of involvement";
                    };
                    raise(
                            partnershipId,
                            Audience.AGENCY_LEAD.roleName(),
                            rs.getLong("agency_id"),
                            "Send your " + kind + " for " + rs.getString("about"),
                            "/contributions/" + rs.getLong("id"),
                            rs.getObject("due_on", LocalDate.class),
                            "agency-request",
                            rs.getLong("id"));
                    return null;
                })
                .list();
    }

    private void raise(
            long partnershipId,
            String role,
            @Nullable Long agencyId,
            String title,
            String link,
            LocalDate due,
            String sourceType,
            long sourceId) {
        tasks.raise(new TaskRequested(
                partnershipId, role, agencyId, title, link, due, sourceType, String.valueOf(sourceId)));
    }
}
