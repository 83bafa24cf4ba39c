package org.safeguardinghub.section11.templates;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeguardinghub.section11.TemplateVariant;
import org.safeguardinghub.section11.templates.TemplateFile.Level;
import org.safeguardinghub.section11.templates.TemplateFile.Link;
import org.safeguardinghub.section11.templates.TemplateFile.QuestionSpec;
import org.safeguardinghub.section11.templates.TemplateFile.SectionSpec;
import org.safeguardinghub.section11.templates.TemplateFile.StandardSpec;
import org.safeguardinghub.section11.templates.TemplateLibrary.CycleUse;
import org.safeguardinghub.section11.templates.TemplateLibrary.Summary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the template library: the library page's rows and the cycles using each version, the default template
 * of a variant, the versions held of a code, and writing a new version with its sections, standards and
 * questions. {@link TemplateLibrary} decides what to write; this class only writes it.
 */
@Repository
class TemplateLibraryRecords {

    private final JdbcClient jdbc;

    TemplateLibraryRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cycles of this partnership using each template version, by template id. */
    Map<Long, List<CycleUse>> cycleUses(long partnershipId) {
        Map<Long, List<CycleUse>> uses = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.template_id, c.id, c.name, count(*) as returns
                        from s11_return r join s11_cycle c on c.id = r.cycle_id
                        where exists (select 1 from s11_cycle_partnership cp
                                      where cp.cycle_id = c.id and cp.partnership_id = :p)
                        group by r.template_id, c.id, c.name order by c.name""")
                .param("p", partnershipId)
                .query((rs, n) -> uses.computeIfAbsent(rs.getLong("template_id"), k -> new ArrayList<>())
                        .add(new CycleUse(rs.getLong("id"), rs.getString("name"), rs.getInt("returns"))))
                .list();
        return uses;
    }

    /** Every version, newest first within each code, with the given cycles using each. */
    List<Summary> summaries(Map<Long, List<CycleUse>> uses) {
        return jdbc.sql("""
                        select t.id, t.code, t.version, t.name, t.variant, t.source, t.created_at, t.created_by_name,
                               (select count(*) from s11_standard s where s.template_id = t.id) as standards,
                               (select count(*) from s11_question q join s11_standard s on s.id = q.standard_id
                                where s.template_id = t.id) as questions
                        from s11_template t order by t.variant, t.code, t.version desc""")
                .query((rs, n) -> new Summary(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getInt("version"),
                        rs.getString("name"),
                        TemplateVariant.valueOf(rs.getString("variant")),
                        rs.getString("source"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("created_by_name"),
                        rs.getInt("standards"),
                        rs.getInt("questions"),
                        List.copyOf(uses.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    /** See {@link TemplateLibrary#defaultFor}. */
    Optional<Long> defaultFor(TemplateVariant variant) {
        return jdbc.sql("""
                        select t.id from s11_template t
                        where t.variant = :v and t.retired_at is null
                        order by exists (select 1 from s11_template f
                                         where f.code = t.code and f.source like 'File %') desc,
                                 t.version desc, t.created_at desc, t.id desc
                        limit 1""").param("v", variant.name()).query(Long.class).optional();
    }

    /** The ids of the versions held of a code, oldest first. */
    List<Long> versionsOf(String code) {
        return jdbc.sql("select id from s11_template where code = :c order by version")
                .param("c", code)
                .query(Long.class)
                .list();
    }

    /** The version after the newest held of a code. */
    int nextVersion(String code) {
        return jdbc.sql("select max(version) + 1 from s11_template where code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
    }

    /** Whether the library holds this version of a code. */
    boolean holds(String code, int version) {
        return jdbc.sql("select exists (select 1 from s11_template where code = :c and version = :v)")
                .param("c", code)
                .param("v", version)
                .query(Boolean.class)
                .single();
    }

    /** Serialises imports and loads of one code, so two at once cannot both take the same version. */
    void lock(String code) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('s11-template:' || :c))")
                .param("c", code)
                .query(Object.class)
                .list();
    }

    /** Writes the version with its sections, standards and questions; returns its id. */
    long insert(TemplateFile file, String source, String by) {
        long templateId = jdbc.sql("""
                        insert into s11_template (code, version, name, variant, description, scale,
                                                  allow_not_applicable, source, created_by_name)
                        values (:code, :version, :name, :variant, :description, cast(:scale as jsonb), :na, :source,
                                :by)
                        returning id""")
                .param("code", file.code())
                .param("version", file.version())
                .param("name", file.name())
                .param("variant", file.variant().name())
                .param("description", file.description())
                .param("scale", scaleJson(file.scale()))
                .param("na", file.allowNotApplicable())
                .param("source", source)
                .param("by", by)
                .query(Long.class)
                .single();
        int sectionPosition = 0;
        for (SectionSpec section : file.sections()) {
            long sectionId = jdbc.sql("""
                            insert into s11_section (template_id, position, code, title)
                            values (:t, :p, :c, :title) returning id""")
                    .param("t", templateId)
                    .param("p", ++sectionPosition)
                    .param("c", section.code())
                    .param("title", section.title())
                    .query(Long.class)
                    .single();
            int standardPosition = 0;
            for (StandardSpec standard : section.standards()) {
                long standardId = jdbc.sql("""
                                insert into s11_standard (template_id, section_id, position, code, title, statement,
                                                          guidance, guidance_links)
                                values (:t, :s, :p, :c, :title, :statement, :guidance, cast(:links as jsonb))
                                returning id""")
                        .param("t", templateId)
                        .param("s", sectionId)
                        .param("p", ++standardPosition)
                        .param("c", standard.code())
                        .param("title", standard.title())
                        .param("statement", standard.statement())
                        .param("guidance", standard.guidance())
                        .param("links", linksJson(standard.links()))
                        .query(Long.class)
                        .single();
                int questionPosition = 0;
                for (QuestionSpec q : standard.questions()) {
                    jdbc.sql("""
                                    insert into s11_question (standard_id, position, code, text, hint, kind, required)
                                    values (:s, :p, :c, :text, :hint, :kind, :required)""")
                            .param("s", standardId)
                            .param("p", ++questionPosition)
                            .param("c", q.code())
                            .param("text", q.text())
                            .param("hint", q.hint())
                            .param("kind", q.kind().name())
                            .param("required", q.required())
                            .update();
                }
            }
        }
        return templateId;
    }

    static String scaleJson(List<Level> scale) {
        StringBuilder sb = new StringBuilder("[");
        for (Level l : scale) {
            sb.append(sb.length() > 1 ? "," : "")
                    .append("{\"score\":")
                    .append(l.score())
                    .append(",\"label\":")
                    .append(quote(l.label()))
                    .append(",\"description\":")
                    .append(quote(l.description()))
                    .append('}');
        }
        return sb.append(']').toString();
    }

    static String linksJson(List<Link> links) {
        StringBuilder sb = new StringBuilder("[");
        for (Link l : links) {
            sb.append(sb.length() > 1 ? "," : "")
                    .append("{\"text\":")
                    .append(quote(l.text()))
                    .append(",\"url\":")
                    .append(quote(l.url()))
                    .append('}');
        }
        return sb.append(']').toString();
    }

    /** A JSON string; NUL, which jsonb cannot hold, is dropped. */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\0' -> {}
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
