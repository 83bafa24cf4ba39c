package org.safeguardinghub.casereviews.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final List<String> BANDS = List.of("UNBORN", "UNDER_1", "1_TO_4", "5_TO_10", "11_TO_15", "16_PLUS");
    private static final long KENT_SEED = 20232024L;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    public CaseReviewDemo(JdbcClient jdbc, NamedParameterJdbcTemplate named, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------------------
    // What is generated, before it is written

    record Child(
            String ageBand,
            @Nullable Integer ageYears,
            String gender,
            String ethnicity,
            String disability,
            String statutoryStatus,
            long districtId) {}

    record RapidReview(
            @Nullable LocalDate meetingOn,
            @Nullable String outcome,
            @Nullable String otherType,
            @Nullable String reason,
            @Nullable LocalDate completedOn,
            List<String> themes,
            List<Request> requests,
            List<Member> members) {}

    record Request(
            long agencyId,
            String kind,
            LocalDate requestedOn,
            LocalDate dueOn,
            @Nullable LocalDate answeredOn) {}

    record Member(String name, String role, long agencyId) {}

    static final class Referral {
        String reference = "";
        String status = "CLOSED";
        String source = "SIGNED_IN";
        LocalDate submitted = LocalDate.now();
        LocalDate incident = LocalDate.now();
        LocalDate laAware = LocalDate.now();
        String harm = "SERIOUSLY_HARMED";
        String abuse = "SUSPECTED";
        String summary = "";
        boolean nai;

        @Nullable
        String nationalDecision;

        @Nullable
        LocalDate nationalDecisionOn;

        @Nullable
        LocalDate notifiedOn;

        @Nullable
        String localDecision;

        @Nullable
        LocalDate localDecisionOn;

        @Nullable
        LocalDate closedOn;

        String notifierName = "";
        String notifierRole = "";
        long notifierAgency;
        List<Child> children = new ArrayList<>();
        List<Long> agencies = new ArrayList<>();
        List<String> themes = new ArrayList<>();

        @Nullable
        RapidReview rapid;

        long id;
    }

    /** Ids of the partnership's districts, agencies, themes and groups, by name. */
    private record Context(
            long partnershipId,
            String shortName,
            Map<String, Long> districts,
            Map<String, Long> agencies,
            Map<String, Long> themes,
            @Nullable Long learningGroup,
            @Nullable Long rapidReviewGroup) {

        long agency(String name) {
            Long id = agencies.get(name);
            if (id == null) {
                throw new IllegalStateException("Demo agency missing: " + name);
            }
            return id;
        }

        long district(String name) {
            Long id = districts.get(name);
            return id != null ? id : districts.values().iterator().next();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Kent

    /** Loads Kent's fictional cases and learning tracker into the partnership (the demo's KSCMP). */
    @Transactional
    public void loadKent(long partnershipId) {
        Context ctx = context(partnershipId);
        Random random = new Random(KENT_SEED);
        Set<String> references = new HashSet<>();
        List<Referral> all = new ArrayList<>();
        // year, referrals, notified, NAI-related notified, youngest-child bands (unborn, <1, 1-4, 5-10, 11-15, 16+),
        // Maidstone referrals
        all.addAll(kentYear(ctx, random, references, 2021, 27, 16, 10, new int[] {1, 10, 3, 2, 5, 6}, 3));
        all.addAll(kentYear(ctx, random, references, 2022, 20, 12, 6, new int[] {0, 7, 2, 2, 4, 5}, 2));
        all.addAll(kentYear(ctx, random, references, 2023, 18, 11, 4, new int[] {1, 6, 2, 2, 3, 4}, 4));
        all.addAll(kentYear(ctx, random, references, 2024, 8, 5, 2, new int[] {0, 3, 1, 0, 2, 2}, 1));
        all.addAll(kentYear(ctx, random, references, 2025, 5, 3, 1, new int[] {0, 2, 0, 1, 1, 1}, 1));
        all.addAll(liveCases(ctx, random, references));
        write(ctx, all);
        practiceReviews(ctx, random, all);
        panelMemberships(partnershipId);
    }

    /**
     * The demo panel member's account sits on the open rapid reviews and on the practice reviews still in progress,
     * so they read those cases (and, need to know by membership, no others).
     */
    private void panelMemberships(long partnershipId) {
        jdbc.sql("""
                        insert into rapid_review_member (rapid_review_id, person_name, role, agency_id, user_id)
                        select rr.id, u.display_name, u.job_title, u.agency_id, u.id
                        from rapid_review rr cross join app_user u
                        where rr.partnership_id = :p and rr.sent_to_panel_on is null
                          and u.email = 'panel@example.org'""").param("p", partnershipId).update();
        jdbc.sql("""
                        insert into practice_review_member (practice_review_id, person_name, role, agency_id, user_id)
                        select pr.id, u.display_name, u.job_title, u.agency_id, u.id
                        from practice_review pr cross join app_user u
                        where pr.partnership_id = :p and pr.published_on is null
                          and u.email = 'panel@example.org'""").param("p", partnershipId).update();
    }

    private List<Referral> kentYear(
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
    private void notifiedHistoric(Context ctx, Random random, Referral r, int year) {
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
    private void localHistoric(Random random, Referral r) {
        r.nationalDecision = "DO_NOT_NOTIFY";
        r.nationalDecisionOn = workingDays(r.laAware, 2 + random.nextInt(3));
        boolean review = random.nextInt(8) == 0;
        r.localDecision = review ? "LOCAL_REVIEW" : "NO_REVIEW";
        r.localDecisionOn = r.nationalDecisionOn.plusDays(21 + random.nextInt(14));
        r.status = review ? "REVIEW_COMMISSIONED" : "CLOSED";
        r.closedOn = review ? null : r.localDecisionOn;
    }

    /** Open cases relative to today, so clocks, the overdue list and agency requests have live items. */
    private List<Referral> liveCases(Context ctx, Random random, Set<String> references) {
        LocalDate today = LocalDate.now(clock);
        List<Referral> live = new ArrayList<>();

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

        // not notified: the practice review group is considering a local review
        Referral local = referral(ctx, random, references, workingDays(today, -15), "5_TO_10", false, "Ashford");
        local.laAware = workingDays(today, -16);
        local.nationalDecision = "DO_NOT_NOTIFY";
        local.nationalDecisionOn = workingDays(today, -12);
        local.status = "LOCAL_CONSIDERATION";
        live.add(local);
        return live;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Synthetic volume (benchmark)

    /**
     * Adds {@code referralCount} synthetic referrals to the partnership, spread evenly from the start of the financial
     * year two years back until today (so all fall in the dashboard's default three-year window), each with one to three children, two to five agencies, one to three
     * themes, and (for about 55%, the notified ones) a completed rapid review with its own themes. Needs the
     * partnership to have districts and agencies. Returns the number of children written.
     */
    @Transactional
    public int generate(long partnershipId, int referralCount, long seed) {
        Context ctx = context(partnershipId);
        if (ctx.districts().isEmpty() || ctx.agencies().isEmpty()) {
            throw new IllegalStateException("The partnership needs districts and agencies first");
        }
        Random random = new Random(seed);
        Set<String> references = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        int currentYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        LocalDate start = LocalDate.of(currentYear - 2, 4, 1);
        long span = Math.max(1, today.toEpochDay() - start.toEpochDay());
        List<String> districtNames = new ArrayList<>(ctx.districts().keySet());
        Collections.sort(districtNames);
        List<Referral> all = new ArrayList<>(referralCount);
        int children = 0;
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
            children += r.children.size();
            all.add(r);
        }
        write(ctx, all);
        return children;
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

    // ------------------------------------------------------------------------------------------------------------
    // Building one referral

    private static final String[][] NOTIFIERS = {
        {"Jo Bennett", "Team manager, children's social work", "Kent County Council"},
        {"Detective Sergeant Amir Khan", "Child abuse investigation", "Kent Police"},
        {"Lesley Hart", "Named nurse for safeguarding", "East Kent Hospitals University NHS Foundation Trust"},
        {"Tom Rigby", "Head of safeguarding", "Kent Community Health NHS Foundation Trust"},
        {"Nadia Osei", "Service manager, front door", "Kent County Council"}
    };

    private static final List<String> ETHNICITY = weighted(
            "WBRI", 74, "WOTH", 6, "MWBC", 4, "MOTH", 3, "BAFR", 3, "AOTH", 2, "WROM", 2, "APKN", 1, "BCRB", 1, "NOBT",
            4);
    private static final List<String> STATUS = weighted(
            "NONE", 30, "EARLY_HELP", 15, "CHILD_IN_NEED", 20, "CHILD_PROTECTION_PLAN", 20, "CHILD_IN_CARE", 15);
    private static final List<String> DISABILITY =
            weighted("NONE", 85, "LD", 4, "AUT", 4, "COMM", 3, "BEH", 2, "MOB", 2);

    private Referral referral(
            Context ctx,
            Random random,
            Set<String> references,
            LocalDate submitted,
            String youngestBand,
            boolean nai,
            String district) {
        Referral r = new Referral();
        r.reference = reference(ctx.shortName(), submitted.getYear(), random, references);
        r.submitted = submitted;
        r.laAware = workingDays(submitted, -1);
        r.incident = r.laAware.minusDays(random.nextInt(4));
        r.nai = nai;
        r.source = random.nextInt(5) == 0 ? "PUBLIC" : "SIGNED_IN";
        String[] notifier = NOTIFIERS[random.nextInt(NOTIFIERS.length)];
        r.notifierName = notifier[0];
        r.notifierRole = notifier[1];
        r.notifierAgency = ctx.agency(notifier[2]);
        long districtId = ctx.district(district);
        int siblings = random.nextInt(100) < 75 ? 0 : random.nextInt(100) < 72 ? 1 : 2;
        r.children.add(child(random, youngestBand, districtId));
        int from = Math.max(BANDS.indexOf(youngestBand), 2);
        for (int s = 0; s < siblings && from < BANDS.size(); s++) {
            String older = BANDS.get(from + random.nextInt(BANDS.size() - from));
            r.children.add(child(random, older, districtId));
        }
        if (nai) {
            r.harm = "SERIOUSLY_HARMED";
            r.abuse = "SUSPECTED";
            r.summary = "Infant seen at hospital with bruising and a fracture that the parents could not explain.";
        } else if ("16_PLUS".equals(youngestBand) || "11_TO_15".equals(youngestBand)) {
            boolean died = random.nextInt(3) == 0;
            r.harm = died ? "DIED" : "SERIOUSLY_HARMED";
            r.abuse = random.nextBoolean() ? "SUSPECTED" : "KNOWN";
            r.summary = died
                    ? "Young person died; suspected suicide. Known to several agencies in the last year."
                    : "Young person seriously harmed in the context of criminal exploitation and missing episodes.";
        } else {
            r.harm = random.nextInt(6) == 0 ? "DIED" : "SERIOUSLY_HARMED";
            r.abuse = random.nextBoolean() ? "SUSPECTED" : "KNOWN";
            r.summary = "Child seriously harmed; concerns about neglect and the home conditions over several months.";
        }
        r.agencies.addAll(agencies(ctx, random, youngestBand));
        r.themes.addAll(themes(random, youngestBand, nai));
        return r;
    }

    private static Child child(Random random, String band, long districtId) {
        Integer age = switch (band) {
            case "UNBORN" -> null;
            case "UNDER_1" -> 0;
            case "1_TO_4" -> 1 + random.nextInt(4);
            case "5_TO_10" -> 5 + random.nextInt(6);
            case "11_TO_15" -> 11 + random.nextInt(5);
            default -> 16 + random.nextInt(2);
        };
        String gender = "UNBORN".equals(band) ? "0" : random.nextBoolean() ? "1" : "2";
        return new Child(
                band,
                age,
                gender,
                ETHNICITY.get(random.nextInt(ETHNICITY.size())),
                DISABILITY.get(random.nextInt(DISABILITY.size())),
                STATUS.get(random.nextInt(STATUS.size())),
                districtId);
    }

    private static List<Long> agencies(Context ctx, Random random, String band) {
        Set<Long> ids = new java.util.LinkedHashSet<>();
        ids.add(ctx.agency("Kent County Council"));
        if (random.nextInt(10) < 7) {
            ids.add(ctx.agency("Kent Police"));
        }
        List<String> pool = switch (band) {
            case "UNBORN", "UNDER_1", "1_TO_4" ->
                List.of(
                        "Kent Community Health NHS Foundation Trust",
                        "East Kent Hospitals University NHS Foundation Trust",
                        "Maidstone and Tunbridge Wells NHS Trust",
                        "South East Coast Ambulance Service NHS Foundation Trust",
                        "Kent and Medway NHS and Social Care Partnership Trust");
            case "16_PLUS", "11_TO_15" ->
                List.of(
                        "Kent Youth Justice Service",
                        "Hollowbrook Academy (fictional demo school)",
                        "North East London NHS Foundation Trust",
                        "Young Lives Foundation",
                        "Kent, Surrey and Sussex Probation Service");
            default ->
                List.of(
                        "Hollowbrook Academy (fictional demo school)",
                        "Kent Community Health NHS Foundation Trust",
                        "NHS Kent and Medway Integrated Care Board",
                        "Kent Fire and Rescue Service");
        };
        int extra = 1 + random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            Long id = ctx.agencies().get(pool.get(random.nextInt(pool.size())));
            if (id != null) {
                ids.add(id);
            }
        }
        return new ArrayList<>(ids);
    }

    private static List<String> themes(Random random, String band, boolean nai) {
        List<String> pool = switch (band) {
            case "UNBORN", "UNDER_1" ->
                List.of(
                        "Safer sleeping",
                        "Parental mental health",
                        "Domestic abuse",
                        "Father inclusion",
                        "Substance misuse");
            case "16_PLUS", "11_TO_15" ->
                List.of(
                        "Self-harm and suicide",
                        "Exploitation",
                        "Online safety",
                        "Education safeguarding files",
                        "Voice of the child");
            default -> List.of("Neglect", "Domestic abuse", "Substance misuse", "Early help", "Voice of the child");
        };
        Set<String> themes = new java.util.LinkedHashSet<>();
        if (nai) {
            themes.add("Non-accidental injury");
        }
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            themes.add(pool.get(random.nextInt(pool.size())));
        }
        return new ArrayList<>(themes);
    }

    private static final List<String> PROCESS_THEMES = List.of(
            "Information sharing",
            "Professional curiosity",
            "Record keeping",
            "Escalation and challenge",
            "Supervision");

    private static List<String> rapidThemes(Random random, Referral r) {
        Set<String> themes = new java.util.LinkedHashSet<>(r.themes);
        themes.add(PROCESS_THEMES.get(random.nextInt(PROCESS_THEMES.size())));
        return new ArrayList<>(themes);
    }

    private static String healthAgency(Referral r) {
        String band = r.children.get(0).ageBand();
        return "16_PLUS".equals(band) || "11_TO_15".equals(band)
                ? "North East London NHS Foundation Trust"
                : "Kent Community Health NHS Foundation Trust";
    }

    private static List<Member> members(Context ctx) {
        return List.of(
                new Member("Helen Ward", "Chair", ctx.agency("Kent County Council")),
                new Member("Mark Osei", "Police representative", ctx.agency("Kent Police")),
                new Member("Chris Evans", "Designated nurse", ctx.agency("NHS Kent and Medway Integrated Care Board")));
    }

    private static String reference(String shortName, int year, Random random, Set<String> taken) {
        String prefix = shortName.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "") + "-" + year + "-";
        while (true) {
            StringBuilder sb = new StringBuilder(prefix);
            for (int i = 0; i < 6; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (taken.add(sb.toString())) {
                return sb.toString();
            }
        }
    }

    /** Adds (or with a negative count, goes back) working days, skipping weekends (bank holidays ignored here). */
    static LocalDate workingDays(LocalDate from, int days) {
        LocalDate d = from;
        int step = days >= 0 ? 1 : -1;
        for (int left = Math.abs(days); left > 0; ) {
            d = d.plusDays(step);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    private static List<String> weighted(Object... pairs) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (int n = 0; n < (Integer) pairs[i + 1]; n++) {
                list.add((String) pairs[i]);
            }
        }
        return List.copyOf(list);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Writing

    private Context context(long partnershipId) {
        String shortName = jdbc.sql("select short_name from partnership where id = :p")
                .param("p", partnershipId)
                .query(String.class)
                .single();
        Map<String, Long> districts = new LinkedHashMap<>();
        jdbc.sql("select id, name from district where partnership_id = :p and archived_at is null order by name")
                .param("p", partnershipId)
                .query(rs -> {
                    districts.put(rs.getString("name"), rs.getLong("id"));
                });
        Map<String, Long> agencies = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.name from agency a join agency_partnership ap on ap.agency_id = a.id
                        where ap.partnership_id = :p order by a.name
                        """).param("p", partnershipId).query(rs -> {
            agencies.put(rs.getString("name"), rs.getLong("id"));
        });
        Map<String, Long> themes = new LinkedHashMap<>();
        jdbc.sql("select id, name from learning_theme").query(rs -> {
            themes.put(rs.getString("name"), rs.getLong("id"));
        });
        Long learning = group(partnershipId, "Learning and Improvement Group");
        Long rapid = group(partnershipId, "Rapid Review Group");
        return new Context(partnershipId, shortName, districts, agencies, themes, learning, rapid);
    }

    private @Nullable Long group(long partnershipId, String name) {
        return jdbc.sql("select id from partnership_group where partnership_id = :p and name = :n")
                .param("p", partnershipId)
                .param("n", name)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(LONDON).toOffsetDateTime();
    }

    private void write(Context ctx, List<Referral> referrals) {
        List<SqlParameterSource> rows = new ArrayList<>();
        for (Referral r : referrals) {
            rows.add(new MapSqlParameterSource()
                    .addValue("p", ctx.partnershipId())
                    .addValue("ref", r.reference)
                    .addValue("status", r.status)
                    .addValue("source", r.source)
                    .addValue("incident", r.incident)
                    .addValue("aware", r.laAware)
                    .addValue("harm", r.harm)
                    .addValue("abuse", r.abuse)
                    .addValue("inCare", r.children.stream().anyMatch(c -> "CHILD_IN_CARE".equals(c.statutoryStatus())))
                    .addValue("summary", r.summary)
                    .addValue("notifier", r.notifierName)
                    .addValue("role", r.notifierRole)
                    .addValue("agency", r.notifierAgency)
                    .addValue("submitted", at(r.submitted, 10))
                    .addValue("nd", r.nationalDecision)
                    .addValue("ndBy", r.nationalDecision == null ? null : "Priya Shah")
                    .addValue(
                            "ndReason",
                            r.nationalDecision == null
                                    ? null
                                    : "NOTIFY".equals(r.nationalDecision)
                                            ? "Serious harm with abuse or neglect suspected: the criteria are met."
                                            : "Criteria not met; referred to the practice review group.")
                    .addValue("ldBy", r.localDecision == null ? null : "Practice Review Group")
                    .addValue(
                            "ldReason",
                            r.localDecision == null
                                    ? null
                                    : "LOCAL_REVIEW".equals(r.localDecision)
                                            ? "Multi-agency learning worth a local review."
                                            : "Learning captured through single-agency actions.")
                    .addValue("ndOn", r.nationalDecisionOn)
                    .addValue("notified", r.notifiedOn)
                    .addValue("ld", r.localDecision)
                    .addValue("ldOn", r.localDecisionOn)
                    .addValue("closed", r.closedOn));
        }
        batch("""
                insert into referral (partnership_id, reference, status, source, incident_date, la_aware_date, harm,
                    abuse_or_neglect, child_in_care, incident_summary, notifier_name, notifier_role,
                    notifier_organisation, notifier_agency_id, rationale, created_at, updated_at, submitted_at,
                    national_decision, national_decision_on, national_decision_by, national_decision_reason,
                    notified_on, local_decision, local_decision_on, local_decision_by, local_decision_reason,
                    closed_on)
                values (:p, :ref, :status, :source, :incident, :aware, :harm, :abuse, :inCare, :summary, :notifier,
                    :role, (select name from agency where id = :agency), :agency,
                    'The criteria for a serious incident notification may be met.', :submitted, :submitted,
                    :submitted, :nd, :ndOn, :ndBy, :ndReason, :notified, :ld, :ldOn, :ldBy, :ldReason,
                    :closed)
                """, rows);
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, reference from referral where reference = any(:refs)")
                .param("refs", referrals.stream().map(r -> r.reference).toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString("reference"), rs.getLong("id"));
                });
        referrals.forEach(r -> r.id = ids.get(r.reference));

        List<SqlParameterSource> children = new ArrayList<>();
        List<SqlParameterSource> agencies = new ArrayList<>();
        List<SqlParameterSource> themes = new ArrayList<>();
        List<SqlParameterSource> rapid = new ArrayList<>();
        for (Referral r : referrals) {
            for (int i = 0; i < r.children.size(); i++) {
                Child c = r.children.get(i);
                children.add(new MapSqlParameterSource()
                        .addValue("r", r.id)
                        .addValue("pos", i + 1)
                        .addValue("age", c.ageYears())
                        .addValue("band", c.ageBand())
                        .addValue("gender", c.gender())
                        .addValue("eth", c.ethnicity())
                        .addValue("dis", c.disability())
                        .addValue("status", c.statutoryStatus())
                        .addValue("district", c.districtId()));
            }
            for (long a : r.agencies) {
                agencies.add(new MapSqlParameterSource().addValue("r", r.id).addValue("a", a));
            }
            for (String t : r.themes) {
                themes.add(theme(ctx, "REFERRAL", r.id, t, r.submitted));
            }
            if (r.rapid != null) {
                RapidReview rr = r.rapid;
                rapid.add(new MapSqlParameterSource()
                        .addValue("p", ctx.partnershipId())
                        .addValue("r", r.id)
                        .addValue("meeting", rr.meetingOn())
                        .addValue("outcome", rr.outcome())
                        .addValue("other", rr.otherType())
                        .addValue("reason", rr.reason())
                        .addValue("completed", rr.completedOn()));
            }
        }
        batch("""
                insert into referral_child (referral_id, position, age_years, age_band, gender, ethnicity, disability,
                    statutory_status, district_id)
                values (:r, :pos, :age, :band, :gender, :eth, :dis, :status, :district)
                """, children);
        batch("insert into referral_agency (referral_id, agency_id) values (:r, :a)", agencies);
        batch("""
                insert into rapid_review (partnership_id, referral_id, meeting_on, outcome, other_review_type,
                    outcome_reason, completed_on, sent_to_panel_on)
                values (:p, :r, :meeting, :outcome, :other, :reason, :completed, :completed)
                """, rapid);

        Map<Long, Long> rapidIds = new HashMap<>();
        jdbc.sql("select id, referral_id from rapid_review where referral_id = any(:ids)")
                .param("ids", referrals.stream().map(r -> r.id).toArray(Long[]::new))
                .query(rs -> {
                    rapidIds.put(rs.getLong("referral_id"), rs.getLong("id"));
                });
        List<SqlParameterSource> members = new ArrayList<>();
        List<SqlParameterSource> requests = new ArrayList<>();
        for (Referral r : referrals) {
            if (r.rapid == null) {
                continue;
            }
            long rapidId = rapidIds.get(r.id);
            for (String t : r.rapid.themes()) {
                themes.add(theme(ctx, "RAPID_REVIEW", rapidId, t, r.rapid.meetingOn()));
            }
            for (Member m : r.rapid.members()) {
                members.add(new MapSqlParameterSource()
                        .addValue("rr", rapidId)
                        .addValue("name", m.name())
                        .addValue("role", m.role())
                        .addValue("a", m.agencyId()));
            }
            for (Request q : r.rapid.requests()) {
                requests.add(request(ctx, r.id, null, q));
            }
        }
        batch(
                "insert into rapid_review_member (rapid_review_id, person_name, role, agency_id)"
                        + " values (:rr, :name, :role, :a)",
                members);
        requests(requests);
        batch("""
                insert into case_theme (partnership_id, owner_type, owner_id, theme_id, tagged_on)
                values (:p, :type, :owner, :theme, :on) on conflict do nothing
                """, themes);
    }

    private static MapSqlParameterSource theme(Context ctx, String type, long owner, String theme, LocalDate on) {
        Long id = ctx.themes().get(theme);
        if (id == null) {
            throw new IllegalStateException("Demo learning theme missing: " + theme);
        }
        return new MapSqlParameterSource()
                .addValue("p", ctx.partnershipId())
                .addValue("type", type)
                .addValue("owner", owner)
                .addValue("theme", id)
                .addValue("on", on);
    }

    private static MapSqlParameterSource request(
            Context ctx, @Nullable Long referralId, @Nullable Long reviewId, Request q) {
        boolean answered = q.answeredOn() != null;
        return new MapSqlParameterSource()
                .addValue("p", ctx.partnershipId())
                .addValue("r", referralId)
                .addValue("pr", reviewId)
                .addValue("a", q.agencyId())
                .addValue("kind", q.kind())
                .addValue(
                        "question",
                        switch (q.kind()) {
                            case "CHRONOLOGY" ->
                                "Please send your agency's chronology of involvement with the child and"
                                        + " family for the last 12 months.";
                            case "AGENCY_REPORT" ->
                                "Please provide your agency report for the review panel, using the"
                                        + " partnership's template.";
                            default ->
                                "Please summarise your agency's involvement with the child and family, and any"
                                        + " early learning.";
                        })
                .addValue("requested", q.requestedOn())
                .addValue("due", q.dueOn())
                .addValue("status", answered ? "ANSWERED" : "REQUESTED")
                .addValue(
                        "response",
                        answered
                                ? "Summary provided: contacts, decisions and the information we held are set out, with"
                                        + " early reflections on what could have been done differently."
                                : null)
                .addValue("answered", q.answeredOn())
                .addValue("by", answered ? "Agency safeguarding lead" : null);
    }

    private void requests(List<SqlParameterSource> requests) {
        batch("""
                insert into agency_request (partnership_id, referral_id, practice_review_id, agency_id, kind,
                    question, requested_on, due_on, requested_by_name, status, response, answered_on,
                    answered_by_name)
                values (:p, :r, :pr, :a, :kind, :question, :requested, :due, 'Priya Shah', :status, :response,
                    :answered, :by)
                """, requests);
    }

    private void batch(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            named.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Practice reviews and the learning tracker (Kent only)

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

    private static final String[] RECOMMENDATIONS = {
        "Agencies should make sure practitioners record the voice and lived experience of the child at every contact.",
        "Partners should strengthen the sharing of information between health, police and children's social care when"
                + " a non-mobile infant is seen with bruising.",
        "The partnership should review how fathers and male carers are identified and engaged in assessments.",
        "Agencies should assure the partnership that supervision of complex cases includes reflective challenge.",
        "Practitioners should use the escalation policy when they disagree with a decision about a child's safety.",
        "Schools should make sure safeguarding files transfer promptly and completely when a child changes setting.",
        "Partners should improve the response to repeated missing episodes and indicators of criminal exploitation.",
        "Adult mental health services should consider the children in the household when assessing a parent.",
        "Agencies should make sure safer sleep advice is given and checked at every contact with families of infants.",
        "The partnership should test how well professional curiosity is shown in multi-agency audits."
    };

    private static final String[] ACTIONS = {
        "Deliver a briefing to all frontline staff and record attendance.",
        "Update the single-agency policy and publish it on the intranet.",
        "Audit a sample of 20 case files and report the findings to LIG.",
        "Add the learning to the mandatory safeguarding training.",
        "Introduce a prompt in the case management system.",
        "Run a practitioner workshop with partner agencies.",
        "Review supervision templates and agree changes with team managers.",
        "Produce a 5 minute factsheet and share it through the partnership newsletter."
    };

    private static final String[] OWNERS = {
        "Kent County Council",
        "Kent Police",
        "Kent Community Health NHS Foundation Trust",
        "East Kent Hospitals University NHS Foundation Trust",
        "NHS Kent and Medway Integrated Care Board",
        "Kent and Medway NHS and Social Care Partnership Trust",
        "Maidstone and Tunbridge Wells NHS Trust",
        "Kent, Surrey and Sussex Probation Service",
        "Hollowbrook Academy (fictional demo school)",
        "South East Coast Ambulance Service NHS Foundation Trust"
    };

    private static final String[] PEOPLE = {
        "Sam Taylor",
        "Alex Morgan",
        "Ruth Adeyemi",
        "Jordan Lee",
        "Dev Mistry",
        "Hannah Cole",
        "Owen Price",
        "Leah Grant"
    };

    /**
     * Six practice reviews considered by the Learning and Improvement Group in 2023-24 with 45 recommendations and
     * 68 actions, 19 signed off (KSCMP annual report 2023-24); plus two reviews commissioned recently, whose
     * six-month clocks are running.
     */
    private void practiceReviews(Context ctx, Random random, List<Referral> referrals) {
        LocalDate today = LocalDate.now(clock);
        List<Referral> commissioned = referrals.stream()
                .filter(r -> "REVIEW_COMMISSIONED".equals(r.status))
                .toList();
        List<Review> reviews = List.of(
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
                        List.of("Domestic abuse", "Parental mental health", "Information sharing")),
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
        List<SqlParameterSource> themes = new ArrayList<>();
        List<SqlParameterSource> requests = new ArrayList<>();
        List<long[]> reviewIds = new ArrayList<>();
        int first = 0;
        int last = commissioned.size() - 1;
        for (Review v : reviews) {
            boolean live = "IN_PROGRESS".equals(v.status()) || "COMMISSIONED".equals(v.status());
            Long referralId = null;
            if (!"THEMATIC_REVIEW".equals(v.type()) && first <= last) {
                // completed reviews come from the oldest commissioning referrals, live ones from the newest
                referralId = live ? commissioned.get(last--).id : commissioned.get(first++).id;
            }
            long id = jdbc.sql("""
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
            reviewIds.add(new long[] {id, v.recommendations()});
            for (String t : v.themes()) {
                themes.add(theme(ctx, "PRACTICE_REVIEW", id, t, v.commissioned()));
            }
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
            requests.add(request(
                    ctx,
                    null,
                    id,
                    new Request(
                            ctx.agency("Kent Police"),
                            "AGENCY_REPORT",
                            asked,
                            live ? workingDays(today, 8) : asked.plusWeeks(4),
                            live ? null : asked.plusWeeks(3))));
            requests.add(request(
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
        requests(requests);
        batch("""
                insert into case_theme (partnership_id, owner_type, owner_id, theme_id, tagged_on)
                values (:p, :type, :owner, :theme, :on) on conflict do nothing
                """, themes);
        tracker(ctx, random, reviews, reviewIds);
    }

    /** 45 recommendations and 68 actions: 19 signed off, 9 awaiting sign-off, the rest open, some overdue. */
    private void tracker(Context ctx, Random random, List<Review> reviews, List<long[]> reviewIds) {
        LocalDate today = LocalDate.now(clock);
        List<String> statuses = new ArrayList<>();
        add(statuses, "SIGNED_OFF", 19);
        add(statuses, "COMPLETED", 9);
        add(statuses, "UNDERWAY", 22);
        add(statuses, "NOT_STARTED", 12);
        add(statuses, "AWAITING_NATIONAL", 6);
        Collections.shuffle(statuses, random);
        int recommendationNo = 0;
        int actionNo = 0;
        int statusIndex = 0;
        for (int v = 0; v < reviews.size(); v++) {
            Review review = reviews.get(v);
            long reviewId = reviewIds.get(v)[0];
            for (int k = 0; k < review.recommendations(); k++) {
                recommendationNo++;
                LocalDate considered = LocalDate.of(2023, 5, 1).plusDays(recommendationNo * 7L);
                long recId = jdbc.sql("""
                                insert into recommendation (partnership_id, reference, source_type, source_id,
                                    source_title, text, owning_group_id, agreed_on, considered_on, created_at,
                                    created_by_name)
                                values (:p, :ref, 'PRACTICE_REVIEW', :src, :title, :text, :group, :agreed,
                                    :considered, :created, 'Priya Shah')
                                returning id
                                """)
                        .param("p", ctx.partnershipId())
                        .param("ref", String.format("R-%d-%03d", considered.getYear(), recommendationNo))
                        .param("src", reviewId)
                        .param("title", review.title())
                        .param("text", RECOMMENDATIONS[(recommendationNo * 3 + v) % RECOMMENDATIONS.length])
                        .param("group", ctx.learningGroup())
                        .param("agreed", considered.minusDays(14))
                        .param("considered", considered)
                        .param("created", at(considered, 9))
                        .query(Long.class)
                        .single();
                jdbc.sql("insert into recommendation_theme (recommendation_id, theme_id) values (:r, :t)")
                        .param("r", recId)
                        .param(
                                "t",
                                ctx.themes()
                                        .get(review.themes()
                                                .get(k % review.themes().size())))
                        .update();
                int actions = recommendationNo <= 23 ? 2 : 1; // 45 recommendations, 68 actions
                for (int a = 0; a < actions; a++) {
                    actionNo++;
                    String status = statuses.get(statusIndex++);
                    String owner = OWNERS[(actionNo * 7 + a) % OWNERS.length];
                    LocalDate due = switch (status) {
                        case "SIGNED_OFF", "COMPLETED" -> considered.plusMonths(6);
                        case "UNDERWAY" ->
                            actionNo % 2 == 0 ? today.minusDays(10 + actionNo % 40) : today.plusDays(7 + actionNo % 90);
                        case "NOT_STARTED" ->
                            actionNo % 3 == 0 ? today.minusDays(5 + actionNo % 20) : today.plusDays(30 + actionNo);
                        default -> today.plusMonths(3);
                    };
                    LocalDate completed = "SIGNED_OFF".equals(status) || "COMPLETED".equals(status)
                            ? considered.plusMonths(4).plusDays(actionNo % 20)
                            : null;
                    LocalDate signedOff = "SIGNED_OFF".equals(status) ? completed.plusDays(30) : null;
                    jdbc.sql("""
                                    insert into learning_action (partnership_id, recommendation_id, reference, text,
                                        owner_agency_id, owner_person, due_on, status, completed_on, signed_off_on,
                                        signed_off_by_name, sign_off_note, impact_note, created_at, updated_at)
                                    values (:p, :rec, :ref, :text, :owner, :person, :due, :status, :completed,
                                        :signedOff, :signedBy, :note, :impact, :created, :created)
                                    """)
                            .param("p", ctx.partnershipId())
                            .param("rec", recId)
                            .param("ref", String.format("A-%d-%03d", considered.getYear(), actionNo))
                            .param("text", ACTIONS[(actionNo + a) % ACTIONS.length])
                            .param("owner", ctx.agency(owner))
                            .param("person", PEOPLE[actionNo % PEOPLE.length])
                            .param("due", due)
                            .param("status", status)
                            .param("completed", completed)
                            .param("signedOff", signedOff)
                            .param("signedBy", signedOff != null ? "Ruth Adeyemi (LIG chair)" : null)
                            .param(
                                    "note",
                                    signedOff != null ? "Evidence seen by the Learning and Improvement Group." : null)
                            .param(
                                    "impact",
                                    signedOff != null && actionNo % 2 == 0
                                            ? "A follow-up audit found the change in practice in most of the files sampled."
                                            : null)
                            .param("created", at(considered, 11))
                            .update();
                }
            }
        }
        if (recommendationNo != 45 || actionNo != 68) {
            throw new IllegalStateException(
                    "Kent demo tracker: " + recommendationNo + " recommendations, " + actionNo + " actions");
        }
        // a progress note on each action under way, written by its owning agency
        jdbc.sql("""
                        insert into learning_action_update (action_id, agency_id, written_at, written_by_name, text,
                            status_from, status_to)
                        select id, owner_agency_id, created_at + interval '30 days', coalesce(owner_person, 'Agency lead'),
                               'Work has started: a plan is agreed and the first briefing sessions are booked.',
                               'NOT_STARTED', 'UNDERWAY'
                        from learning_action where partnership_id = :p and status = 'UNDERWAY'
                        """).param("p", ctx.partnershipId()).update();
    }

    private static void add(List<String> list, String value, int times) {
        for (int i = 0; i < times; i++) {
            list.add(value);
        }
    }
}
