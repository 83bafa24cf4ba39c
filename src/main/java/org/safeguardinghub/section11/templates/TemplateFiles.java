package org.safeguardinghub.section11.templates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.yaml.YamlFiles;
import org.safeguardinghub.section11.TemplateVariant;
import org.safeguardinghub.section11.templates.TemplateFile.Level;
import org.safeguardinghub.section11.templates.TemplateFile.Link;
import org.safeguardinghub.section11.templates.TemplateFile.QuestionSpec;
import org.safeguardinghub.section11.templates.TemplateFile.SectionSpec;
import org.safeguardinghub.section11.templates.TemplateFile.StandardSpec;
import org.safeguardinghub.section11.templates.TemplateStructure.QuestionKind;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes Section 11 template files. Reading checks the whole file and reports every problem with its
 * path, e.g. {@code sections[1].standards[0].code: missing}, so a template is taken whole or not at all.
 *
 * <p>The YAML itself is read by {@link YamlFiles} (Jackson YAML, duplicate keys refused) into plain maps and lists;
 * the checks here then walk that tree, because a template's rules (codes used once, a scale listed lowest first,
 * a message naming the bad value) say more to the person importing a file than a field-by-field binding would.
 * Writing uses Jackson YAML too, in block style with the comment header, and reads back to an equal template.
 */
public final class TemplateFiles {

