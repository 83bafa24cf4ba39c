package org.safeguardinghub.section11.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeguardinghub.surveys.NewSurvey;
import org.safeguardinghub.surveys.QuestionKind;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The staff survey's wording and questions, from {@code section11/staff-survey.yml} (format documented there). */
record StaffSurveyDefinition(String title, String introduction, List<NewSurvey.Question> questions) {

    static final String RESOURCE = "section11/staff-survey.yml";

    static StaffSurveyDefinition load() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return parse(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    @SuppressWarnings("unchecked")
    static StaffSurveyDefinition parse(Map<String, Object> root) {
        List<NewSurvey.Question> questions = new ArrayList<>();
        List<Map<String, Object>> items = (List<Map<String, Object>>) root.get("questions");
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> q = items.get(i);
            String code = text(q, "code", i);
            Object tag = q.get("tag");
            Object required = q.get("required");
            questions.add(new NewSurvey.Question(
                    code,
                    text(q, "text", i),
                    q.get("hint") == null ? "" : String.valueOf(q.get("hint")).strip(),
                    QuestionKind.valueOf(text(q, "kind", i).toUpperCase(Locale.ROOT)),
                    tag == null ? null : String.valueOf(tag).strip(),
                    required == null || Boolean.parseBoolean(String.valueOf(required))));
        }
        return new StaffSurveyDefinition(
                String.valueOf(root.get("title")).strip(),
                String.valueOf(root.getOrDefault("introduction", "")).strip(),
                List.copyOf(questions));
    }

    private static String text(Map<String, Object> q, String key, int index) {
        Object v = q.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalStateException(RESOURCE + ": questions[" + index + "]." + key + ": missing");
        }
        return String.valueOf(v).strip();
    }
}
