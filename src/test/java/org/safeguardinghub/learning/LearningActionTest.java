package org.safeguardinghub.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.learning.tracker.ActionStatus;
import org.safeguardinghub.learning.tracker.LearningAction;

/** The rules of an action's lifecycle, without Spring. */
class LearningActionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void aNewActionIsNotStartedAndMovesThroughToSignOff() {
        LearningAction action = LearningAction.agreed(TODAY.plusMonths(2));
        assertThat(action.status()).isEqualTo(ActionStatus.NOT_STARTED);

        assertThat(action.recordProgress(ActionStatus.UNDERWAY, TODAY)).isTrue();
        assertThat(action.recordProgress(ActionStatus.COMPLETED, TODAY.plusDays(3)))
                .isTrue();
        assertThat(action.completedOn()).isEqualTo(TODAY.plusDays(3));

        action.signOff(TODAY.plusDays(5), "Panel Member", "Agreed at LIG", TODAY.plusDays(5));
        assertThat(action.status()).isEqualTo(ActionStatus.SIGNED_OFF);
        assertThat(action.signedOffOn()).isEqualTo(TODAY.plusDays(5));
        assertThat(action.signedOffByName()).isEqualTo("Panel Member");
        assertThat(action.signOffNote()).isEqualTo("Agreed at LIG");
    }

    @Test
    void anActionCannotBeSignedOffBeforeItIsCompleted() {
        for (ActionStatus status :
                new ActionStatus[] {ActionStatus.NOT_STARTED, ActionStatus.UNDERWAY, ActionStatus.AWAITING_NATIONAL}) {
            LearningAction action = new LearningAction(status, TODAY, null, null, null, null, null);
            assertThatThrownBy(() -> action.signOff(TODAY, "Panel", null, TODAY))
                    .as(status.name())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be signed off until");
            assertThat(action.status()).isEqualTo(status);
            assertThat(action.signedOffOn()).isNull();
        }
    }

    @Test
    void signOffIsFinal() {
        LearningAction action = completed();
        action.signOff(TODAY, "Panel", null, TODAY);

        assertThatThrownBy(() -> action.recordProgress(ActionStatus.UNDERWAY, TODAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signed off");
        assertThatThrownBy(() -> action.signOff(TODAY, "Panel", null, TODAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already been signed off");
        assertThatThrownBy(() -> action.reschedule(TODAY.plusYears(1))).isInstanceOf(IllegalStateException.class);
        assertThat(action.status()).isEqualTo(ActionStatus.SIGNED_OFF);
    }

    @Test
    void anUpdateCannotSignAnActionOff() {
        LearningAction action = completed();
        assertThatThrownBy(() -> action.recordProgress(ActionStatus.SIGNED_OFF, TODAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Learning and Improvement Group");
        assertThat(action.status()).isEqualTo(ActionStatus.COMPLETED);
    }

    @Test
    void aCompletedActionCanBeReopenedBeforeSignOffAndLosesItsCompletionDate() {
        LearningAction action = completed();
        assertThat(action.recordProgress(ActionStatus.UNDERWAY, TODAY)).isTrue();
        assertThat(action.status()).isEqualTo(ActionStatus.UNDERWAY);
        assertThat(action.completedOn()).isNull();
        assertThatThrownBy(() -> action.signOff(TODAY, "Panel", null, TODAY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signOffDateMustBeBetweenCompletionAndToday() {
        LearningAction action = completed(); // completed on TODAY - 2
        assertThatThrownBy(() -> action.signOff(TODAY.plusDays(1), "Panel", null, TODAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("today or in the past");
        assertThatThrownBy(() -> action.signOff(TODAY.minusDays(3), "Panel", null, TODAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("on or after the date the action was completed, 8 March 2026");
        action.signOff(TODAY.minusDays(2), "Panel", null, TODAY);
        assertThat(action.status()).isEqualTo(ActionStatus.SIGNED_OFF);
    }

    @Test
    void anUpdateWithoutAStatusLeavesItAlone() {
        LearningAction action = LearningAction.agreed(TODAY);
        assertThat(action.recordProgress(null, TODAY)).isFalse();
        assertThat(action.recordProgress(ActionStatus.NOT_STARTED, TODAY)).isFalse();
        assertThat(action.status()).isEqualTo(ActionStatus.NOT_STARTED);
    }

    @Test
    void awaitingANationalDecisionCanLeadBackToWork() {
        LearningAction action = LearningAction.agreed(TODAY);
        action.recordProgress(ActionStatus.AWAITING_NATIONAL, TODAY);
        action.recordProgress(ActionStatus.UNDERWAY, TODAY);
        action.recordProgress(ActionStatus.COMPLETED, TODAY);
        assertThat(action.status()).isEqualTo(ActionStatus.COMPLETED);
    }

    @Test
    void overdueMeansPastItsDueDateWithWorkStillToDo() {
        LearningAction due = LearningAction.agreed(TODAY.minusDays(1));
        assertThat(due.overdue(TODAY)).isTrue();
        assertThat(LearningAction.agreed(TODAY).overdue(TODAY)).as("due today").isFalse();
        assertThat(LearningAction.agreed(null).overdue(TODAY)).as("no due date").isFalse();
        due.recordProgress(ActionStatus.AWAITING_NATIONAL, TODAY);
        assertThat(due.overdue(TODAY))
                .as("awaiting a national decision is still open")
                .isTrue();
        due.recordProgress(ActionStatus.COMPLETED, TODAY);
        assertThat(due.overdue(TODAY)).as("completed, awaiting sign-off").isFalse();
    }

    @Test
    void impactIsRecordedOnceTheActionIsCompleted() {
        LearningAction action = LearningAction.agreed(TODAY);
        assertThatThrownBy(() -> action.recordImpact("Audit showed improvement"))
                .isInstanceOf(IllegalStateException.class);
        LearningAction done = completed();
        done.signOff(TODAY, "Panel", null, TODAY);
        done.recordImpact("Audit showed improvement");
        assertThat(done.impactNote()).isEqualTo("Audit showed improvement");
    }

    private static LearningAction completed() {
        LearningAction action = LearningAction.agreed(TODAY.plusMonths(1));
        action.recordProgress(ActionStatus.COMPLETED, TODAY.minusDays(2));
        return action;
    }
}
