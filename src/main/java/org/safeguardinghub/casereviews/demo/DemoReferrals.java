package org.safeguardinghub.casereviews.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.safeguardinghub.casereviews.demo.DemoCase.Child;
import org.safeguardinghub.casereviews.demo.DemoCase.Context;
import org.safeguardinghub.casereviews.demo.DemoCase.Member;
import org.safeguardinghub.casereviews.demo.DemoCase.Referral;

/** Builds one fictional referral (children, agencies, themes) from a seeded random source; no database. */
final class DemoReferrals {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final List<String> BANDS = List.of("UNBORN", "UNDER_1", "1_TO_4", "5_TO_10", "11_TO_15", "16_PLUS");

    private DemoReferrals() {}

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

    static Referral referral(
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

    static List<String> rapidThemes(Random random, Referral r) {
        Set<String> themes = new java.util.LinkedHashSet<>(r.themes);
        themes.add(PROCESS_THEMES.get(random.nextInt(PROCESS_THEMES.size())));
        return new ArrayList<>(themes);
    }

    static String healthAgency(Referral r) {
        String band = r.children.get(0).ageBand();
        return "16_PLUS".equals(band) || "11_TO_15".equals(band)
                ? "North East London NHS Foundation Trust"
                : "Kent Community Health NHS Foundation Trust";
    }

    static List<Member> members(Context ctx) {
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
}
