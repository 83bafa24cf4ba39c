package org.safeguardinghub.casereviews.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The status transitions of a referral and its rapid review, guarded by the aggregates themselves. */
class CaseRulesTest {

    static final LocalDate AWARE = LocalDate.of(2026, 11, 2);

    static Referral received() {
        return new Referral(
                1,
                1,
                "SIN-TEST",
                "RECEIVED",
                AWARE,
                AWARE,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
    }

    @Nested
    class Triage {

        @Test
        void notifyingStartsTheRapidReview() {
            Referral r = received()
                    .decideNationalNotification(
                            "NOTIFY", AWARE.plusDays(2), AWARE.plusDays(3), "Child seriously harmed", "Bea Business");
            assertThat(r.status()).isEqualTo("RAPID_REVIEW");
            assertThat(r.notifiedOn()).isEqualTo(AWARE.plusDays(3));
            assertThat(r.nationalDecisionBy()).isEqualTo("Bea Business");
        }

        @Test
        void notifyingNeedsTheDateThePanelWasNotified() {
            assertThatThrownBy(() -> received().decideNationalNotification("NOTIFY", AWARE, null, "why", "B"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Enter the date the national panel was notified");
        }

        @Test
        void notNotifyingSendsItToThePracticeReviewGroupWhoMayCloseIt() {
            Referral local = received().decideNationalNotification("DO_NOT_NOTIFY", AWARE, null, "criteria", "B");
            assertThat(local.status()).isEqualTo("LOCAL_CONSIDERATION");
            assertThat(local.notifiedOn()).isNull();
            Referral closed = local.decideLocalReview("NO_REVIEW", AWARE.plusDays(10), "learning captured", "B");
            assertThat(closed.status()).isEqualTo("CLOSED");
            assertThat(closed.closedOn()).isEqualTo(AWARE.plusDays(10));
            Referral reopened = closed.decideLocalReview("LOCAL_REVIEW", AWARE.plusDays(11), "new facts", "B");
            assertThat(reopened.status()).isEqualTo("LOCAL_CONSIDERATION");
            assertThat(reopened.closedOn()).isNull();
        }

        @Test
        void aNotificationCannotBeWithdrawn() {
            Referral notified = received().decideNationalNotification("NOTIFY", AWARE, AWARE, "why", "B");
            assertThatThrownBy(() -> notified.decideNationalNotification("DO_NOT_NOTIFY", AWARE, null, "x", "B"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be withdrawn");
        }

        @Test
        void aNotifiedReferralDoesNotTakeTheLocalRoute() {
            Referral notified = received().decideNationalNotification("NOTIFY", AWARE, AWARE, "why", "B");
            assertThatThrownBy(() -> notified.decideLocalReview("NO_REVIEW", AWARE, "x", "B"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not notified");
        }

        @Test
        void theDecisionCannotPredateAwareness() {
            assertThatThrownBy(() ->
                            received().decideNationalNotification("DO_NOT_NOTIFY", AWARE.minusDays(1), null, "x", "B"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class RapidReviewRules {

        final RapidReview fresh = new RapidReview(1, 1, null, null, null, null, null, null, 0);
        final LocalDate meeting = LocalDate.of(2026, 11, 10);

        @Test
        void noOutcomeBeforeTheMeetingIsHeld() {
            assertThatThrownBy(() -> fresh.recordOutcome("LCSPR", null, "why", meeting))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Record the date of the rapid review meeting before its outcome");
            RapidReview met = fresh.holdMeetingOn(meeting);
            assertThatThrownBy(() -> met.recordOutcome("LCSPR", null, "why", meeting.minusDays(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The outcome cannot be recorded before the rapid review meeting on 10 November 2026");
        }

        @Test
        void notSentBeforeItHasAnOutcome() {
            RapidReview met = fresh.holdMeetingOn(meeting);
            assertThatThrownBy(() -> met.sendToPanel(meeting))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Record the outcome");
        }

        @Test
        void anotherReviewTypeMustBeNamed() {
            RapidReview met = fresh.holdMeetingOn(meeting);
            assertThatThrownBy(() -> met.recordOutcome("OTHER_REVIEW", null, "why", meeting))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Select the type of review");
            RapidReview other = met.recordOutcome("OTHER_REVIEW", "THEMATIC_REVIEW", "pattern", meeting);
            assertThat(other.otherReviewType()).isEqualTo("THEMATIC_REVIEW");
        }

        @Test
        void onceSentItIsFinal() {
            RapidReview sent = fresh.holdMeetingOn(meeting)
                    .recordOutcome("NO_FURTHER_REVIEW", null, "single-agency learning", meeting.plusDays(1))
                    .sendToPanel(meeting.plusDays(2));
            assertThat(sent.sentToPanelOn()).isEqualTo(meeting.plusDays(2));
            assertThatThrownBy(() -> sent.recordOutcome("LCSPR", null, "changed mind", meeting.plusDays(3)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("can no longer be changed");
            assertThatThrownBy(() -> sent.holdMeetingOn(meeting)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void cannotBeSentBeforeTheOutcomeDate() {
            RapidReview decided = fresh.holdMeetingOn(meeting).recordOutcome("LCSPR", null, "why", meeting.plusDays(2));
            assertThatThrownBy(() -> decided.sendToPanel(meeting.plusDays(1)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
