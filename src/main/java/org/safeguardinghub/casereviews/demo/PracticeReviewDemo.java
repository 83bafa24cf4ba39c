package org.safeguardinghub.casereviews.demo;

import static org.safeguardinghub.casereviews.demo.CaseWriter.theme;
import static org.safeguardinghub.casereviews.demo.DemoReferrals.workingDays;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.demo.DemoCase.Context;
import org.safeguardinghub.casereviews.demo.DemoCase.Referral;
import org.safeguardinghub.casereviews.demo.DemoCase.Request;
import org.safeguardinghub.learning.demo.TrackerDemo;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Kent's practice reviews: six considered by the Learning and Improvement Group in 2023-24, with 45 recommendations
 * and 68 actions, 19 signed off (KSCMP annual report 2023-24), which the learning module's demo puts in its tracker;
 * plus two reviews commissioned recently, whose six-month clocks are running.
 */
@Component
class PracticeReviewDemo {

    private final JdbcClient jdbc;
    private final CaseWriter writer;
    private final TrackerDemo tracker;
    private final Clock clock;

    PracticeReviewDemo(JdbcClient jdbc, CaseWriter writer, TrackerDemo tracker, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.tracker = tracker;
        this.clock = clock;
    }

    private record Review(
            String title,
            String type,
            String status,
            LocalDate commissioned,
            @Nullable LocalDate signedOff,
            @Nullable String publication,
            @Nullable String delayReason,
            @Nullable LocalDate published,
            int recommendations,
            List<String> themes) {}

    /** The reviews from the commissioning referrals (completed from the oldest, live from the newest). */
    void load(Context ctx, Random random, List<Referral> referrals) {
        LocalDate today = LocalDate.now(clock);
        List<Referral> commissioned = referrals.stream()
                .filter(r -> "REVIEW_COMMISSIONED".equals(r.status))
                .toList();
        List<Review> reviews =
                Stream.concat(considered().stream(), live(today).stream()).toList();
        List<SqlParameterSource> themes = new ArrayList<>();
        List<SqlParameterSource> requests = new ArrayList<>();
        List<TrackerDemo.Source> sources = new ArrayList<>();
        int first = 0;
        int last = commissioned.size() - 1;
        for (Review v : reviews) {
            boolean live = "IN_PROGRESS".equals(v.status()) || "COMMISSIONED".equals(v.status());
            Long referralId = null;
            if (!"THEMATIC_REVIEW".equals(v.type()) && first <= last) {
                // completed reviews come from the oldest commissioning referrals, live ones from the newest
                referralId = live ? commissioned.get(last--).id : commissioned.get(first++).id;
            }
            long id = insert(ctx, v, referralId);
            sources.add(new TrackerDemo.Source(id, v.title(), v.recommendations(), v.themes()));
            for (String t : v.themes()) {
                themes.add(theme(ctx, "PRACTICE_REVIEW", id, t, v.commissioned()));
            }
            panel(ctx, v, id, live, today, requests);
        }
        writer.requests(requests);
        writer.batch("""
                insert into case_theme (partnership_id, owner_type, owner_id, theme_id, tagged_on)
                values (:p, :type, :owner, :theme, :on) on conflict do nothing
                """, themes);
        tracker.loadKent(ctx.partnershipId(), ctx.learningGroup(), sources, random);
    }

    private static List<Review> considered() {
        return List.of(
                new Review(
                        "Child N",
                        "LCSPR",
                        "PUBLISHED",
                        LocalDate.of(2022, 3, 14),
                        LocalDate.of(2023, 5, 22),
                        "ANONYMISED",
                        null,
                        LocalDate.of(2023, 9, 12),
                        10,
                        List.of("Non-accidental injury", "Information sharing", "Father inclusion")),
                new Review(
                        "Baby Q",
                        "LCSPR",
                        "PUBLICATION_DELAYED",
                        LocalDate.of(2022, 6, 6),
                        LocalDate.of(2023, 7, 10),
                        "DELAYED",
                        "Parallel criminal proceedings",
                        null,
                        9,
                        List.of("Non-accidental injury", "Safer sleeping", "Professional curiosity")),
                new Review(
                        "Child S",
                        "WINDOW_ON_THE_SYSTEM",
                        "PUBLISHED",
                        LocalDate.of(2022, 9, 19),
                        LocalDate.of(2023, 10, 2),
                        "NAMED",
                        null,
                        LocalDate.of(2024, 1, 15),
                        8,
                        List.of("Self-harm and suicide", "Education safeguarding files", "Voice of the child")),
                new Review(
                        "Thematic review of adolescent self-harm",
                        "THEMATIC_REVIEW",
                        "SIGNED_OFF",
                        LocalDate.of(2022, 11, 7),
                        LocalDate.of(2024, 2, 5),
                        null,
                        null,
                        null,
                        7,
                        List.of("Self-harm and suicide", "Online safety", "Escalation and challenge")),
                new Review(
                        "Child T",
                        "LEARNING_REVIEW",
                        "FINAL_REPORT",
                        LocalDate.of(2023, 1, 16),
                        null,
                        null,
                        null,
                        null,
                        6,
                        List.of("Neglect", "Supervision", "Record keeping")),
                new Review(
                        "Children U and V",
                        "LCSPR",
                        "FINAL_REPORT",
                        LocalDate.of(2023, 2, 27),
                        null,
                        null,
                        null,
                        null,
                        5,
                        List.of("Domestic abuse", "Parental mental health", "Information sharing")));
    }

