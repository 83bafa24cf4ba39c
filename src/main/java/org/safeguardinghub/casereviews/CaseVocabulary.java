package org.safeguardinghub.casereviews;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.Option;

/**
 * The codes stored on case records and their labels, in one place for forms, pages, dashboards and exports. Child
 * characteristics use the DfE children in need census codes (reference.md section 3.4), so figures compare with
 * national data.
 */
public final class CaseVocabulary {

    private CaseVocabulary() {}

    /** What happened to the child (the national panel's criteria: died or seriously harmed). */
    public static final Map<String, String> HARM = ordered(
            "DIED", "Child died",
            "SERIOUSLY_HARMED", "Child seriously harmed",
            "OTHER", "Other");

    /** Whether abuse or neglect is known or suspected. */
    public static final Map<String, String> ABUSE_OR_NEGLECT = ordered(
            "KNOWN", "Abuse or neglect known",
            "SUSPECTED", "Abuse or neglect suspected",
            "NOT_SUSPECTED", "Not suspected",
            "UNKNOWN", "Not known yet");

    /** DfE CIN census gender codes. */
    public static final Map<String, String> GENDER = ordered(
            "1", "Male",
            "2", "Female",
            "9", "Indeterminate",
            "0", "Not recorded or unborn");

    /** DfE CIN census ethnicity codes (20). */
    public static final Map<String, String> ETHNICITY = ordered(
            "WBRI", "White British",
            "WIRI", "White Irish",
            "WIRT", "Traveller of Irish heritage",
            "WOTH", "Any other White background",
            "WROM", "Gypsy or Roma",
            "MWBC", "White and Black Caribbean",
            "MWBA", "White and Black African",
            "MWAS", "White and Asian",
            "MOTH", "Any other mixed background",
            "AIND", "Indian",
            "APKN", "Pakistani",
            "ABAN", "Bangladeshi",
            "AOTH", "Any other Asian background",
            "BCRB", "Black Caribbean",
            "BAFR", "Black African",
            "BOTH", "Any other Black background",
            "CHNE", "Chinese",
            "OOTH", "Any other ethnic group",
            "REFU", "Refused",
            "NOBT", "Information not yet obtained");

    /** DfE CIN census disability codes. */
    public static final Map<String, String> DISABILITY = ordered(
            "NONE", "No disability",
            "MOB", "Mobility",
            "HAND", "Hand function",
            "PC", "Personal care",
            "INC", "Incontinence",
            "COMM", "Communication",
            "LD", "Learning",
            "HEAR", "Hearing",
            "VIS", "Vision",
            "BEH", "Behaviour",
            "CON", "Consciousness",
            "AUT", "Autism or Asperger syndrome",
            "DDA", "Other disability");

    /** The child's statutory status at the time of the incident. */
    public static final Map<String, String> STATUTORY_STATUS = ordered(
            "NONE", "None",
            "EARLY_HELP", "Early help",
            "CHILD_IN_NEED", "Child in need",
            "CHILD_PROTECTION_PLAN", "Child protection plan",
            "CHILD_IN_CARE", "Child in care",
            "CARE_LEAVER", "Care leaver (up to 25)");

    /** Age bands used on the dashboards (Kent 2023-24 counts the youngest child of a referral). */
    public static final Map<String, String> AGE_BAND = ordered(
            "UNBORN", "Unborn",
            "UNDER_1", "Under 1",
            "1_TO_4", "1 to 4",
            "5_TO_10", "5 to 10",
            "11_TO_15", "11 to 15",
            "16_PLUS", "16 and over");

    public static final Map<String, String> REFERRAL_STATUS = ordered(
            "DRAFT", "Draft",
            "RECEIVED", "Received, awaiting triage",
            "NOTIFIED", "Notified to national panel",
            "RAPID_REVIEW", "Rapid review",
            "LOCAL_CONSIDERATION", "Local consideration",
            "REVIEW_COMMISSIONED", "Review commissioned",
            "CLOSED", "Closed");

    public static final Map<String, String> RAPID_REVIEW_OUTCOME = ordered(
            "LCSPR", "Local child safeguarding practice review commissioned",
            "NO_FURTHER_REVIEW", "No further review, learning action plan",
            "OTHER_REVIEW", "Other type of review");

    public static final Map<String, String> REVIEW_TYPE = ordered(
            "LCSPR", "Local child safeguarding practice review",
            "LEARNING_REVIEW", "Learning review",
            "THEMATIC_REVIEW", "Thematic review",
            "WINDOW_ON_THE_SYSTEM", "Window on the system",
            "MANAGEMENT_REVIEW", "Management review",
            "SINGLE_AGENCY_REVIEW", "Single-agency review",
            "NATIONAL_CSPR", "National child safeguarding practice review");

    public static final Map<String, String> REVIEW_STATUS = ordered(
            "COMMISSIONED", "Commissioned",
            "IN_PROGRESS", "In progress",
            "DRAFT_REPORT", "Draft report",
            "FINAL_REPORT", "Final report",
            "SIGNED_OFF", "Signed off",
            "PUBLICATION_DELAYED", "Publication delayed",
            "PUBLISHED", "Published");

    public static final Map<String, String> PUBLICATION = ordered(
            "NAMED", "Published with the child's name",
            "ANONYMISED", "Published anonymised",
            "DELAYED", "Delayed (parallel proceedings)");

    public static final Map<String, String> REQUEST_KIND = ordered(
            "INVOLVEMENT_SUMMARY", "Summary of involvement",
            "CHRONOLOGY", "Chronology",
            "AGENCY_REPORT", "Agency report");

    /** The label for a code, or the code itself if unknown; empty for null. */
    public static String label(Map<String, String> vocabulary, @Nullable String code) {
        if (code == null) {
            return "";
        }
        return vocabulary.getOrDefault(code, code);
    }

    /** The vocabulary as form options, in order. */
    public static List<Option> options(Map<String, String> vocabulary) {
        return vocabulary.entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * The age band of a child at the incident: from the date of birth when given, otherwise from the age in years.
     * Null when neither is known.
     */
    public static @Nullable String ageBand(
            @Nullable Integer ageYears, @Nullable LocalDate dateOfBirth, @Nullable LocalDate incidentDate) {
        Integer years = ageYears;
        if (dateOfBirth != null) {
            LocalDate at = incidentDate != null ? incidentDate : LocalDate.now();
            if (dateOfBirth.isAfter(at)) {
                return "UNBORN";
            }
            years = Period.between(dateOfBirth, at).getYears();
        }
        if (years == null) {
            return null;
        }
        if (years < 1) {
            return "UNDER_1";
        } else if (years <= 4) {
            return "1_TO_4";
        } else if (years <= 10) {
            return "5_TO_10";
        } else if (years <= 15) {
            return "11_TO_15";
        }
        return "16_PLUS";
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
