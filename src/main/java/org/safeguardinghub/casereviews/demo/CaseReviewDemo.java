package org.safeguardinghub.casereviews.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.safeguardinghub.casereviews.demo.DemoCase.Context;
import org.safeguardinghub.casereviews.demo.DemoCase.Referral;
import org.safeguardinghub.learning.demo.TrackerDemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fictional case reviews for the demo, shaped like Kent's published figures so the case list, the clocks, the
 * learning tracker and the two dashboards show realistic pictures. No child, family or case here is real; agencies
 * and districts are the real Kent bodies of the demo's organisation data. Deterministic: a fixed seed, so every demo
 * database holds the same cases (dates of the live cases move with the clock).
 *
 * <p>Published counts reproduced (sources in the catalogue, function F25 and F27):
 *
 * <ul>
 *   <li>Referrals to KSCMP: 27 in 2021-22, 20 in 2022-23, 18 in 2023-24 (KSCMP annual report 2023-24, "total
 *       referrals 18 (2023/24) vs 20 (2022/23) and 27 (2021/22)"); notifications to the national panel "very
 *       similar" year on year.
 *   <li>NAI-related notifications 10, 6 and 4 over those years ("a 60% reduction over 3 years").
 *   <li>Maidstone the district with most referrals in 2023-24; under-1s the most referred age, then 16 and over, then
 *       11 to 15 (youngest child counted).
 *   <li>Learning and Improvement Group 2023-24: 6 practice reviews considered, 45 recommendations, 68 actions, 19
 *       of them completed and signed off (28%).
 * </ul>
 *
 * <p>{@link #generate} makes any number of synthetic referrals with children, agencies, rapid reviews and themes, for
 * the dashboard benchmark (docs/benchmarks.md).
 */
@Component
public class CaseReviewDemo {

    private static final long KENT_SEED = 20232024L;

    private final JdbcClient jdbc;
    private final CaseWriter writer;
    private final PracticeReviewDemo practiceReviews;
    private final CaseDemoTasks tasks;
    private final TrackerDemo tracker;
    private final Clock clock;

    CaseReviewDemo(
            JdbcClient jdbc,
            CaseWriter writer,
            PracticeReviewDemo practiceReviews,
            CaseDemoTasks tasks,
            TrackerDemo tracker,
            Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.practiceReviews = practiceReviews;
        this.tasks = tasks;
        this.tracker = tracker;
        this.clock = clock;
    }

    /** Whether no partnership has a referral yet (a demo database from before case reviews existed). */
    public boolean noCasesYet() {
        return jdbc.sql("select count(*) from referral").query(Long.class).single() == 0;
    }

    /**
     * Loads Kent's fictional cases and learning tracker into the partnership (the demo's KSCMP), with the tasks their
     * open work would have raised.
     */
    @Transactional
    public void loadKent(long partnershipId) {
        Context ctx = writer.context(partnershipId);
        Random random = new Random(KENT_SEED);
        Set<String> references = new HashSet<>();
        List<Referral> all = new ArrayList<>();
        // year, referrals, notified, NAI-related notified, youngest-child bands (unborn, <1, 1-4, 5-10, 11-15, 16+),
        // Maidstone referrals
        all.addAll(KentCases.kentYear(ctx, random, references, 2021, 27, 16, 10, new int[] {1, 10, 3, 2, 5, 6}, 3));
        all.addAll(KentCases.kentYear(ctx, random, references, 2022, 20, 12, 6, new int[] {0, 7, 2, 2, 4, 5}, 2));
        all.addAll(KentCases.kentYear(ctx, random, references, 2023, 18, 11, 4, new int[] {1, 6, 2, 2, 3, 4}, 4));
        all.addAll(KentCases.kentYear(ctx, random, references, 2024, 8, 5, 2, new int[] {0, 3, 1, 0, 2, 2}, 1));
        all.addAll(KentCases.kentYear(ctx, random, references, 2025, 5, 3, 1, new int[] {0, 2, 0, 1, 1, 1}, 1));
        all.addAll(KentCases.liveCases(ctx, random, references, LocalDate.now(clock)));
        writer.write(ctx, all);
        practiceReviews.load(ctx, random, all);
        panelMemberships(partnershipId);
        tasks.raiseForOpenCaseWork(partnershipId);
        tracker.raiseTasks(partnershipId);
    }

    /**
     * The demo panel member's account sits on the open rapid reviews and on the practice reviews still in progress,
     * so they read those cases (and, need to know by membership, no others).
     */
    private void panelMemberships(long partnershipId) {
        jdbc.sql("""
                        insert into rapid_review_member (rapid_review_id, person_name, role, agency_id, user_id)
                        select rr.id, u.display_name, u.job_title, u.agency_id, u.id
                        from rapid_review rr cross join app_user_view u
                        where rr.partnership_id = :p and rr.sent_to_panel_on is null
                          and u.email = 'panel@example.org'""").param("p", partnershipId).update();
        jdbc.sql("""
                        insert into practice_review_member (practice_review_id, person_name, role, agency_id, user_id)
                        select pr.id, u.display_name, u.job_title, u.agency_id, u.id
                        from practice_review pr cross join app_user_view u
                        where pr.partnership_id = :p and pr.published_on is null
                          and u.email = 'panel@example.org'""").param("p", partnershipId).update();
    }

    /**
     * Adds {@code referralCount} synthetic referrals to the partnership, spread evenly from the start of the financial
     * year two years back until today (so all fall in the dashboard's default three-year window), each with one to three children, two to five agencies, one to three
     * themes, and (for about 55%, the notified ones) a completed rapid review with its own themes. Needs the
     * partnership to have districts and agencies. Returns the number of children written.
     */
    @Transactional
    public int generate(long partnershipId, int referralCount, long seed) {
        Context ctx = writer.context(partnershipId);
        if (ctx.districts().isEmpty() || ctx.agencies().isEmpty()) {
            throw new IllegalStateException("The partnership needs districts and agencies first");
        }
        List<Referral> all = KentCases.synthetic(ctx, new Random(seed), referralCount, LocalDate.now(clock));
        writer.write(ctx, all);
        return all.stream().mapToInt(r -> r.children.size()).sum();
    }
}
