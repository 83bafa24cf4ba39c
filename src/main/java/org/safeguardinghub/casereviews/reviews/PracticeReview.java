package org.safeguardinghub.casereviews.reviews;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.StatutoryClock;
import org.safeguardinghub.platform.web.Refusal;

/**
 * A practice review commissioned by the safeguarding partners: most often a local child safeguarding practice review
 * (LCSPR) after a rapid review, but also the other kinds a partnership uses to learn from a case (learning review,
 * thematic review, "window on the system", management review, single-agency review) and its contribution to a
 * national review.
 *
 * <p><b>Lifecycle.</b> A review is <i>commissioned</i> (often from a referral of a serious incident, whose status then
 * becomes "review commissioned") with its reviewers, terms of reference and panel. It is <i>in progress</i> once the
 * panel meets or agency reports are requested. The reviewer's <i>draft report</i> and then the <i>final report</i> are
 * recorded with their dates; the partners then <i>sign off</i> the final report. A signed-off review is
 * <i>published</i>, named or anonymised, or its <i>publication is delayed</i> with a recorded reason (most often
 * parallel criminal proceedings, a coroner's inquest or family court proceedings) and published later:
 *
 * <pre>
 * COMMISSIONED → IN_PROGRESS → DRAFT_REPORT → FINAL_REPORT → SIGNED_OFF → PUBLISHED
 *                                                                      ↘ PUBLICATION_DELAYED → PUBLISHED
 * </pre>
 *
 * <p><b>Rules</b> guarded here: no sign-off without a final report; no publication without sign-off (the database
 * repeats this as a check constraint); a delay needs a reason; no date may be before the review was commissioned, nor
 * before the step it follows (final report after draft, sign-off after final report, publication after sign-off);
 * once signed off the reports can no longer be re-recorded, and once published nothing in the lifecycle changes.
 * A broken rule throws {@link IllegalStateException} with a message written for the person who tried.
 *
 * <p><b>Clock.</b> <i>Working Together to Safeguard Children 2023</i> (chapter 5) expects an LCSPR to be published
 * within <b>6 months</b> of being commissioned, and the Child Safeguarding Practice Review and Relevant Agency
 * (England) Regulations 2018 (SI 2018/789, regulation 14) require the partners to monitor the review's progress and
 * timeliness, and allow them to ask for information or a draft report in writing. The Hub applies the same 6-month
 * calendar clock to every review type so the partners can monitor them all ({@link #publicationClock()}); the clock
 * stops on the day of publication. A delayed publication is shown as such rather than paused, because the
 * expectation still stands and the delay is the reason it is missed.
 */
public final class PracticeReview {

    /** Calendar months from commissioning to the expected publication. */
    static final int PUBLICATION_MONTHS = 6;

    /** A review is due soon in the last four weeks before its publication target. */
    static final int DUE_SOON_DAYS = 28;

    private final long id;
    private final long partnershipId;
    private final @Nullable Long referralId;
    private String title;
    private String reviewType;
    private String status;
    private LocalDate commissionedOn;
    private @Nullable String reviewers;
    private @Nullable String termsOfReference;
    private @Nullable Long panelGroupId;
    private @Nullable String familyInvolvement;
    private @Nullable LocalDate draftReportOn;
    private @Nullable LocalDate finalReportOn;
    private @Nullable LocalDate signedOffOn;
    private @Nullable String signedOffBy;
    private @Nullable String publication;
    private @Nullable String publicationDelayReason;
    private @Nullable LocalDate publishedOn;
    private final int version;

    PracticeReview(
            long id,
            long partnershipId,
            @Nullable Long referralId,
            String title,
            String reviewType,
            String status,
            LocalDate commissionedOn,
            @Nullable String reviewers,
            @Nullable String termsOfReference,
            @Nullable Long panelGroupId,
            @Nullable String familyInvolvement,
            @Nullable LocalDate draftReportOn,
            @Nullable LocalDate finalReportOn,
            @Nullable LocalDate signedOffOn,
            @Nullable String signedOffBy,
            @Nullable String publication,
            @Nullable String publicationDelayReason,
            @Nullable LocalDate publishedOn,
            int version) {
        this.id = id;
        this.partnershipId = partnershipId;
        this.referralId = referralId;
        this.title = title;
        this.reviewType = reviewType;
        this.status = status;
        this.commissionedOn = commissionedOn;
        this.reviewers = reviewers;
        this.termsOfReference = termsOfReference;
        this.panelGroupId = panelGroupId;
        this.familyInvolvement = familyInvolvement;
        this.draftReportOn = draftReportOn;
        this.finalReportOn = finalReportOn;
        this.signedOffOn = signedOffOn;
        this.signedOffBy = signedOffBy;
        this.publication = publication;
        this.publicationDelayReason = publicationDelayReason;
        this.publishedOn = publishedOn;
        this.version = version;
    }

