package org.safeguardinghub.casereviews.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.documents.DocumentSummary;

/** What the case pages show, as records the templates read. */
public final class CaseViews {

    private CaseViews() {}

    /** One row of the case list. */
    public record CaseRow(
            long id,
            String reference,
            LocalDate receivedOn,
            String harm,
            int children,
            String status,
            String statusLabel,
            @Nullable ClockView nextClock) {}

    /** The referral as the notifier described it. */
    public record ReferralDetails(
            String source,
            @Nullable LocalDate incidentDate,
            @Nullable String harm,
            @Nullable String abuseOrNeglect,
            @Nullable Boolean childInCare,
            @Nullable String incidentSummary,
            @Nullable String incidentLocation,
            @Nullable String notifierName,
            @Nullable String notifierRole,
            @Nullable String notifierOrganisation,
            @Nullable String notifierEmail,
            @Nullable String notifierPhone,
            @Nullable String rationale,
            @Nullable Instant submittedAt,
            @Nullable LocalDate notifierAwareDate) {}

    /** A child in a referral, with labels (no names are collected). */
    public record ChildRow(
            int position,
            String ageBand,
            @Nullable Integer ageYears,
            String gender,
            String ethnicity,
            String disability,
            String statutoryStatus,
            String district) {}

    public record MemberRow(
            long id,
            String personName,
            @Nullable String role,
            @Nullable String agencyName) {}

    /** A request to an agency and its answer. */
    public record RequestRow(
            long id,
            String agencyName,
            String kind,
            @Nullable String question,
            LocalDate requestedOn,
            @Nullable LocalDate dueOn,
            String requestedByName,
            String status,
            @Nullable String response,
            @Nullable LocalDate answeredOn,
            @Nullable String answeredByName,
            @Nullable ClockView clock,
            List<DocumentSummary> documents) {

        public boolean answered() {
            return "ANSWERED".equals(status);
        }

        public String statusLabel() {
            return switch (status) {
                case "ANSWERED" -> "Answered";
                case "WITHDRAWN" -> "Withdrawn";
                default -> "Requested";
            };
        }
    }

    /** A practice review of the referral, with its publication clock. */
    public record ReviewLink(
            long id,
            String title,
            String type,
            String status,
            @Nullable ClockView clock) {}

    /** An open clock past its target, on the overdue list. */
    public record OverdueItem(
            String what,
            String subject,
            String link,
            @Nullable String agency,
            ClockView clock) {}
}
