package org.safeguardinghub.casereviews.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.platform.web.DateInput;
import org.springframework.validation.BeanPropertyBindingResult;

/** The referral checks: what a submitted referral needs, age bands, and what a draft keeps. */
class ReferralChecksTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final ReferralChecks.Choices CHOICES = new ReferralChecks.Choices(TODAY, Set.of(10L), Set.of(20L, 21L));

    @Test
    void completeReferralPassesAndStoresTheAgeBandNotJustTheAge() {
        ReferralForm form = complete();
        // born after the incident on 1 October: harmed before birth
        form.getChildren().get(1).setDateOfBirth(date(LocalDate.of(2026, 10, 30)));
        form.getChildren().get(1).setGender("0");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");

        ReferralDetails details = ReferralChecks.full(form, errors, CHOICES);

        assertThat(errors.getAllErrors()).isEmpty();
        assertThat(details.children())
                .extracting(ReferralDetails.Child::position, ReferralDetails.Child::ageBand)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "11_TO_15"),
                        org.assertj.core.groups.Tuple.tuple(2, "UNBORN"));
        assertThat(details.agencyIds()).containsExactly(20L);
        assertThat(details.childInCare()).isFalse();
    }

    @Test
    void ageBandsFollowTheAgeInYearsWhenNoDateOfBirth() {
        for (var expected : List.of(
                List.of("0", "UNDER_1"),
                List.of("1", "1_TO_4"),
                List.of("4", "1_TO_4"),
                List.of("5", "5_TO_10"),
                List.of("10", "5_TO_10"),
                List.of("11", "11_TO_15"),
                List.of("15", "11_TO_15"),
                List.of("16", "16_PLUS"))) {
            ReferralForm form = complete();
            form.getChildren().get(0).setAgeYears(expected.get(0));
            BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
            assertThat(ReferralChecks.full(form, errors, CHOICES)
                            .children()
                            .get(0)
                            .ageBand())
                    .as("age %s", expected.get(0))
                    .isEqualTo(expected.get(1));
        }
    }

    @Test
    void everyMistakeIsReportedAgainstItsField() {
        ReferralForm form = complete();
        form.setLaAwareDate(date(LocalDate.of(2026, 9, 30))); // before the incident
        form.setIncidentDate(date(LocalDate.of(2026, 10, 1)));
        form.getChildren().get(0).setAgeYears("");
        form.getChildren().get(2).setDistrictId("999"); // another partnership's district
        form.getAgencyIds().add("999");
        form.setHarm("EXPLODED");
        form.setNotifierPhone("call me");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");

        ReferralChecks.full(form, errors, CHOICES);

        assertThat(errors.getFieldErrors())
                .extracting(e -> e.getField() + ": " + e.getDefaultMessage())
                .contains(
                        "laAwareDate: Date the local authority became aware must be the same as or after the date"
                                + " of the incident",
                        "children[0].ageYears: Enter the age of child 1 or their date of birth",
                        "children[2].ageYears: Enter the age of child 3 or their date of birth",
                        "children[2].districtId: Select the district of child 3 from the list",
                        "agencyIds: Select agencies from the list",
                        "harm: Select what happened to the child",
                        "notifierPhone: Enter a telephone number, like 01632 960 001 or 07700 900 982");
    }

    @Test
    void blankOptionalChildrenAreIgnored() {
        ReferralForm form = complete();
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        assertThat(ReferralChecks.full(form, errors, CHOICES).children()).hasSize(1);
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void aDraftKeepsWhatIsValidAndCutsTextAtItsLimit() {
        ReferralForm form = new ReferralForm();
        form.setSummary("y".repeat(ReferralChecks.SUMMARY_MAX + 50));
        form.getIncidentDate().setDay("12");
        form.getChildren().get(0).setAgeYears("3");
        form.getChildren().get(0).setGender("nonsense");
        form.getChildren().get(3).setEthnicity("WBRI");

        ReferralDetails draft = ReferralChecks.draft(form, CHOICES);

        assertThat(draft.summary()).hasSize(ReferralChecks.SUMMARY_MAX);
        assertThat(draft.incidentDate()).isNull();
        assertThat(draft.children())
                .extracting(
                        ReferralDetails.Child::position, ReferralDetails.Child::ageBand, ReferralDetails.Child::gender)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "1_TO_4", null),
                        org.assertj.core.groups.Tuple.tuple(4, null, null));
    }

    private static ReferralForm complete() {
        ReferralForm form = new ReferralForm();
        form.setIncidentDate(date(LocalDate.of(2026, 10, 1)));
        form.setLaAwareDate(date(LocalDate.of(2026, 10, 2)));
        form.setHarm("DIED");
        form.setAbuseOrNeglect("KNOWN");
        form.setChildInCare("no");
        form.setSummary("What happened");
        form.getChildren().get(0).setAgeYears("12");
        form.getChildren().get(0).setGender("1");
        form.getChildren().get(0).setDistrictId("10");
        form.getChildren().get(2).setGender("2");
        form.getChildren().get(2).setGender("");
        form.setAgencyIds(new java.util.ArrayList<>(List.of("20")));
        form.setNotifierName("A Person");
        form.setNotifierEmail("a.person@example.org");
        form.setRationale("Because");
        return form;
    }

    private static DateInput date(LocalDate date) {
        return DateInput.of(date);
    }
}