    private static List<Review> live(LocalDate today) {
        return List.of(
                new Review(
                        "Child W",
                        "LCSPR",
                        "IN_PROGRESS",
                        today.minusMonths(4),
                        null,
                        null,
                        null,
                        null,
                        0,
                        List.of("Exploitation", "Information sharing")),
                new Review(
                        "Child X",
                        "LEARNING_REVIEW",
                        "COMMISSIONED",
                        today.minusMonths(7),
                        null,
                        null,
                        null,
                        null,
                        0,
                        List.of("Neglect", "Professional curiosity")));
    }

    private long insert(Context ctx, Review v, @Nullable Long referralId) {
        return jdbc.sql("""
                            insert into practice_review (partnership_id, referral_id, title, review_type, status,
                                commissioned_on, reviewers, terms_of_reference, panel_group_id, family_involvement,
                                draft_report_on, final_report_on, signed_off_on, signed_off_by, publication,
                                publication_delay_reason, published_on)
                            values (:p, :r, :title, :type, :status, :commissioned, :reviewers, :tor, :panel,
                                :family, :draft, :final, :signedOff, :signedBy, :publication, :reason, :published)
                            returning id
                            """)
                .param("p", ctx.partnershipId())
                .param("r", referralId)
                .param("title", v.title())
                .param("type", v.type())
                .param("status", v.status())
                .param("commissioned", v.commissioned())
                .param("reviewers", "Independent reviewer (fictional): Dr Anne Fielding")
                .param(
                        "tor",
                        "To understand how agencies worked together with the child and family, what went"
                                + " well, what could be improved, and what the partnership should change.")
                .param("panel", ctx.learningGroup())
                .param("family", "The family were invited to contribute and met the reviewer.")
                .param("draft", v.recommendations() > 0 ? v.commissioned().plusMonths(5) : null)
                .param("final", v.recommendations() > 0 ? v.commissioned().plusMonths(8) : null)
                .param("signedOff", v.signedOff())
                .param("signedBy", v.signedOff() != null ? "KSCMP Executive Board" : null)
                .param("publication", v.publication())
                .param("reason", v.delayReason())
                .param("published", v.published())
                .query(Long.class)
                .single();
    }

    /** The panel (chair and a member), its first meeting, and the agency reports it asked for. */
    private void panel(
            Context ctx, Review v, long id, boolean live, LocalDate today, List<SqlParameterSource> requests) {
        jdbc.sql("""
                            insert into practice_review_member (practice_review_id, person_name, role, agency_id)
                            values (:id, 'Ruth Adeyemi', 'Panel chair', :a1), (:id, 'Sam Taylor', 'Panel member', :a2)
                            """)
                .param("id", id)
                .param("a1", ctx.agency("Kent Community Health NHS Foundation Trust"))
                .param("a2", ctx.agency("Kent Police"))
                .update();
        LocalDate panel = v.commissioned().plusWeeks(6);
        jdbc.sql("insert into panel_meeting (practice_review_id, meeting_on, notes) values (:id, :on, :notes)")
                .param("id", id)
                .param("on", panel)
                .param("notes", "Terms of reference agreed; agency reports requested.")
                .update();
        LocalDate asked = live ? today.minusDays(20) : panel;
        requests.add(CaseWriter.request(
                ctx,
                null,
                id,
                new Request(
                        ctx.agency("Kent Police"),
                        "AGENCY_REPORT",
                        asked,
                        live ? workingDays(today, 8) : asked.plusWeeks(4),
                        live ? null : asked.plusWeeks(3))));
        requests.add(CaseWriter.request(
                ctx,
                null,
                id,
                new Request(
                        ctx.agency("Kent County Council"),
                        "AGENCY_REPORT",
                        asked,
                        live ? workingDays(today, -2) : asked.plusWeeks(4),
                        live ? null : asked.plusWeeks(4))));
    }
}
