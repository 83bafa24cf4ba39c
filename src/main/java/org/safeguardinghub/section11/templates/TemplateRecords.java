package org.safeguardinghub.section11.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeguardinghub.section11.TemplateVariant;
import org.safeguardinghub.section11.templates.TemplateStructure.GuidanceLink;
import org.safeguardinghub.section11.templates.TemplateStructure.Question;
import org.safeguardinghub.section11.templates.TemplateStructure.QuestionKind;
import org.safeguardinghub.section11.templates.TemplateStructure.ScaleLevel;
import org.safeguardinghub.section11.templates.TemplateStructure.Section;
import org.safeguardinghub.section11.templates.TemplateStructure.Standard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL that reads template versions: the version's head row, its scoring scale, sections, standards, questions and
 * guidance links, put together as a {@link TemplateStructure}. {@link TemplateReader} keeps what it reads.
 */
@Repository
class TemplateRecords {

    private final JdbcClient jdbc;

    TemplateRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the newest version of a template code, if any. */
    Optional<Long> latestId(String code) {
        return jdbc.sql("select id from s11_template where code = :c order by version desc limit 1")
                .param("c", code)
                .query(Long.class)
                .optional();
    }

    private record Head(
            long id,
            String code,
            int version,
            String name,
            String variant,
            String description,
            boolean allowNotApplicable) {}

    /** The template version with this id, read in full: its scale, sections, standards, questions and links. */
    Optional<TemplateStructure> read(long templateId) {
        Optional<Head> head = jdbc.sql("""
                        select id, code, version, name, variant, description, allow_not_applicable
                        from s11_template where id = :id""")
                .param("id", templateId)
                .query((rs, n) -> new Head(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getInt("version"),
                        rs.getString("name"),
                        rs.getString("variant"),
                        rs.getString("description"),
                        rs.getBoolean("allow_not_applicable")))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<ScaleLevel> scale = scale(templateId);
        Map<Long, List<Question>> questions = questionsByStandard(templateId);
        Map<Long, List<Standard>> standards = standardsBySection(templateId, linksByStandard(templateId), questions);
        List<Section> sections = sections(templateId, standards);
        Head h = head.get();
        return Optional.of(new TemplateStructure(
                h.id(),
                h.code(),
                h.version(),
                h.name(),
                TemplateVariant.valueOf(h.variant()),
                h.description(),
                scale,
                h.allowNotApplicable(),
                sections));
    }

    private List<ScaleLevel> scale(long templateId) {
        return jdbc.sql("""
                        select (e ->> 'score')::int as score, e ->> 'label' as label,
                               coalesce(e ->> 'description', '') as description
                        from s11_template t, jsonb_array_elements(t.scale) e
                        where t.id = :id order by 1""")
                .param("id", templateId)
                .query((rs, n) ->
                        new ScaleLevel(rs.getInt("score"), rs.getString("label"), rs.getString("description")))
                .list();
    }

    private Map<Long, List<Question>> questionsByStandard(long templateId) {
        Map<Long, List<Question>> questions = new LinkedHashMap<>();
        jdbc.sql("""
                        select q.id, q.standard_id, q.position, q.code, q.text, q.hint, q.kind, q.required
                        from s11_question q join s11_standard s on s.id = q.standard_id
                        where s.template_id = :id order by q.standard_id, q.position, q.id""")
                .param("id", templateId)
                .query((rs, n) -> questions
                        .computeIfAbsent(rs.getLong("standard_id"), k -> new ArrayList<>())
                        .add(new Question(
                                rs.getLong("id"),
                                rs.getInt("position"),
                                rs.getString("code"),
                                rs.getString("text"),
                                rs.getString("hint"),
                                QuestionKind.valueOf(rs.getString("kind")),
                                rs.getBoolean("required"))))
                .list();
        return questions;
    }

    private Map<Long, List<GuidanceLink>> linksByStandard(long templateId) {
        Map<Long, List<GuidanceLink>> links = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.id, e ->> 'text' as text, e ->> 'url' as url
                        from s11_standard s, jsonb_array_elements(s.guidance_links) with ordinality as l(e, n)
                        where s.template_id = :id order by s.id, l.n""")
                .param("id", templateId)
                .query((rs, n) -> links.computeIfAbsent(rs.getLong("id"), k -> new ArrayList<>())
                        .add(new GuidanceLink(rs.getString("text"), rs.getString("url"))))
                .list();
        return links;
    }

    private Map<Long, List<Standard>> standardsBySection(
            long templateId, Map<Long, List<GuidanceLink>> links, Map<Long, List<Question>> questions) {
        Map<Long, List<Standard>> standards = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, section_id, position, code, title, statement, guidance
                        from s11_standard where template_id = :id order by section_id, position, id""")
                .param("id", templateId)
                .query((rs, n) -> standards
                        .computeIfAbsent(rs.getLong("section_id"), k -> new ArrayList<>())
                        .add(new Standard(
                                rs.getLong("id"),
                                rs.getLong("section_id"),
                                rs.getInt("position"),
                                rs.getString("code"),
                                rs.getString("title"),
                                rs.getString("statement"),
                                rs.getString("guidance"),
                                List.copyOf(links.getOrDefault(rs.getLong("id"), List.of())),
                                List.copyOf(questions.getOrDefault(rs.getLong("id"), List.of())))))
                .list();
        return standards;
    }

    private List<Section> sections(long templateId, Map<Long, List<Standard>> standards) {
        return jdbc.sql("""
                        select id, position, code, title from s11_section
                        where template_id = :id order by position, id""")
                .param("id", templateId)
                .query((rs, n) -> new Section(
                        rs.getLong("id"),
                        rs.getInt("position"),
                        rs.getString("code"),
                        rs.getString("title"),
                        List.copyOf(standards.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }
}
