package org.safeguardinghub.casereviews.reviews;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.ClockStatus;
import org.safeguardinghub.calendar.StatutoryClock;
import org.safeguardinghub.casereviews.CaseVocabulary;

/** A practice review as its page shows it: labels instead of codes, dates for people, and the publication clock. */
public record ReviewView(
        long id,
        String title,
        String typeLabel,
        String status,
        String statusLabel,
        String commissionedOn,
        String targetOn,
        ClockTag clock,
        @Nullable String reviewers,
        @Nullable String termsOfReference,
        @Nullable String panelGroupName,
        @Nullable String familyInvolvement,
        @Nullable String draftReportOn,
        @Nullable String finalReportOn,
        @Nullable String signedOffOn,
        @Nullable String signedOffBy,
        @Nullable String publicationLabel,
        @Nullable String publicationDelayReason,
        @Nullable String publishedOn,
        PracticeReviewRecords.@Nullable ReferralRef referral,
        int version) {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public static ReviewView of(
            PracticeReview r,
            @Nullable String panelGroupName,
            PracticeReviewRecords.@Nullable ReferralRef referral,
            LocalDate today) {
        StatutoryClock clock = r.publicationClock();
        return new ReviewView(
                r.id(),
                r.title(),
                CaseVocabulary.label(CaseVocabulary.REVIEW_TYPE, r.reviewType()),
                r.status(),
                CaseVocabulary.label(CaseVocabulary.REVIEW_STATUS, r.status()),
                date(r.commissionedOn()),
                date(clock.targetDate()),
                ClockTag.of(r.status(), r.commissionedOn(), r.publishedOn(), today),
                r.reviewers(),
                r.termsOfReference(),
                panelGroupName,
                r.familyInvolvement(),
                date(r.draftReportOn()),
                date(r.finalReportOn()),
                date(r.signedOffOn()),
                r.signedOffBy(),
                r.publication() == null ? null : CaseVocabulary.label(CaseVocabulary.PUBLICATION, r.publication()),
                r.publicationDelayReason(),
                date(r.publishedOn()),
                referral,
                r.version());
    }

    public boolean signedOff() {
        return signedOffOn != null;
    }

    public boolean published() {
        return "PUBLISHED".equals(status);
    }

    public boolean finalReportRecorded() {
        return finalReportOn != null;
    }

    @SuppressWarnings("NullAway")
    public static String date(@Nullable LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** The publication clock as a GOV.UK tag: its words and colour. */
    public record ClockTag(String label, String cssClass) {

        public static ClockTag of(
                String status, LocalDate commissionedOn, @Nullable LocalDate publishedOn, LocalDate today) {
            ClockStatus s =
                    PracticeReview.publicationClock(commissionedOn, publishedOn).status(today);
            if ("PUBLICATION_DELAYED".equals(status)) {
                return new ClockTag("Publication delayed", "govuk-tag--purple");
            }
            return switch (s) {
                case RUNNING, PAUSED -> new ClockTag("On track", "govuk-tag--green");
                case DUE_SOON -> new ClockTag("Due soon", "govuk-tag--yellow");
                case OVERDUE -> new ClockTag("Overdue", "govuk-tag--red");
                case MET -> new ClockTag("Published on time", "govuk-tag--green");
                case BREACHED -> new ClockTag("Published late", "govuk-tag--orange");
            };
        }
    }
}
