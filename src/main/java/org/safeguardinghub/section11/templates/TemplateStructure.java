package org.safeguardinghub.section11.templates;

import java.util.List;
import java.util.Optional;
import org.safeguardinghub.section11.TemplateVariant;

/**
 * One version of a Section 11 template as the forms, moderation and analysis read it: its scoring scale and its
 * sections of standards with their questions. A version never changes once created (a change is a new version), so
 * this can be cached.
 */
public record TemplateStructure(
        long id,
        String code,
        int version,
        String name,
        TemplateVariant variant,
        String description,
        List<ScaleLevel> scale,
        boolean allowNotApplicable,
        List<Section> sections) {

    /** One point of the scoring scale, lowest first, e.g. 0 "Not met" to 3 "Fully met". */
    public record ScaleLevel(int score, String label, String description) {}

    public record Section(long id, int position, String code, String title, List<Standard> standards) {}

    /** A standard; its {@code code} (S1 to S8) is the same in every template and version, so cycles compare. */
    public record Standard(
            long id,
            long sectionId,
            int position,
            String code,
            String title,
            String statement,
            String guidance,
            List<GuidanceLink> links,
            List<Question> questions) {}

    public record GuidanceLink(String text, String url) {}

    public record Question(
            long id, int position, String code, String text, String hint, QuestionKind kind, boolean required) {}

    public enum QuestionKind {
        YES_NO,
        FREE_TEXT,
        /** Asks for a document; the answer is a note of what was uploaded. */
        EVIDENCE
    }

    /** Every standard in order of sections. */
    public List<Standard> standards() {
        return sections.stream().flatMap(s -> s.standards().stream()).toList();
    }

    public Optional<Standard> standard(long standardId) {
        return standards().stream().filter(s -> s.id() == standardId).findFirst();
    }

    public Optional<Section> section(long sectionId) {
        return sections.stream().filter(s -> s.id() == sectionId).findFirst();
    }

    /** The highest score on the scale: a standard scored this is "fully met". */
    public int maxScore() {
        return scale.stream().mapToInt(ScaleLevel::score).max().orElse(0);
    }

    public int minScore() {
        return scale.stream().mapToInt(ScaleLevel::score).min().orElse(0);
    }

    /** The label of a score, e.g. "Fully met"; "Not applicable" for null when the scale allows it. */
    public String label(Integer score) {
        if (score == null) {
            return allowNotApplicable ? "Not applicable" : "Not scored";
        }
        return scale.stream()
                .filter(l -> l.score() == score)
                .map(ScaleLevel::label)
                .findFirst()
                .orElse(String.valueOf(score));
    }
}
