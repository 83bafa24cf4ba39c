package org.safeguardinghub.surveys;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A survey to create: its partnership, what it belongs to (for example {@code "s11-cycle"} and the cycle's id, or
 * nothing), the dates it may be answered between, and its questions in order.
 */
public record NewSurvey(
        long partnershipId,
        String title,
        String introduction,
        @Nullable String ownerType,
        @Nullable Long ownerId,
        LocalDate opensOn,
        LocalDate closesOn,
        String createdByName,
        List<Question> questions) {

    public NewSurvey {
        if (closesOn.isBefore(opensOn)) {
            throw new IllegalArgumentException("A survey cannot close before it opens");
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("A survey needs at least one question");
        }
        questions = List.copyOf(questions);
    }

    /**
     * One question. {@code tag} says what it is evidence for (a Section 11 standard code such as {@code "S7"}), so
     * results can be shown beside it.
     */
    public record Question(
            String code,
            String text,
            String hint,
            QuestionKind kind,
            @Nullable String tag,
            boolean required) {}
}
