package org.safeguardinghub.section11.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeguardinghub.section11.Section11Fixtures;
import org.safeguardinghub.section11.templates.TemplateLibrary.ImportResult;
import org.safeguardinghub.section11.templates.TemplateLibrary.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing and exporting template versions against the database: versioning, sameness, all or nothing. */
@SpringBootTest
class TemplateLibraryTests {

    @Autowired
    TemplateLibrary library;

    @Autowired
    TemplateReader reader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRepositorysFilesAreLoadedAtStart() {
        assertThat(jdbc.sql("select code || ':' || version from s11_template where source like 'File %'")
                        .query(String.class)
                        .list())
                .contains("km-s11:1", "km-s11:2", "km-s11-district:1", "km-s175:1");
        TemplateStructure latest = reader.latest("km-s11").orElseThrow();
        assertThat(latest.version()).isGreaterThanOrEqualTo(2);
        assertThat(latest.standards()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void importingAChangedFileOfAnExistingCodeAddsTheNextVersion() {
        String code = code();
        ImportResult first = library.importFile("first.yml", file(code, 3, "Is there a named lead?"));
        assertThat(first.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(first.version()).isEqualTo(3); // a new code keeps the file's own version

        ImportResult second = library.importFile("second.yml", file(code, 1, "Is there a named senior lead?"));
        assertThat(second.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(second.version()).isEqualTo(4);
        TemplateStructure stored = reader.get(second.templateId());
        assertThat(stored.standards().get(0).questions().get(0).text()).isEqualTo("Is there a named senior lead?");
        assertThat(stored.standards().get(0).links().get(0).url()).isEqualTo("https://www.gov.uk/x");
        assertThat(stored.label(3)).isEqualTo("Fully met \"3\"");
        assertThat(auditCount(second.templateId())).isEqualTo(1);
    }

    @Test
    void importingAFileTheLibraryAlreadyHoldsChangesNothing() {
        String code = code();
        ImportResult first = library.importFile("a.yml", file(code, 1, "Question?"));
        int before = versions(code);
        ImportResult again = library.importFile("b.yml", file(code, 7, "Question?"));
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_HELD);
        assertThat(again.templateId()).isEqualTo(first.templateId());
        assertThat(versions(code)).isEqualTo(before);
    }

    @Test
    void anExportedVersionImportsBackAsTheSameTemplate() {
        long id = reader.latest("km-s175").orElseThrow().id();
        String exported = library.export(id).orElseThrow();
        TemplateFile parsed = TemplateFiles.parse(exported).file();
        assertThat(parsed).isEqualTo(TemplateFile.of(reader.get(id)));
        ImportResult again = library.importFile("export.yml", exported);
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_HELD);

        // the same content under a new code is a new template with identical structure
        String code = code();
        ImportResult copy = library.importFile("copy.yml", exported.replace("code: km-s175", "code: " + code));
        assertThat(copy.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(TemplateFile.of(reader.get(copy.templateId())).sections()).isEqualTo(parsed.sections());
    }

    @Test
    void aBadImportWritesNothing() {
        String code = code();
        String bad = file(code, 1, "Fine question").replace("kind: YES_NO", "kind: MAYBE");
        ImportResult result = library.importFile("bad.yml", bad);
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.problems()).isNotEmpty();
        assertThat(versions(code)).isZero();
    }

    private static String code() {
        return Section11Fixtures.unique("lib").replace(' ', '-').toLowerCase();
    }

    static String file(String code, int version, String question) {
        return """
                code: %s
                version: %d
                name: Library test %s
                variant: CORE
                scale:
                  - {score: 0, label: Not met}
                  - {score: 3, label: 'Fully met "3"', description: All in place}
                sections:
                  - code: A
                    title: Leadership
                    standards:
                      - code: S1
                        title: Senior commitment
                        statement: Senior managers are committed.
                        guidance: Look for a named lead.
                        guidance_links:
                          - {text: Guidance, url: "https://www.gov.uk/x"}
                        questions:
                          - {code: S1.1, kind: YES_NO, text: "%s", required: true}
                """.formatted(code, version, code, question);
    }

    private int versions(String code) {
        return jdbc.sql("select count(*) from s11_template where code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
    }

    private int auditCount(long templateId) {
        return jdbc.sql("select count(*) from audit_event where record_type = 's11-template' and record_id = :id")
                .param("id", String.valueOf(templateId))
                .query(Integer.class)
                .single();
    }
}
