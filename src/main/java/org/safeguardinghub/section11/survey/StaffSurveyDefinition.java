package org.safeguardinghub.section11.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.yaml.YamlFiles;
import org.safeguardinghub.surveys.NewSurvey;
import org.safeguardinghub.surveys.QuestionKind;

/** The staff survey's wording and questions, from {@code section11/staff-survey.yml} (format documented there). */
public record StaffSurveyDefinition(String title, String introduction, List<NewSurvey.Question> questions) {

    static final String RESOURCE = "section11/staff-survey.yml";

    /** The file as written. */
    record File(
            @NotBlank String title,
            @Nullable String introduction,
            @NotEmpty List<@Valid @NotNull QuestionEntry> questions) {}

    /** One question in the file; {@code required} defaults to true. */
    record QuestionEntry(
            @NotBlank String code,
            @NotBlank String text,
            @Nullable String hint,
            @NotNull QuestionKind kind,
            @Nullable String tag,
            @Nullable Boolean required) {

        NewSurvey.Question question() {
            return new NewSurvey.Question(
                    code.strip(),
                    text.strip(),
                    hint == null ? "" : hint.strip(),
                    kind,
                    tag == null ? null : tag.strip(),
                    required == null || required);
        }
    }

    public static StaffSurveyDefinition load() {
        File file = YamlFiles.readResource(RESOURCE, File.class);
        return new StaffSurveyDefinition(
                file.title().strip(),
                file.introduction() == null ? "" : file.introduction().strip(),
                file.questions().stream().map(QuestionEntry::question).toList());
    }
}
