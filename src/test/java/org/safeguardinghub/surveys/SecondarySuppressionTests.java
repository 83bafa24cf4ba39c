package org.safeguardinghub.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.surveys.SurveyResults.QuestionResult;
import org.safeguardinghub.surveys.SurveyResults.TagResult;

/** One hidden agency beside a shown total could be recovered by subtraction, so a second agency is hidden too. */
class SecondarySuppressionTests {

    static QuestionResult row(long link, long answered, long positive, boolean suppressed) {
        return new QuestionResult(link, 1, answered, 0, suppressed ? 0 : positive, Map.of(), suppressed);
    }

    @Test
    void aSingleHiddenAgencyHidesTheSmallestShownAgencyToo() {
        List<QuestionResult> rows =
                Surveys.secondarySuppression(List.of(row(1, 3, 1, true), row(2, 40, 30, false), row(3, 9, 4, false)));

        assertThat(rows).extracting(QuestionResult::suppressed).containsExactly(true, false, true);
        assertThat(rows.get(2).positive()).isZero();
        assertThat(rows.get(2).percentPositive()).isEmpty();
    }

    @Test
    void twoHiddenAgenciesOrNoneAreLeftAsTheyAre() {
        List<QuestionResult> two = List.of(row(1, 3, 1, true), row(2, 2, 1, true), row(3, 9, 4, false));
        List<QuestionResult> none = List.of(row(1, 30, 10, false), row(2, 9, 4, false));

        assertThat(Surveys.secondarySuppression(two)).isEqualTo(two);
        assertThat(Surveys.secondarySuppression(none)).isEqualTo(none);
    }

    @Test
    void agenciesWithNoAnswersAreNotChosenAsTheSecondCell() {
        List<QuestionResult> rows =
                Surveys.secondarySuppression(List.of(row(1, 0, 0, false), row(2, 4, 2, true), row(3, 20, 12, false)));

        assertThat(rows).extracting(QuestionResult::suppressed).containsExactly(false, true, true);
    }

    @Test
    void tagFiguresFollowTheSameRule() {
        List<TagResult> rows = Surveys.secondaryTagSuppression(List.of(
                new TagResult(1L, "S7", 4, 4, 0, true),
                new TagResult(2L, "S7", 12, 12, 5, false),
                new TagResult(3L, "S7", 30, 30, 20, false)));

        assertThat(rows).extracting(TagResult::suppressed).containsExactly(true, true, false);
    }
}