    private static final Pattern TEMPLATE_CODE = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,19}");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private static final String FILE = "template file";
    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    static final String HEADER = """
            # Section 11 template file, exported from the Safeguarding Partnership Hub. Format:
            #   code, version, name, description, variant (CORE, DISTRICT_COUNCIL or SCHOOLS_175),
            #   allow_not_applicable, scale (score, label, description; lowest first) and sections (code, title,
            #   standards: code S1 to S8, title, statement, guidance, guidance_links (text, url), questions (code,
            #   kind YES_NO, FREE_TEXT or EVIDENCE, text, hint, required)).
            # Importing a file whose code exists adds the next version, unless it is the same as one already held.
            """;

    private TemplateFiles() {}

    /** A file read: the template when there are no problems, otherwise every problem (and no template). */
    public record Parsed(@Nullable TemplateFile file, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty() && file != null;
        }
    }

    public static Parsed parse(String text) {
        Object root;
        try {
            root = YamlFiles.read(FILE, text, Object.class);
        } catch (YamlFiles.InvalidFile e) {
            List<String> problems = e.problems();
            if (problems.equals(List.of("file: empty"))) {
                root = null;
            } else {
                String message = problems.isEmpty() ? "" : problems.get(0).replaceFirst("^file: ", "");
                return new Parsed(null, List.of("file: not valid YAML (" + message + ")"));
            }
        }
        if (!(root instanceof Map<?, ?> map)) {
            return new Parsed(null, List.of("file: expected a map with code, version, name, variant, scale, sections"));
        }
        List<String> problems = new ArrayList<>();
        Reader r = new Reader(problems);
        String code = r.text(map, "", "code", true);
        if (code != null && !TEMPLATE_CODE.matcher(code).matches()) {
            problems.add("code: use lower case letters, digits and hyphens, starting with a letter (not " + code + ")");
        }
        Integer version = r.integer(map, "", "version");
        if (version != null && version < 1) {
            problems.add("version: must be 1 or more");
        }
        String name = r.text(map, "", "name", true);
        String description = r.text(map, "", "description", false);
        TemplateVariant variant = null;
        String variantText = r.text(map, "", "variant", true);
        if (variantText != null) {
            try {
                variant = TemplateVariant.valueOf(variantText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("variant: must be CORE, DISTRICT_COUNCIL or SCHOOLS_175 (not " + variantText + ")");
            }
        }
        boolean allowNotApplicable = r.bool(map, "", "allow_not_applicable", true);

        List<Level> scale = scale(r, map, problems);
        List<SectionSpec> sections = sections(r, map, problems);
        if (!problems.isEmpty() || code == null || version == null || name == null || variant == null) {
            return new Parsed(null, List.copyOf(problems));
        }
        return new Parsed(
                new TemplateFile(
                        code,
                        version,
                        name,
                        variant,
                        orEmpty(description),
                        allowNotApplicable,
                        List.copyOf(scale),
                        List.copyOf(sections)),
                List.of());
    }

    private static List<Level> scale(Reader r, Map<?, ?> map, List<String> problems) {
        List<Level> scale = new ArrayList<>();
        List<Map<?, ?>> levels = r.list(map, "", "scale", true);
        Set<Integer> scores = new HashSet<>();
        Integer previous = null;
        for (int i = 0; i < levels.size(); i++) {
            String p = "scale[" + i + "].";
            Map<?, ?> m = levels.get(i);
            Integer score = r.integer(m, p, "score");
            if (score != null && (score < 0 || score > 9)) {
                problems.add(p + "score: must be from 0 to 9");
            } else if (score != null && !scores.add(score)) {
                problems.add(p + "score: " + score + " is used twice");
            } else if (score != null && previous != null && score < previous) {
                problems.add(p + "score: list the scale lowest first");
            }
            previous = score == null ? previous : score;
            String label = r.text(m, p, "label", true);
            String levelDescription = r.text(m, p, "description", false);
            if (score != null && label != null) {
                scale.add(new Level(score, label, orEmpty(levelDescription)));
            }
        }
        if (levels.size() == 1) {
            problems.add("scale: needs at least two levels");
        }
        return scale;
    }

    private static List<SectionSpec> sections(Reader r, Map<?, ?> map, List<String> problems) {
        List<SectionSpec> sections = new ArrayList<>();
        Set<String> sectionCodes = new HashSet<>();
        Set<String> standardCodes = new HashSet<>();
        List<Map<?, ?>> sectionMaps = r.list(map, "", "sections", true);
        for (int s = 0; s < sectionMaps.size(); s++) {
            String sp = "sections[" + s + "].";
            Map<?, ?> sm = sectionMaps.get(s);
            String sectionCode = r.code(sm, sp, sectionCodes);
            String title = r.text(sm, sp, "title", true);
            List<StandardSpec> standards = new ArrayList<>();
            List<Map<?, ?>> standardMaps = r.list(sm, sp, "standards", true);
            for (int t = 0; t < standardMaps.size(); t++) {
                StandardSpec standard =
                        standard(r, standardMaps.get(t), sp + "standards[" + t + "].", standardCodes, problems);
                if (standard != null) {
                    standards.add(standard);
                }
            }
            if (sectionCode != null && title != null) {
                sections.add(new SectionSpec(sectionCode, title, List.copyOf(standards)));
            }
        }
        return sections;
    }

    /** One standard of a section; null when its code, title or statement could not be read. */
    private static @Nullable StandardSpec standard(
            Reader r, Map<?, ?> tm, String tp, Set<String> standardCodes, List<String> problems) {
        String standardCode = r.code(tm, tp, standardCodes);
        String standardTitle = r.text(tm, tp, "title", true);
        String statement = r.text(tm, tp, "statement", true);
        String guidance = r.text(tm, tp, "guidance", false);
        List<Link> links = links(r, tm, tp, problems);
        List<QuestionSpec> questions = questions(r, tm, tp, problems);
        if (standardCode != null && standardTitle != null && statement != null) {
            return new StandardSpec(
                    standardCode,
                    standardTitle,
                    statement,
                    orEmpty(guidance),
                    List.copyOf(links),
                    List.copyOf(questions));
        }
        return null;
    }

    private static List<Link> links(Reader r, Map<?, ?> tm, String tp, List<String> problems) {
        List<Link> links = new ArrayList<>();
        List<Map<?, ?>> linkMaps = r.list(tm, tp, "guidance_links", false);
        for (int l = 0; l < linkMaps.size(); l++) {
            String lp = tp + "guidance_links[" + l + "].";
            String linkText = r.text(linkMaps.get(l), lp, "text", true);
            String url = r.text(linkMaps.get(l), lp, "url", true);
            if (url != null && !URL.matcher(url).matches()) {
                problems.add(lp + "url: must be a web address starting https:// (not " + url + ")");
            } else if (linkText != null && url != null) {
                links.add(new Link(linkText, url));
            }
        }
        return links;
    }

    private static List<QuestionSpec> questions(Reader r, Map<?, ?> tm, String tp, List<String> problems) {
        List<QuestionSpec> questions = new ArrayList<>();
        Set<String> questionCodes = new HashSet<>();
        List<Map<?, ?>> questionMaps = r.list(tm, tp, "questions", false);
        for (int q = 0; q < questionMaps.size(); q++) {
            String qp = tp + "questions[" + q + "].";
            Map<?, ?> qm = questionMaps.get(q);
            String questionCode = r.code(qm, qp, questionCodes);
            QuestionKind kind = null;
            String kindText = r.text(qm, qp, "kind", true);
            if (kindText != null) {
                try {
                    kind = QuestionKind.valueOf(kindText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(qp + "kind: must be YES_NO, FREE_TEXT or EVIDENCE (not " + kindText + ")");
                }
            }
            String questionText = r.text(qm, qp, "text", true);
            String hint = r.text(qm, qp, "hint", false);
            boolean required = r.bool(qm, qp, "required", false);
            if (questionCode != null && kind != null && questionText != null) {
                questions.add(new QuestionSpec(questionCode, kind, questionText, orEmpty(hint), required));
            }
        }
        return questions;
    }

    /** Writes a template in the file format, which {@link #parse} reads back to an equal template. */
    public static String write(TemplateFile file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("code", file.code());
        root.put("version", file.version());
        root.put("name", file.name());
        root.put("variant", file.variant().name());
        root.put("description", file.description());
        root.put("allow_not_applicable", file.allowNotApplicable());
        List<Object> scale = new ArrayList<>();
        for (Level l : file.scale()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("score", l.score());
            m.put("label", l.label());
            m.put("description", l.description());
            scale.add(m);
        }
        root.put("scale", scale);
        List<Object> sections = new ArrayList<>();
        for (SectionSpec s : file.sections()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("code", s.code());
            sm.put("title", s.title());
            List<Object> standards = new ArrayList<>();
            for (StandardSpec t : s.standards()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("code", t.code());
                tm.put("title", t.title());
                tm.put("statement", t.statement());
                tm.put("guidance", t.guidance());
                List<Object> links = new ArrayList<>();
                for (Link l : t.links()) {
                    Map<String, Object> lm = new LinkedHashMap<>();
                    lm.put("text", l.text());
                    lm.put("url", l.url());
                    links.add(lm);
                }
                tm.put("guidance_links", links);
                List<Object> questions = new ArrayList<>();
                for (QuestionSpec q : t.questions()) {
                    Map<String, Object> qm = new LinkedHashMap<>();
                    qm.put("code", q.code());
                    qm.put("kind", q.kind().name());
                    qm.put("text", q.text());
                    if (!q.hint().isEmpty()) {
                        qm.put("hint", q.hint());
                    }
                    qm.put("required", q.required());
                    questions.add(qm);
                }
                tm.put("questions", questions);
                standards.add(tm);
            }
            sm.put("standards", standards);
            sections.add(sm);
        }
        root.put("sections", sections);
        return HEADER + WRITER.writeValueAsString(root);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** Reads fields of a map, adding a problem with its path for anything missing or of the wrong type. */
    private record Reader(List<String> problems) {

        @Nullable
        String text(Map<?, ?> m, String path, String key, boolean required) {
            Object v = m.get(key);
            if (v == null || (v instanceof String s && s.isBlank())) {
                if (required) {
                    problems.add(path + key + ": missing");
                }
                return null;
            }
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                problems.add(path + key + ": must be text");
                return null;
            }
            return String.valueOf(v).strip();
        }

        @Nullable
        Integer integer(Map<?, ?> m, String path, String key) {
            Object v = m.get(key);
            if (v == null) {
                problems.add(path + key + ": missing");
                return null;
            }
            if (v instanceof Integer i) {
                return i;
            }
            problems.add(path + key + ": must be a whole number (not " + v + ")");
            return null;
        }

        boolean bool(Map<?, ?> m, String path, String key, boolean otherwise) {
            Object v = m.get(key);
            if (v == null) {
                return otherwise;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            problems.add(path + key + ": must be true or false (not " + v + ")");
            return otherwise;
        }

        @Nullable
        String code(Map<?, ?> m, String path, Set<String> seen) {
            String code = text(m, path, "code", true);
            if (code == null) {
                return null;
            }
            if (!ITEM_CODE.matcher(code).matches()) {
                problems.add(path + "code: use letters, digits, dots and hyphens, up to 20 (not " + code + ")");
                return null;
            }
            if (!seen.add(code)) {
                problems.add(path + "code: " + code + " is used twice");
                return null;
            }
            return code;
        }

        List<Map<?, ?>> list(Map<?, ?> m, String path, String key, boolean required) {
            Object v = m.get(key);
            if (v == null) {
                if (required) {
                    problems.add(path + key + ": missing");
                }
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                problems.add(path + key + ": must be a list");
                return List.of();
            }
            if (list.isEmpty() && required) {
                problems.add(path + key + ": must not be empty");
            }
            List<Map<?, ?>> maps = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> item) {
                    maps.add(item);
                } else {
                    problems.add(path + key + "[" + i + "]: must be a map of fields");
                    maps.add(Map.of());
                }
            }
            return maps;
        }
    }
}
