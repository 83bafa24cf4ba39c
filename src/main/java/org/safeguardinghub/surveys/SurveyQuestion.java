package org.safeguardinghub.surveys;

import org.jspecify.annotations.Nullable;

/** A question as stored; {@link #fieldName()} is its name in the public form. */
public record SurveyQuestion(
        long id,
        int position,
        String code,
        String text,
        String hint,
        QuestionKind kind,
        @Nullable String tag,
        boolean required) {

    /** The form field (and element id) for the answer: the numeric id, so any code is safe in HTML. */
    public String fieldName() {
        return "q" + id;
    }
}
