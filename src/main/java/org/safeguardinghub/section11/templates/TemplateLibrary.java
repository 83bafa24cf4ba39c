package org.safeguardinghub.section11.templates;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.section11.TemplateVariant;
import org.safeguardinghub.section11.templates.TemplateFile.Level;
import org.safeguardinghub.section11.templates.TemplateFile.Link;
import org.safeguardinghub.section11.templates.TemplateFile.QuestionSpec;
import org.safeguardinghub.section11.templates.TemplateFile.SectionSpec;
import org.safeguardinghub.section11.templates.TemplateFile.StandardSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library of Section 11 template versions: the files in the repository, imports from other partnerships or
 * tools, and exports. A version is never changed once written; importing a changed file of an existing code adds
 * the next version, and importing one the library already holds adds nothing.
 */
@Service
public class TemplateLibrary {

    private final JdbcClient jdbc;
    private final TemplateReader reader;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    TemplateLibrary(JdbcClient jdbc, TemplateReader reader, AuditTrail audit, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** One row of the library page. */
    public record Summary(
            long id,
            String code,
            int version,
            String name,
            TemplateVariant variant,
            String source,
            OffsetDateTime createdAt,
            String createdByName,
            int standards,
            int questions,
            List<CycleUse> usedBy) {}

    public record CycleUse(long cycleId, String name, int returns) {}

    public enum Outcome {
        /** A new template, or a new version of an existing one. */
        ADDED,
        /** The library already holds a version with exactly this content. */
        ALREADY_HELD,
        /** The file has problems; nothing was written. */
        REJECTED
    }

    public record ImportResult(Outcome outcome, @Nullable Long templateId, int version, List<String> problems) {}

    /** Every version, newest first within each code. */
    public List<Summary> summaries() {
        Map<Long, List<CycleUse>> uses = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.template_id, c.id, c.name, count(*) as returns
                        from s11_return r join s11_cycle c on c.id = r.cycle_id
                        where exists (select 1 from s11_cycle_partnership cp
                                      where cp.cycle_id = c.id and cp.partnership_id = :p)
                        group by r.template_id, c.id, c.name order by c.name""")
                // only the cycles of the person's own partnership: other partnerships' cycles are theirs
                .param("p", Actors.current().map(Actor::partnershipId).orElse(-1L))
                .query((rs, n) -> uses.computeIfAbsent(rs.getLong("template_id"), k -> new ArrayList<>())
                        .add(new CycleUse(rs.getLong("id"), rs.getString("name"), rs.getInt("returns"))))
                .list();
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

    /**
     * The template a newly expected agency of this variant answers by default: the newest version of the variant's
     * standard template (a code the repository's files define, including later imported versions of it), or failing
     * that the newest template of the variant. One-off templates never become the default by being recent.
     */
    public Optional<Long> defaultFor(TemplateVariant variant) {
        return jdbc.sql("""
                        select t.id from s11_template t
                        where t.variant = :v and t.retired_at is null
                        order by exists (select 1 from s11_template f
                                         where f.code = t.code and f.source like 'File %') desc,
                                 t.version desc, t.created_at desc, t.id desc
                        limit 1""").param("v", variant.name()).query(Long.class).optional();
    }

    /** The version as a file, for download. */
    public Optional<String> export(long templateId) {
        return reader.find(templateId).map(t -> TemplateFiles.write(TemplateFile.of(t)));
    }

    /**
     * Imports a file uploaded by the signed-in person: all or nothing. A new code keeps the file's version; an
     * existing code gets the next version unless one already held has the same content.
     */
    public ImportResult importFile(String fileName, String text) {
        TemplateFiles.Parsed parsed = TemplateFiles.parse(text);
        if (!parsed.ok()) {
            return new ImportResult(Outcome.REJECTED, null, 0, parsed.problems());
        }
        TemplateFile file = parsed.file();
        String by = Actors.current().map(a -> a.displayName()).orElse("System");
        ImportResult result = transactions.execute(status -> {
            lock(file.code());
            List<Long> held = jdbc.sql("select id from s11_template where code = :c order by version")
                    .param("c", file.code())
                    .query(Long.class)
                    .list();
            for (long id : held) {
                TemplateStructure existing = reader.get(id);
                if (TemplateFile.of(existing).sameContentAs(file)) {
                    return new ImportResult(Outcome.ALREADY_HELD, id, existing.version(), List.of());
                }
            }
            int version = held.isEmpty()
                    ? file.version()
                    : jdbc.sql("select max(version) + 1 from s11_template where code = :c")
                            .param("c", file.code())
                            .query(Integer.class)
                            .single();
            TemplateFile stored = file.withVersion(version);
            long id = insert(stored, "Imported from " + fileName, by);
            audit.created("s11-template", id, auditValues(stored, fileName));
            return new ImportResult(Outcome.ADDED, id, version, List.of());
        });
        return result;
    }

    /** For the files in the repository: adds the file's (code, version) if absent; returns whether it did. */
    boolean loadIfAbsent(TemplateFile file, String source) {
        Boolean added = transactions.execute(status -> {
            lock(file.code());
            boolean exists = jdbc.sql("select exists (select 1 from s11_template where code = :c and version = :v)")
                    .param("c", file.code())
                    .param("v", file.version())
                    .query(Boolean.class)
                    .single();
            if (exists) {
                return false;
            }
            insert(file, source, "System");
            return true;
        });
        return Boolean.TRUE.equals(added);
    }

    /** Serialises imports and loads of one code, so two at once cannot both take the same version. */
    private void lock(String code) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('s11-template:' || :c))")
                .param("c", code)
                .query(Object.class)
                .list();
    }

    private long insert(TemplateFile file, String source, String by) {
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

    private static Map<String, Object> auditValues(TemplateFile file, String fileName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", file.code());
        m.put("version", file.version());
        m.put("name", file.name());
        m.put("variant", file.variant().name());
        m.put("standards", file.standardCount());
        m.put("file", fileName);
        return m;
    }
}