    /** A review as it is commissioned, before it is saved. */
    static PracticeReview commission(
            long partnershipId,
            @Nullable Long referralId,
            String title,
            String reviewType,
            LocalDate commissionedOn,
            @Nullable String reviewers,
            @Nullable String termsOfReference,
            @Nullable Long panelGroupId,
            @Nullable String familyInvolvement) {
        requireText(title, "Enter the review's title");
        return new PracticeReview(
                0,
                partnershipId,
                referralId,
                title.strip(),
                Objects.requireNonNull(reviewType),
                "COMMISSIONED",
                Objects.requireNonNull(commissionedOn),
                reviewers,
                termsOfReference,
                panelGroupId,
                familyInvolvement,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
    }

    /** Changes what the review is and who does it; the commissioning date cannot move past a recorded step. */
    void changeDetails(
            String newTitle,
            String newType,
            LocalDate newCommissionedOn,
            @Nullable String newReviewers,
            @Nullable String newTermsOfReference,
            @Nullable Long newPanelGroupId) {
        requireText(newTitle, "Enter the review's title");
        for (LocalDate recorded : new LocalDate[] {draftReportOn, finalReportOn, signedOffOn, publishedOn}) {
            if (recorded != null && recorded.isBefore(newCommissionedOn)) {
                throw Refusal.invalid("The date commissioned cannot be after " + recorded
                        + ", when a later step of the review was recorded");
            }
        }
        title = newTitle.strip();
        reviewType = newType;
        commissionedOn = newCommissionedOn;
        reviewers = newReviewers;
        termsOfReference = newTermsOfReference;
        panelGroupId = newPanelGroupId;
    }

    /** The panel met or agencies were asked for reports: a commissioned review is now in progress. */
    void startWork() {
        if ("COMMISSIONED".equals(status)) {
            status = "IN_PROGRESS";
        }
    }

    /** How the child's family has been involved in the review, and how their views are reflected. */
    void recordFamilyInvolvement(@Nullable String text) {
        familyInvolvement = text;
    }

    /** The reviewer's draft report was received on {@code on}. */
    void recordDraftReport(LocalDate on) {
        requireNotSignedOff("the draft report");
        if (finalReportOn != null) {
            throw Refusal.invalid("The final report is already recorded, so the draft cannot be changed");
        }
        requireNotBeforeCommissioning(on, "The draft report date");
        draftReportOn = on;
        status = "DRAFT_REPORT";
    }

    /** The final report was received on {@code on}. */
    void recordFinalReport(LocalDate on) {
        requireNotSignedOff("the final report");
        requireNotBeforeCommissioning(on, "The final report date");
        if (draftReportOn != null && on.isBefore(draftReportOn)) {
            throw Refusal.invalid(
                    "The final report date cannot be before the draft report date (" + draftReportOn + ")");
        }
        finalReportOn = on;
        status = "FINAL_REPORT";
    }

    /** The safeguarding partners signed off the final report. */
    void signOff(LocalDate on, String by) {
        requireNotPublished();
        if (signedOffOn != null) {
            throw Refusal.invalid("The review was already signed off on " + signedOffOn);
        }
        if (finalReportOn == null) {
            throw Refusal.invalid("A review cannot be signed off before its final report is recorded");
        }
        requireText(by, "Enter who signed off the review");
        requireNotBeforeCommissioning(on, "The sign-off date");
        if (on.isBefore(finalReportOn)) {
            throw Refusal.invalid("The sign-off date cannot be before the final report date (" + finalReportOn + ")");
        }
        signedOffOn = on;
        signedOffBy = by.strip();
        status = "SIGNED_OFF";
    }

    /**
     * The report was published, with the child's name ({@code NAMED}) or anonymised ({@code ANONYMISED}); allowed
     * after a delay too.
     */
    void publish(String kind, LocalDate on) {
        if (!"NAMED".equals(kind) && !"ANONYMISED".equals(kind)) {
            throw new IllegalArgumentException("A review is published named or anonymised, not " + kind);
        }
        requireNotPublished();
        if (signedOffOn == null) {
            throw Refusal.invalid("A review cannot be published before it is signed off");
        }
        requireNotBeforeCommissioning(on, "The publication date");
        if (on.isBefore(signedOffOn)) {
            throw Refusal.invalid("The publication date cannot be before the sign-off date (" + signedOffOn + ")");
        }
        publication = kind;
        publishedOn = on;
        status = "PUBLISHED";
    }

    /** Publication is held back, for example until parallel criminal proceedings end; the reason is required. */
    void delayPublication(@Nullable String reason) {
        requireNotPublished();
        if (signedOffOn == null) {
            throw Refusal.invalid("Sign off the review before recording a delay to its publication");
        }
        requireText(reason, "Give the reason publication is delayed, for example parallel criminal proceedings");
        publication = "DELAYED";
        publicationDelayReason = Objects.requireNonNull(reason).strip();
        status = "PUBLICATION_DELAYED";
    }

    /** The 6-month publication clock from commissioning, stopped on the day of publication. */
    StatutoryClock publicationClock() {
        return publicationClock(commissionedOn, publishedOn);
    }

    public static StatutoryClock publicationClock(LocalDate commissionedOn, @Nullable LocalDate publishedOn) {
        StatutoryClock clock = StatutoryClock.calendarMonths("Publication", commissionedOn, PUBLICATION_MONTHS)
                .withDueSoonThreshold(DUE_SOON_DAYS);
        return publishedOn == null || publishedOn.isBefore(commissionedOn) ? clock : clock.stop(publishedOn);
    }

    boolean isPublished() {
        return "PUBLISHED".equals(status);
    }

    private void requireNotPublished() {
        if (isPublished()) {
            throw Refusal.invalid("The review was published on " + publishedOn + " and cannot change");
        }
    }

    private void requireNotSignedOff(String what) {
        requireNotPublished();
        if (signedOffOn != null) {
            throw Refusal.invalid("The review is signed off, so " + what + " can no longer be changed");
        }
    }

    private void requireNotBeforeCommissioning(LocalDate on, String what) {
        Objects.requireNonNull(on, "date");
        if (on.isBefore(commissionedOn)) {
            throw Refusal.invalid(what + " cannot be before the review was commissioned (" + commissionedOn + ")");
        }
    }

    private static void requireText(@Nullable String text, String message) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(message);
        }
    }

    public long id() {
        return id;
    }

    public long partnershipId() {
        return partnershipId;
    }

    @Nullable
    Long referralId() {
        return referralId;
    }

    public String title() {
        return title;
    }

    String reviewType() {
        return reviewType;
    }

    String status() {
        return status;
    }

    LocalDate commissionedOn() {
        return commissionedOn;
    }

    @Nullable
    String reviewers() {
        return reviewers;
    }

    @Nullable
    String termsOfReference() {
        return termsOfReference;
    }

    @Nullable
    Long panelGroupId() {
        return panelGroupId;
    }

    @Nullable
    String familyInvolvement() {
        return familyInvolvement;
    }

    @Nullable
    LocalDate draftReportOn() {
        return draftReportOn;
    }

    @Nullable
    LocalDate finalReportOn() {
        return finalReportOn;
    }

    @Nullable
    LocalDate signedOffOn() {
        return signedOffOn;
    }

    @Nullable
    String signedOffBy() {
        return signedOffBy;
    }

    @Nullable
    String publication() {
        return publication;
    }

    @Nullable
    String publicationDelayReason() {
        return publicationDelayReason;
    }

    @Nullable
    LocalDate publishedOn() {
        return publishedOn;
    }

    int version() {
        return version;
    }

    /** The values audited for a change, by field. */
    java.util.Map<String, @Nullable Object> auditValues() {
        java.util.Map<String, @Nullable Object> m = new java.util.LinkedHashMap<>();
        m.put("title", title);
        m.put("reviewType", reviewType);
        m.put("status", status);
        m.put("commissionedOn", commissionedOn);
        m.put("reviewers", reviewers);
        m.put("termsOfReference", termsOfReference);
        m.put("panelGroupId", panelGroupId);
        m.put("familyInvolvement", familyInvolvement);
        m.put("draftReportOn", draftReportOn);
        m.put("finalReportOn", finalReportOn);
        m.put("signedOffOn", signedOffOn);
        m.put("signedOffBy", signedOffBy);
        m.put("publication", publication);
        m.put("publicationDelayReason", publicationDelayReason);
        m.put("publishedOn", publishedOn);
        return m;
    }
}
