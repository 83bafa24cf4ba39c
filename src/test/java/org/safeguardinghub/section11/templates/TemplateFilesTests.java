package org.safeguardinghub.section11.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.section11.TemplateVariant;
import org.safeguardinghub.section11.templates.TemplateFile.StandardSpec;
import org.safeguardinghub.section11.templates.TemplateStructure.QuestionKind;
import org.springframework.core.io.ClassPathResource;

/** Reading and writing template files: the repository's files, every problem listed, and a lossless round trip. */
class TemplateFilesTests {

    private static final List<String> EIGHT = List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8");

    @Test
    void theRepositorysFilesAreValidAndCoverTheEightStandards() throws IOException {
        for (String name :
                List.of("km-s11-2024.yml", "km-s11-2026.yml", "km-s11-district-2024.yml", "km-s175-2024.yml")) {
            TemplateFiles.Parsed parsed = TemplateFiles.parse(resource(name));
            assertThat(parsed.problems()).as(name).isEmpty();
            TemplateFile file = parsed.file();
            assertThat(file.sections().stream()
                            .flatMap(s -> s.standards().stream())
                            .map(StandardSpec::code)
                            .toList())
                    .as(name)
                    .isEqualTo(EIGHT);
            assertThat(file.scale())
                    .extracting(TemplateFile.Level::label)
                    .containsExactly("Not met", "Partly met", "Largely met", "Fully met");
            assertThat(file.allowNotApplicable()).isTrue();
            file.sections().stream().flatMap(s -> s.standards().stream()).forEach(st -> {
                assertThat(st.guidance()).as(name + " " + st.code()).isNotBlank();
                assertThat(st.links()).as(name + " " + st.code()).isNotEmpty();
                assertThat(st.questions()).as(name + " " + st.code()).hasSizeBetween(1, 3);
            });
        }
        TemplateFile v2 = TemplateFiles.parse(resource("km-s11-2026.yml")).file();
        assertThat(v2.code()).isEqualTo("km-s11");
        assertThat(v2.version()).isEqualTo(2);
        StandardSpec s7 = v2.sections().get(2).standards().get(0);
        assertThat(s7.code()).isEqualTo("S7");
        assertThat(s7.questions()).anyMatch(q -> q.text().contains("escalation policy"));
        assertThat(TemplateFiles.parse(resource("km-s11-district-2024.yml"))
                        .file()
                        .variant())
                .isEqualTo(TemplateVariant.DISTRICT_COUNCIL);
        assertThat(TemplateFiles.parse(resource("km-s175-2024.yml")).file().variant())
                .isEqualTo(TemplateVariant.SCHOOLS_175);
    }

    @Test
    void aBadFileListsEveryProblemWithItsPath() {
        String bad = """
                code: Bad Code
                version: two
                variant: HOSPITAL
                scale:
                  - score: 0
                    label: Not met
                  - score: 0
                    label: Also zero
                sections:
                  - code: A
                    title: Leadership
                    standards:
                      - title: No code
                        statement: Something
                      - code: S2
                        title: Links
                        statement: Something
                        guidance_links:
                          - text: Not a link
                            url: gov.uk
                        questions:
                          - code: Q1
                            kind: ESSAY
                            text: Tell us
                  - code: A
                    standards: []
                """;
        TemplateFiles.Parsed parsed = TemplateFiles.parse(bad);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.file()).isNull();
        assertThat(parsed.problems())
                .contains(
                        "code: use lower case letters, digits and hyphens, starting with a letter (not Bad Code)",
                        "version: must be a whole number (not two)",
                        "name: missing",
                        "variant: must be CORE, DISTRICT_COUNCIL or SCHOOLS_175 (not HOSPITAL)",
                        "scale[1].score: 0 is used twice",
                        "sections[0].standards[0].code: missing",
                        "sections[0].standards[1].guidance_links[0].url: must be a web address starting https:// (not gov.uk)",
                        "sections[0].standards[1].questions[0].kind: must be YES_NO, FREE_TEXT or EVIDENCE (not ESSAY)",
                        "sections[1].code: A is used twice",
                        "sections[1].title: missing",
                        "sections[1].standards: must not be empty");
    }

    @Test
    void notYamlIsOneProblem() {
        assertThat(TemplateFiles.parse("code: [unclosed").problems())
                .singleElement()
                .asString()
                .startsWith("file: not valid YAML");
        assertThat(TemplateFiles.parse("just text").problems())
                .containsExactly("file: expected a map with code, version, name, variant, scale, sections");
    }

    @Test
    void writingAndReadingBackGivesTheSameTemplate() throws IOException {
        TemplateFile original = TemplateFiles.parse(resource("km-s11-2026.yml")).file();
        String written = TemplateFiles.write(original);
        assertThat(written).startsWith("# Section 11 template file");
        TemplateFile back = TemplateFiles.parse(written).file();
        assertThat(back).isEqualTo(original);
        assertThat(back.sections().get(0).standards().get(0).questions().get(0).kind())
                .isEqualTo(QuestionKind.YES_NO);
    }

    private static String resource(String name) throws IOException {
        return new ClassPathResource("section11/templates/" + name).getContentAsString(StandardCharsets.UTF_8);
    }
}
