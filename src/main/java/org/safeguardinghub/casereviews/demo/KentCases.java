package org.safeguardinghub.casereviews.demo;

import static org.safeguardinghub.casereviews.demo.DemoReferrals.BANDS;
import static org.safeguardinghub.casereviews.demo.DemoReferrals.healthAgency;
import static org.safeguardinghub.casereviews.demo.DemoReferrals.members;
import static org.safeguardinghub.casereviews.demo.DemoReferrals.rapidThemes;
import static org.safeguardinghub.casereviews.demo.DemoReferrals.referral;
import static org.safeguardinghub.casereviews.demo.DemoReferrals.workingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.safeguardinghub.casereviews.demo.DemoCase.Context;
import org.safeguardinghub.casereviews.demo.DemoCase.RapidReview;
import org.safeguardinghub.casereviews.demo.DemoCase.Referral;
import org.safeguardinghub.casereviews.demo.DemoCase.Request;

/**
 * Kent's fictional cases year by year, shaped like its published figures, the live cases relative to today, and
 * synthetic volume for the benchmark: generated from a seeded random source, not yet written.
 */
final class KentCases {

    private KentCases() {}

    static List<Referral> kentYear(
            Context ctx,
            Random random,
            Set<String> references,
            int year,
            int count,
            int notified,
            int nai,
            int[] youngest,
            int maidstone) {
        List<String> bands = new ArrayList<>();
        for (int b = 0; b < youngest.length; b++) {
            for (int i = 0; i < youngest[b]; i++) {
                bands.add(BANDS.get(b));
            }
        }
        if (bands.size() != count) {
            throw new IllegalStateException("Age bands for " + year + " add up to " + bands.size() + ", not " + count);
        }
        // NAI-related notifications are of babies and toddlers (the NAI deep-dive on non-mobile infants)
        bands.sort((a, b) -> Integer.compare(BANDS.indexOf(a), BANDS.indexOf(b)));
        List<String> districts = districtsFor(ctx, random, count, maidstone);
        LocalDate start = LocalDate.of(year, 4, 1);
        List<Referral> referrals = new ArrayList<>();
        int naiLeft = nai;
        int notifiedLeft = notified;
        // spread the submissions over the year, then let NAI cases take the youngest children
        List<Integer> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add((int) ((i + 0.5) * 360 / count) + random.nextInt(5));
        }
        Collections.shuffle(days, random);
        for (int i = 0; i < count; i++) {
            String band = bands.get(i);
            boolean isNai = naiLeft > 0 && ("UNDER_1".equals(band) || "1_TO_4".equals(band));
            if (isNai) {
                naiLeft--;
            }
            boolean notify = isNai || notifiedLeft - naiLeft > 0 && random.nextInt(count - i) < notifiedLeft - naiLeft;
            if (notify) {
                notifiedLeft--;
            }
            LocalDate submitted = start.plusDays(days.get(i));
            Referral r = referral(ctx, random, references, submitted, band, isNai, districts.get(i));
            if (notify) {
                notifiedHistoric(ctx, random, r, year);
            } else {
                localHistoric(random, r);
            }
            referrals.add(r);
        }
        if (naiLeft > 0 || notifiedLeft > 0) {
            throw new IllegalStateException("Kent demo year " + year + " could not place every notification");
        }
        return referrals;
    }

    /** Count districts with the given number in Maidstone and no other district above it. */
    private static List<String> districtsFor(Context ctx, Random random, int count, int maidstone) {
        List<String> others = new ArrayList<>(ctx.districts().keySet());
        others.remove("Maidstone");
        Collections.sort(others);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < maidstone; i++) {
            result.add("Maidstone");
        }
        // no other district may reach Maidstone's count, where that still leaves room for every referral
        int cap = maidstone + (maidstone - 1) * others.size() >= count ? maidstone - 1 : Integer.MAX_VALUE;
        Map<String, Integer> used = new HashMap<>();
        for (int guard = 0; result.size() < count && guard < 100_000; guard++) {
            String d = others.get(random.nextInt(others.size()));
            if (used.getOrDefault(d, 0) < cap) {
                used.merge(d, 1, Integer::sum);
                result.add(d);
            }
        }
        while (result.size() < count) {
            result.add(others.get(result.size() % others.size()));
        }
        Collections.shuffle(result, random);
        return result;
    }

    /** A closed case notified to the national panel, with its rapid review. */
    private static void notifiedHistoric(Context ctx, Random random, Referral r, int year) {
        r.nationalDecision = "NOTIFY";
        r.nationalDecisionOn = workingDays(r.laAware, 1 + random.nextInt(4));
        r.notifiedOn = r.nationalDecisionOn;
        LocalDate meeting = workingDays(r.notifiedOn, 9 + random.nextInt(5));
        int pick = random.nextInt(10);
        String outcome = pick < 2 ? "LCSPR" : pick < 4 ? "OTHER_REVIEW" : "NO_FURTHER_REVIEW";
        String otherType = "OTHER_REVIEW".equals(outcome)
                ? List.of("LEARNING_REVIEW", "WINDOW_ON_THE_SYSTEM", "SINGLE_AGENCY_REVIEW")
                        .get(random.nextInt(3))
                : null;
        String reason = switch (outcome) {
            case "LCSPR" ->
                "The criteria for a local child safeguarding practice review are met and there is"
                        + " significant multi-agency learning.";
            case "OTHER_REVIEW" -> "Learning is focused on a few agencies; a proportionate review will capture it.";
            default -> "Agency reports show the learning; a learning action plan is agreed and tracked by LIG.";
        };
        List<Request> requests = new ArrayList<>();
        if (year >= 2023) {
            requests.add(new Request(
                    ctx.agency("Kent Police"),
                    "INVOLVEMENT_SUMMARY",
                    r.notifiedOn,
                    workingDays(r.notifiedOn, 5),
                    workingDays(r.notifiedOn, 4)));
            requests.add(new Request(
                    ctx.agency(healthAgency(r)),
                    "CHRONOLOGY",
                    r.notifiedOn,
                    workingDays(r.notifiedOn, 5),
                    workingDays(r.notifiedOn, 5)));
        }
        r.rapid = new RapidReview(
                meeting, outcome, otherType, reason, meeting, rapidThemes(random, r), requests, members(ctx));
        r.status = "NO_FURTHER_REVIEW".equals(outcome) ? "CLOSED" : "REVIEW_COMMISSIONED";
        r.closedOn = "CLOSED".equals(r.status) ? meeting.plusDays(7) : null;
    }

    /** A closed case the local authority did not notify: the practice review group decided locally. */
    private static void localHistoric(Random random, Referral r) {
        r.nationalDecision = "DO_NOT_NOTIFY";
        r.nationalDecisionOn = workingDays(r.laAware, 2 + random.nextInt(3));
        boolean review = random.nextInt(8) == 0;
        r.localDecision = review ? "LOCAL_REVIEW" : "NO_REVIEW";
        r.localDecisionOn = r.nationalDecisionOn.plusDays(21 + random.nextInt(14));
        r.status = review ? "REVIEW_COMMISSIONED" : "CLOSED";
        r.closedOn = review ? null : r.localDecisionOn;
    }

    /** Open cases relative to today, so clocks, the overdue list and agency requests have live items. */
    static List<Referral> liveCases(Context ctx, Random random, Set<String> references, LocalDate today) {
        List<Referral> live = new ArrayList<>();
        awaitingTriage(ctx, random, references, today, live);
        notifiedYesterday(ctx, random, references, today, live);
        rapidReviewUnderWay(ctx, random, references, today, live);
        rapidReviewOverdue(ctx, random, references, today, live);
        localConsideration(ctx, random, references, today, live);
        return live;
    }

    private static void awaitingTriage(
            Context ctx, Random random, Set<String> references, LocalDate today, List<Referral> live) {
        // awaiting triage: notification decision due soon, and one overdue
        Referral dueSoon = referral(ctx, random, references, workingDays(today, -2), "UNDER_1", true, "Maidstone");
        dueSoon.laAware = workingDays(today, -3);
        dueSoon.status = "RECEIVED";
        dueSoon.source = "PUBLIC";
        live.add(dueSoon);
        Referral lateTriage = referral(ctx, random, references, workingDays(today, -8), "16_PLUS", false, "Thanet");
        lateTriage.laAware = workingDays(today, -9);
        lateTriage.status = "RECEIVED";
        live.add(lateTriage);
    }

    private static void notifiedYesterday(
            Context ctx, Random random, Set<String> references, LocalDate today, List<Referral> live) {
        // notified yesterday, rapid review to be arranged: as the triage page does, notifying opens the rapid review
        // (its 15 working day clock and the business team's task), with nothing arranged yet
        Referral notified = referral(ctx, random, references, workingDays(today, -3), "11_TO_15", false, "Swale");
        notified.laAware = workingDays(today, -4);
        notified.nationalDecision = "NOTIFY";
        notified.nationalDecisionOn = workingDays(today, -1);
        notified.notifiedOn = notified.nationalDecisionOn;
        notified.status = "RAPID_REVIEW";
        notified.rapid = new RapidReview(null, null, null, null, null, List.of(), List.of(), List.of());
        live.add(notified);
    }

    private static void rapidReviewUnderWay(
            Context ctx, Random random, Set<String> references, LocalDate today, List<Referral> live) {
        // rapid review under way, due in a few working days; Kent Police still to answer
        Referral rapid = referral(ctx, random, references, workingDays(today, -13), "UNDER_1", true, "Dartford");
        rapid.laAware = workingDays(today, -14);
        rapid.nationalDecision = "NOTIFY";
        rapid.nationalDecisionOn = workingDays(today, -12);
        rapid.notifiedOn = rapid.nationalDecisionOn;
        rapid.status = "RAPID_REVIEW";
        rapid.rapid = new RapidReview(
                workingDays(today, 2),
                null,
                null,
                null,
                null,
                rapidThemes(random, rapid),
                List.of(
                        new Request(
                                ctx.agency("Kent Police"),
                                "INVOLVEMENT_SUMMARY",
                                rapid.notifiedOn,
                                workingDays(today, 1),
                                null),
                        new Request(
                                ctx.agency("Kent Community Health NHS Foundation Trust"),
                                "CHRONOLOGY",
                                rapid.notifiedOn,
                                workingDays(today, 1),
                                workingDays(today, -2)),
                        new Request(
                                ctx.agency("Hollowbrook Academy (fictional demo school)"),
                                "INVOLVEMENT_SUMMARY",
                                rapid.notifiedOn,
                                workingDays(today, 1),
                                null)),
                members(ctx));
        live.add(rapid);
    }

    private static void rapidReviewOverdue(
            Context ctx, Random random, Set<String> references, LocalDate today, List<Referral> live) {
        // rapid review overdue: notified more than 15 working days ago, a request to Kent Police overdue
        Referral late = referral(ctx, random, references, workingDays(today, -22), "16_PLUS", false, "Canterbury");
        late.laAware = workingDays(today, -23);
        late.nationalDecision = "NOTIFY";
        late.nationalDecisionOn = workingDays(today, -20);
        late.notifiedOn = late.nationalDecisionOn;
        late.status = "RAPID_REVIEW";
        late.rapid = new RapidReview(
                workingDays(today, -3),
                null,
                null,
                null,
                null,
                rapidThemes(random, late),
                List.of(
                        new Request(
                                ctx.agency("Kent Police"), "CHRONOLOGY", late.notifiedOn, workingDays(today, -8), null),
                        new Request(
                                ctx.agency("Kent and Medway NHS and Social Care Partnership Trust"),
                                "INVOLVEMENT_SUMMARY",
                                late.notifiedOn,
                                workingDays(today, -8),
                                workingDays(today, -9))),
                members(ctx));
        live.add(late);
    }

    private static void localConsideration(
            Context ctx, Random random, Set<String> references, LocalDate today, List<Referral> live) {
        // not notified: the practice review group is considering a local review
        Referral local = referral(ctx, random, references, workingDays(today, -15), "5_TO_10", false, "Ashford");
        local.laAware = workingDays(today, -16);
        local.nationalDecision = "DO_NOT_NOTIFY";
        local.nationalDecisionOn = workingDays(today, -12);
        local.status = "LOCAL_CONSIDERATION";
        live.add(local);
    }

    /** The synthetic referrals of {@link CaseReviewDemo#generate}, notified or decided locally, written by the caller. */
    static List<Referral> synthetic(Context ctx, Random random, int referralCount, LocalDate today) {
        Set<String> references = new HashSet<>();
        int currentYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        LocalDate start = LocalDate.of(currentYear - 2, 4, 1);
        long span = Math.max(1, today.toEpochDay() - start.toEpochDay());
        List<String> districtNames = new ArrayList<>(ctx.districts().keySet());
        Collections.sort(districtNames);
        List<Referral> all = new ArrayList<>(referralCount);
        for (int i = 0; i < referralCount; i++) {
            LocalDate submitted = start.plusDays(random.nextLong(span));
            String band = weightedBand(random);
            boolean nai = ("UNDER_1".equals(band) || "1_TO_4".equals(band)) && random.nextInt(3) == 0;
            Referral r = referral(
                    ctx,
                    random,
                    references,
                    submitted,
                    band,
                    nai,
                    districtNames.get(random.nextInt(districtNames.size())));
            if (nai || random.nextInt(100) < 50) {
                notifiedHistoric(ctx, random, r, 0);
            } else {
                localHistoric(random, r);
            }
            all.add(r);
        }
        return all;
    }

    private static String weightedBand(Random random) {
        int p = random.nextInt(100);
        if (p < 2) {
            return "UNBORN";
        } else if (p < 32) {
            return "UNDER_1";
        } else if (p < 44) {
            return "1_TO_4";
        } else if (p < 56) {
            return "5_TO_10";
        } else if (p < 76) {
            return "11_TO_15";
        }
        return "16_PLUS";
    }
}
