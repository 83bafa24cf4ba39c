package org.safeguardinghub.casereviews.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.calendar.ClockStatus;

/** The lifecycle rules of a practice review, from commissioning to publication. */
class PracticeReviewTest {

    static final LocalDate COMMISSIONED = LocalDate.of(2026, 3, 2);

    static PracticeReview review() {
        return PracticeReview.commission(1L, null, "Child N", "LCSPR", COMMISSIONED, "A Reviewer", "Scope", null, null);
    }

    @Test
    void aReviewGoesFromCommissionedThroughReportsAndSignOffToPublished() {
        PracticeReview r = review();
        assertThat(r.status()).isEqualTo("COMMISSIONED");
        r.startWork();
        assertThat(r.status()).isEqualTo("IN_PROGRESS");
        r.recordDraftReport(LocalDate.of(2026, 6, 1));
        assertThat(r.status()).isEqualTo("DRAFT_REPORT");
        r.recordFinalReport(LocalDate.of(2026, 7, 1));
        assertThat(r.status()).isEqualTo("FINAL_REPORT");
        r.signOff(LocalDate.of(2026, 7, 15), "Executive group");
        assertThat(r.status()).isEqualTo("SIGNED_OFF");
        r.publish("ANONYMISED", LocalDate.of(2026, 8, 1));
        assertThat(r.status()).isEqualTo("PUBLISHED");
        assertThat(r.publication()).isEqualTo("ANONYMISED");
        assertThat(r.publicationClock().status(LocalDate.of(2027, 1, 1))).isEqualTo(ClockStatus.MET);
    }

    @Test
    void cannotBeSignedOffWithoutAFinalReport() {
        PracticeReview r = review();
        r.recordDraftReport(LocalDate.of(2026, 6, 1));

        assertThatThrownBy(() -> r.signOff(LocalDate.of(2026, 6, 2), "Executive group"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A review cannot be signed off before its final report is recorded");
        assertThat(r.status()).isEqualTo("DRAFT_REPORT");
    }

    @Test
    void cannotBePublishedWithoutSignOff() {
        PracticeReview r = review();
        r.recordFinalReport(LocalDate.of(2026, 7, 1));

        assertThatThrownBy(() -> r.publish("NAMED", LocalDate.of(2026, 7, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A review cannot be published before it is signed off");
        assertThat(r.status()).isEqualTo("FINAL_REPORT");
        assertThat(r.publishedOn()).isNull();
    }

    @Test
    void aDelayNeedsAReasonAndPublishingLaterIsAllowed() {
        PracticeReview r = review();
        r.recordFinalReport(LocalDate.of(2026, 7, 1));
        r.signOff(LocalDate.of(2026, 7, 2), "Executive group");

        assertThatThrownBy(() -> r.delayPublication("  "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Give the reason publication is delayed");
        assertThat(r.status()).isEqualTo("SIGNED_OFF");

        r.delayPublication("Parallel criminal proceedings");
        assertThat(r.status()).isEqualTo("PUBLICATION_DELAYED");
        assertThat(r.publication()).isEqualTo("DELAYED");

        r.publish("NAMED", LocalDate.of(2027, 3, 1));
        assertThat(r.status()).isEqualTo("PUBLISHED");
        assertThat(r.publicationDelayReason()).isEqualTo("Parallel criminal proceedings");
        assertThat(r.publicationClock().status(LocalDate.of(2027, 3, 2))).isEqualTo(ClockStatus.BREACHED);
    }

    @Test
    void aDelayCannotBeRecordedBeforeSignOff() {
        PracticeReview r = review();
        assertThatThrownBy(() -> r.delayPublication("Inquest"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Sign off the review before recording a delay to its publication");
    }

    @Test
    void datesCannotBeBeforeCommissioning() {
        PracticeReview r = review();
        LocalDate before = COMMISSIONED.minusDays(1);

        assertThatThrownBy(() -> r.recordDraftReport(before))
                .hasMessage("The draft report date cannot be before the review was commissioned (2026-03-02)");
        assertThatThrownBy(() -> r.recordFinalReport(before))
                .hasMessage("The final report date cannot be before the review was commissioned (2026-03-02)");
        r.recordFinalReport(COMMISSIONED);
        assertThatThrownBy(() -> r.signOff(before, "Executive"))
                .hasMessage("The sign-off date cannot be before the review was commissioned (2026-03-02)");
    }

    @Test
    void eachStepFollowsTheOneBefore() {
        PracticeReview r = review();
        r.recordDraftReport(LocalDate.of(2026, 6, 10));
        assertThatThrownBy(() -> r.recordFinalReport(LocalDate.of(2026, 6, 9)))
                .hasMessage("The final report date cannot be before the draft report date (2026-06-10)");
        r.recordFinalReport(LocalDate.of(2026, 6, 20));
        assertThatThrownBy(() -> r.recordDraftReport(LocalDate.of(2026, 6, 21)))
                .hasMessage("The final report is already recorded, so the draft cannot be changed");
        assertThatThrownBy(() -> r.signOff(LocalDate.of(2026, 6, 19), "Executive"))
                .hasMessage("The sign-off date cannot be before the final report date (2026-06-20)");
        r.signOff(LocalDate.of(2026, 6, 25), "Executive");
        assertThatThrownBy(() -> r.recordFinalReport(LocalDate.of(2026, 6, 26)))
                .hasMessage("The review is signed off, so the final report can no longer be changed");
        assertThatThrownBy(() -> r.publish("ANONYMISED", LocalDate.of(2026, 6, 24)))
                .hasMessage("The publication date cannot be before the sign-off date (2026-06-25)");
        r.publish("ANONYMISED", LocalDate.of(2026, 6, 30));
        assertThatThrownBy(() -> r.publish("NAMED", LocalDate.of(2026, 7, 1)))
                .hasMessage("The review was published on 2026-06-30 and cannot change");
    }

    @Test
    void theCommissioningDateCannotMovePastARecordedStep() {
        PracticeReview r = review();
        r.recordDraftReport(LocalDate.of(2026, 4, 1));
        assertThatThrownBy(() -> r.changeDetails("Child N", "LCSPR", LocalDate.of(2026, 4, 2), null, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be after 2026-04-01");
        r.changeDetails("Child N and sibling", "LEARNING_REVIEW", LocalDate.of(2026, 3, 1), null, null, null);
        assertThat(r.title()).isEqualTo("Child N and sibling");
        assertThat(r.commissionedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void thePublicationClockRunsSixCalendarMonthsFromCommissioning() {
        PracticeReview r = review();
        assertThat(r.publicationClock().targetDate()).isEqualTo(LocalDate.of(2026, 9, 2));
        assertThat(r.publicationClock().status(LocalDate.of(2026, 8, 1))).isEqualTo(ClockStatus.RUNNING);
        assertThat(r.publicationClock().status(LocalDate.of(2026, 8, 10))).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(r.publicationClock().status(LocalDate.of(2026, 9, 3))).isEqualTo(ClockStatus.OVERDUE);
        assertThat(ReviewView.ClockTag.of("IN_PROGRESS", COMMISSIONED, null, LocalDate.of(2026, 9, 3))
                        .label())
                .isEqualTo("Overdue");
        assertThat(ReviewView.ClockTag.of("PUBLICATION_DELAYED", COMMISSIONED, null, LocalDate.of(2026, 9, 3))
                        .label())
                .isEqualTo("Publication delayed");
    }

    @Test
    void aReviewNeedsATitle() {
        assertThatThrownBy(
                        () -> PracticeReview.commission(1L, null, " ", "LCSPR", COMMISSIONED, null, null, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Enter the review's title");
    }
}
