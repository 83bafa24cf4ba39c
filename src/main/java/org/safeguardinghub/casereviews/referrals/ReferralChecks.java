package org.safeguardinghub.casereviews.referrals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.platform.web.DateInput;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Turns a typed referral form into {@link ReferralDetails}. In full (submitting) every mistake is recorded against
 * its field with GOV.UK wording; for a draft nothing is refused, values that are not yet valid are left out and
 * text is cut at its limit, because a draft may be incomplete but must not grow without bound.
 *
 * <p>A signed-in notifier (a professional) gives the date the local authority became aware, which starts the
 * triage clock, so it must be a date the working-day calendar counts from (1 January 2014 on) and not in the future;
 * they give their name and email. A member of the public is asked only what they can know: when they found out, if
 * they know, and their name and email only if they want to be contacted. Their referral's triage clock starts from
 * receipt.
 */
public final class ReferralChecks {

    static final int SUMMARY_MAX = 5000;
    static final int RATIONALE_MAX = 3000;
    static final int LOCATION_MAX = 300;
    static final int SHORT_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int PHONE_MAX = 40;
    static final int OLDEST_AGE = 25;

    private static final java.time.format.DateTimeFormatter LONG_DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\- ]{6,40}$");

    /** The districts and agencies a referral in this partnership may name, and today's date. */
    public record Choices(LocalDate today, Set<Long> districts, Set<Long> agencies) {}

    private final ReferralForm form;
    private final Errors errors;
    private final boolean strict;
    private final boolean publicForm;
    private final Choices choices;

    private ReferralChecks(ReferralForm form, Errors errors, boolean strict, boolean publicForm, Choices choices) {
        this.form = form;
        this.errors = errors;
        this.strict = strict;
        this.publicForm = publicForm;
        this.choices = choices;
    }

    /** Checks everything a signed-in notifier's referral needs; mistakes go to {@code errors}. */
    public static ReferralDetails full(ReferralForm form, Errors errors, Choices choices) {
        return new ReferralChecks(form, errors, true, false, choices).read();
    }

    /** Checks a referral from the public form, which asks only what a member of the public can know. */
    public static ReferralDetails fromPublic(ReferralForm form, Errors errors, Choices choices) {
        return new ReferralChecks(form, errors, true, true, choices).read();
    }

    /** Keeps whatever is already valid, for a draft. */
    public static ReferralDetails draft(ReferralForm form, Choices choices) {
        return new ReferralChecks(form, new BeanPropertyBindingResult(form, "form"), false, false, choices).read();
    }

    private ReferralDetails read() {
        LocalDate incident = date(form.getIncidentDate(), "incidentDate", "Date of the incident", true);
        LocalDate aware = null;
        LocalDate notifierAware = null;
        if (publicForm) {
            notifierAware = date(form.getNotifierAwareDate(), "notifierAwareDate", "Date you found out", false);
            if (incident != null && notifierAware != null && notifierAware.isBefore(incident) && strict) {
                errors.rejectValue(
                        "notifierAwareDate",
                        "order",
                        "Date you found out must be the same as or after the date of the incident");
            }
        } else {
            aware = laAwareDate(incident);
        }
        String harm = code(form.getHarm(), CaseVocabulary.HARM, "harm", "Select what happened to the child", true);
        String abuse = code(
                form.getAbuseOrNeglect(),
                CaseVocabulary.ABUSE_OR_NEGLECT,
                "abuseOrNeglect",
                "Select whether abuse or neglect is known or suspected",
                true);
        Boolean inCare = yesNo(form.getChildInCare(), "childInCare", "Select yes if a child was in care");
        String summary = text(form.getSummary(), "summary", "Describe what happened", SUMMARY_MAX, true);
        String location = text(form.getLocation(), "location", null, LOCATION_MAX, false);

        List<ReferralDetails.Child> children = children(incident);

        Set<Long> agencies = agencies();

        String name = text(form.getNotifierName(), "notifierName", "Enter your name", SHORT_MAX, !publicForm);
        String role = text(form.getNotifierRole(), "notifierRole", null, SHORT_MAX, false);
        String organisation = text(form.getNotifierOrganisation(), "notifierOrganisation", null, SHORT_MAX, false);
        String email =
                text(form.getNotifierEmail(), "notifierEmail", "Enter your email address", EMAIL_MAX, !publicForm);
        checkFormat(
                email, EMAIL, "notifierEmail", "Enter an email address in the correct format, like name@example.com");
        String phone = text(form.getNotifierPhone(), "notifierPhone", null, PHONE_MAX, false);
        checkFormat(phone, PHONE, "notifierPhone", "Enter a telephone number, like 01632 960 001 or 07700 900 982");
        String rationale =
                text(form.getRationale(), "rationale", "Enter why you are making this referral", RATIONALE_MAX, true);

        return new ReferralDetails(
                incident,
                aware,
                notifierAware,
                harm,
                abuse,
                inCare,
                summary,
                location,
                children,
                List.copyOf(agencies),
                name,
                role,
                organisation,
                email,
                phone,
                rationale);
    }

    /** The date the local authority became aware, checked against the calendar and the incident. */
    private @Nullable LocalDate laAwareDate(@Nullable LocalDate incident) {
        LocalDate aware = date(form.getLaAwareDate(), "laAwareDate", "Date the local authority became aware", true);
        if (aware != null && aware.isBefore(WorkingDayCalendar.england().firstCovered())) {
            if (strict) {
                errors.rejectValue(
                        "laAwareDate",
                        "calendar",
                        "Date the local authority became aware must be on or after "
                                + LONG_DATE.format(WorkingDayCalendar.england().firstCovered())
                                + ", the first day the statutory clocks can count from");
                aware = null;
            }
            // a draft keeps the date as typed: the person sees it again and is told when they send it
        }
        if (incident != null && aware != null && aware.isBefore(incident)) {
            if (strict) {
                errors.rejectValue(
                        "laAwareDate",
                        "order",
                        "Date the local authority became aware must be the same as or after the date of the incident");
            }
        }
        return aware;
    }

    private List<ReferralDetails.Child> children(@Nullable LocalDate incident) {
        List<ReferralDetails.Child> children = new ArrayList<>();
        List<ChildForm> typed = form.getChildren();
        for (int i = 0; i < Math.min(ReferralForm.CHILDREN, typed.size()); i++) {
            ChildForm child = typed.get(i);
            if (child == null || (i > 0 && child.blank())) {
                continue;
            }
            ReferralDetails.Child c = child(child, i, incident);
            if (c != null) {
                children.add(c);
            }
        }
        return children;
    }

    /** The agencies chosen from the list; anything else is a mistake when checking strictly. */
    private Set<Long> agencies() {
        Set<Long> agencies = new LinkedHashSet<>();
        for (String id : form.getAgencyIds()) {
            Long value = number(id);
            if (value != null && choices.agencies().contains(value)) {
                agencies.add(value);
            } else if (strict && !id.isBlank()) {
                errors.rejectValue("agencyIds", "invalid", "Select agencies from the list");
            }
        }
        return agencies;
    }

    /** A value given in the wrong format is a mistake when checking strictly, unless its field has one already. */
    private void checkFormat(@Nullable String value, Pattern pattern, String field, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            if (strict && !errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "format", message);
            }
        }
    }

    private ReferralDetails.@Nullable Child child(ChildForm child, int index, @Nullable LocalDate incident) {
        String prefix = "children[" + index + "].";
        String who = "child " + (index + 1);
        Integer age = null;
        String ageText = child.getAgeYears().trim();
        if (!ageText.isEmpty()) {
            Long parsed = number(ageText);
            if (parsed != null && parsed >= 0 && parsed <= OLDEST_AGE) {
                age = parsed.intValue();
            } else if (strict) {
                errors.rejectValue(
                        prefix + "ageYears",
                        "age",
                        "Age of " + who + " must be a whole number of years between 0 and " + OLDEST_AGE);
            }
        }
        LocalDate born = date(child.getDateOfBirth(), prefix + "dateOfBirth", "Date of birth of " + who, false);
        if (born != null && born.isBefore(choices.today().minusYears(OLDEST_AGE + 1L))) {
            if (strict) {
                errors.rejectValue(
                        prefix + "dateOfBirth",
                        "old",
                        "Date of birth of " + who + " must be within the last " + (OLDEST_AGE + 1) + " years");
            }
            born = null;
        }
        if (strict
                && age == null
                && born == null
                && !errors.hasFieldErrors(prefix + "ageYears")
                && !errors.hasFieldErrors(prefix + "dateOfBirth")) {
            errors.rejectValue(prefix + "ageYears", "required", "Enter the age of " + who + " or their date of birth");
        }
        String gender =
                code(child.getGender(), CaseVocabulary.GENDER, prefix + "gender", "Select the gender of " + who, true);
        String ethnicity = code(
                child.getEthnicity(),
                CaseVocabulary.ETHNICITY,
                prefix + "ethnicity",
                "Select the ethnicity of " + who,
                false);
        String disability = code(
                child.getDisability(),
                CaseVocabulary.DISABILITY,
                prefix + "disability",
                "Select the disability of " + who,
                false);
        String status = code(
                child.getStatutoryStatus(),
                CaseVocabulary.STATUTORY_STATUS,
                prefix + "statutoryStatus",
                "Select the statutory status of " + who,
                false);
        Long district = null;
        if (!child.getDistrictId().isBlank()) {
            Long id = number(child.getDistrictId());
            if (id != null && choices.districts().contains(id)) {
                district = id;
            } else if (strict) {
                errors.rejectValue(
                        prefix + "districtId", "invalid", "Select the district of " + who + " from the list");
            }
        }
        if (!strict && child.blank()) {
            return null;
        }
        return new ReferralDetails.Child(
                index + 1,
                age,
                born,
                CaseVocabulary.ageBand(age, born, incident != null ? incident : choices.today()),
                gender,
                ethnicity,
                disability,
                status,
                district);
    }

    private @Nullable LocalDate date(DateInput input, String field, String label, boolean required) {
        if (!strict) {
            LocalDate date = input.lenient();
            return date != null && !date.isAfter(choices.today()) ? date : null;
        }
        LocalDate date = input.read(errors, field, label, required);
        if (date != null && date.isAfter(choices.today())) {
            errors.rejectValue(field, "future", label + " must be today or in the past");
            return null;
        }
        return date;
    }

    private @Nullable String code(
            String value, Map<String, String> vocabulary, String field, String message, boolean required) {
        String v = value.trim();
        if (vocabulary.containsKey(v)) {
            return v;
        }
        if (strict && (required || !v.isEmpty())) {
            errors.rejectValue(field, v.isEmpty() ? "required" : "invalid", message);
        }
        return null;
    }

    private @Nullable Boolean yesNo(String value, String field, String message) {
        return switch (value.trim()) {
            case "yes" -> true;
            case "no" -> false;
            default -> {
                if (strict) {
                    errors.rejectValue(field, "required", message);
                }
                yield null;
            }
        };
    }

    private @Nullable String text(String value, String field, @Nullable String required, int max, boolean needed) {
        String v = value.strip();
        if (v.isEmpty()) {
            if (strict && needed && required != null) {
                errors.rejectValue(field, "required", required);
            }
            return null;
        }
        if (v.length() > max) {
            if (strict) {
                errors.rejectValue(field, "length", label(field) + " must be " + max + " characters or fewer");
                return null;
            }
            return v.substring(0, max);
        }
        return v;
    }

    private static String label(String field) {
        return switch (field) {
            case "summary" -> "What happened";
            case "location" -> "Where it happened";
            case "notifierName" -> "Your name";
            case "notifierRole" -> "Your role";
            case "notifierOrganisation" -> "Your organisation";
            case "notifierEmail" -> "Email address";
            case "notifierPhone" -> "Telephone number";
            case "rationale" -> "Why you are making this referral";
            default -> "This answer";
        };
    }

    private static @Nullable Long number(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
