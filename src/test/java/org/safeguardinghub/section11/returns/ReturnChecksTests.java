package org.safeguardinghub.section11.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.section11.TemplateVariant;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.safeguardinghub.section11.templates.TemplateStructure.Question;
import org.safeguardinghub.section11.templates.TemplateStructure.QuestionKind;
import org.safeguardinghub.section11.templates.TemplateStructure.ScaleLevel;
import org.safeguardinghub.section11.templates.TemplateStructure.Section;
import org.safeguardinghub.section11.templates.TemplateStructure.Standard;

/** The checks on a standard's answers and the digest that tells a changed standard from one re-sent unchanged. */
class ReturnChecksTests {

    private static final Question NAMED_LEAD =
            new Question(11, 1, "S1.1", "Is there a named lead?", "", QuestionKind.YES_NO, true);
    private static final Standard S1 =
            new Standard(1, 100, 1, "S1", "Senior management", "Statement", "", List.of(), List.of(NAMED_LEAD));

    private static TemplateStructure template(boolean allowNotApplicable) {
        return new TemplateStructure(
                1,
                "core",
                1,
                "Core",
                TemplateVariant.CORE,
                "",
                List.of(
                        new ScaleLevel(0, "Not met", ""),
                        new ScaleLevel(1, "Partly met", ""),
                        new ScaleLevel(2, "Largely met", ""),
                        new ScaleLevel(3, "Fully met", "")),
                allowNotApplicable,
                List.of(new Section(100, 1, "A", "Leadership", List.of(S1))));
    }

    @Test
    void aDraftOnlyNeedsToBeWellFormed() {
        assertThat(ReturnChecks.draft(template(true), S1, new StandardEntry("", "", Map.of())))
                .isEmpty();
        assertThat(ReturnChecks.draft(template(true), S1, new StandardEntry("4", "", Map.of())))
                .containsEntry("score-1", "Select a score for S1 from the scale");
        assertThat(ReturnChecks.draft(template(false), S1, new StandardEntry("NA", "", Map.of())))
                .containsKey("score-1");
        assertThat(ReturnChecks.draft(template(true), S1, new StandardEntry("1", "x".repeat(10_001), Map.of())))
                .containsEntry("evidence-1", "Evidence for S1 must be 10,000 characters or fewer");
        assertThat(ReturnChecks.draft(template(true), S1, new StandardEntry("", "", Map.of(11L, "MAYBE"))))
                .containsEntry("answer-1-11", "Select yes or no for S1.1");
    }

    @Test
    void aCompletedStandardNeedsAScoreEvidenceAboveTheLowestAndRequiredAnswers() {
        assertThat(ReturnChecks.complete(template(true), S1, new StandardEntry("", "", Map.of())))
                .containsEntry("score-1", "Select a score for S1, or not applicable")
                .containsEntry("answer-1-11", "Select yes or no for S1.1");
        assertThat(ReturnChecks.complete(template(true), S1, new StandardEntry("2", " ", Map.of(11L, "YES"))))
                .containsOnlyKeys("evidence-1");
        // the lowest score and not applicable need no evidence
        assertThat(ReturnChecks.complete(template(true), S1, new StandardEntry("0", "", Map.of(11L, "NO"))))
                .isEmpty();
        assertThat(ReturnChecks.complete(template(true), S1, new StandardEntry("NA", "", Map.of(11L, "NO"))))
                .isEmpty();
    }

    @Test
    void theDigestIgnoresLineEndsAndBlankAnswersButNotRealChanges() {
        StandardEntry saved = new StandardEntry("2", "Line one\nLine two", Map.of(11L, "YES"));
        assertThat(new StandardEntry("2", "Line one\r\nLine two ", Map.of(11L, "YES", 12L, " ")).fingerprint())
                .isEqualTo(saved.fingerprint());
        assertThat(new StandardEntry("3", "Line one\nLine two", Map.of(11L, "YES")).fingerprint())
                .isNotEqualTo(saved.fingerprint());
        assertThat(new StandardEntry("2", "Line one\nLine two", Map.of(11L, "NO")).fingerprint())
                .isNotEqualTo(saved.fingerprint());
    }
}
