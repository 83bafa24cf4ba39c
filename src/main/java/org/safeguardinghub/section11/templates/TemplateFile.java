package org.safeguardinghub.section11.templates;

import java.util.List;
import org.safeguardinghub.section11.TemplateVariant;
import org.safeguardinghub.section11.templates.TemplateStructure.QuestionKind;

/**
 * A Section 11 template as written in a file (see the comment at the top of {@code section11/templates/*.yml}):
 * everything a version holds, without database ids, so two versions can be compared for sameness.
 */
public record TemplateFile(
        String code,
        int version,
        String name,
        TemplateVariant variant,
        String description,
        boolean allowNotApplicable,
        List<Level> scale,
        List<SectionSpec> sections) {

    public record Level(int score, String label, String description) {}

    public record SectionSpec(String code, String title, List<StandardSpec> standards) {}

    public record StandardSpec(
            String code,
            String title,
            String statement,
            String guidance,
            List<Link> links,
            List<QuestionSpec> questions) {}

    public record Link(String text, String url) {}

    public record QuestionSpec(String code, QuestionKind kind, String text, String hint, boolean required) {}

    public TemplateFile withVersion(int newVersion) {
        return new TemplateFile(code, newVersion, name, variant, description, allowNotApplicable, scale, sections);
    }

    /** Same content, whatever the version number: importing it again would add nothing. */
    public boolean sameContentAs(TemplateFile other) {
        return withVersion(0).equals(other.withVersion(0));
    }

    public int standardCount() {
        return sections.stream().mapToInt(s -> s.standards().size()).sum();
    }

    /** The file form of a version read from the database. */
    public static TemplateFile of(TemplateStructure t) {
        return new TemplateFile(
                t.code(),
                t.version(),
                t.name(),
                t.variant(),
                t.description(),
                t.allowNotApplicable(),
                t.scale().stream()
                        .map(l -> new Level(l.score(), l.label(), l.description()))
                        .toList(),
                t.sections().stream()
                        .map(s -> new SectionSpec(
                                s.code(),
                                s.title(),
                                s.standards().stream()
                                        .map(st -> new StandardSpec(
                                                st.code(),
                                                st.title(),
                                                st.statement(),
                                                st.guidance(),
                                                st.links().stream()
                                                        .map(l -> new Link(l.text(), l.url()))
                                                        .toList(),
                                                st.questions().stream()
                                                        .map(q -> new QuestionSpec(
                                                                q.code(), q.kind(), q.text(), q.hint(), q.required()))
                                                        .toList()))
                                        .toList()))
                        .toList());
    }
}
