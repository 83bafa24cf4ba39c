package org.safeguardinghub.casereviews.referrals;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a referral says, checked: codes are from {@code CaseVocabulary}, districts and agencies belong to the
 * partnership, text is within its limits. A draft may leave anything out; a submitted referral has passed
 * {@link ReferralChecks} in full. The local authority's date ({@code laAwareDate}) comes from signed-in notifiers;
 * a member of the public may say when they themselves found out ({@code notifierAwareDate}) and may stay anonymous.
 */
public record ReferralDetails(
        @Nullable LocalDate incidentDate,
        @Nullable LocalDate laAwareDate,
        @Nullable LocalDate notifierAwareDate,
        @Nullable String harm,
        @Nullable String abuseOrNeglect,
        @Nullable Boolean childInCare,
        @Nullable String summary,
        @Nullable String location,
        List<Child> children,
        List<Long> agencyIds,
        @Nullable String notifierName,
        @Nullable String notifierRole,
        @Nullable String notifierOrganisation,
        @Nullable String notifierEmail,
        @Nullable String notifierPhone,
        @Nullable String rationale) {

    /** One child; the age band is derived from the date of birth, or the age when only that is given. */
    record Child(
            int position,
            @Nullable Integer ageYears,
            @Nullable LocalDate dateOfBirth,
            @Nullable String ageBand,
            @Nullable String gender,
            @Nullable String ethnicity,
            @Nullable String disability,
            @Nullable String statutoryStatus,
            @Nullable Long districtId) {}

    public static ReferralDetails empty() {
        return new ReferralDetails(
                null, null, null, null, null, null, null, null, List.of(), List.of(), null, null, null, null, null,
                null);
    }

    public ReferralDetails withNotifier(@Nullable String name, @Nullable String organisation) {
        return new ReferralDetails(
                incidentDate,
                laAwareDate,
                notifierAwareDate,
                harm,
                abuseOrNeglect,
                childInCare,
                summary,
                location,
                children,
                agencyIds,
                name,
                notifierRole,
                organisation,
                notifierEmail,
                notifierPhone,
                rationale);
    }
}
