package org.safeguardinghub.casereviews.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the case review demo generates for one case, before it is written; and the partnership's ids by name. */
final class DemoCase {

    private DemoCase() {}

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
    record Context(
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
}
