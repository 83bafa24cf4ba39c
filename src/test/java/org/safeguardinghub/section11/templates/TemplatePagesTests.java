package org.safeguardinghub.section11.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The template library pages: list, one version, export, and import with every problem listed. */
@SpringBootTest
@AutoConfigureMockMvc
class TemplatePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TemplateReader reader;

    @Test
    void theLibraryShowsEveryVersionAndATemplateInFull() throws Exception {
        long v2 = reader.latest("km-s11").orElseThrow().id();
        String list = page(get("/section11/templates"), DemoAccounts.BUSINESS);
        assertThat(list)
                .contains("Kent and Medway Section 11 audit tool 2024")
                .contains("Kent and Medway Section 11 audit tool 2026")
                .contains("Section 11 for district councils")
                .contains("Section 175/157 for schools and colleges")
                .contains("/section11/templates/import");
        String show = page(get("/section11/templates/" + v2), DemoAccounts.BUSINESS);
        assertThat(show)
                .contains("S7: Effective inter-agency working")
                .contains("https://www.gov.uk/government/publications/working-together-to-safeguard-children--2")
                .contains("Fully met")
                .contains("Not applicable")
                .contains("/section11/templates/" + v2 + "/export.yaml");
        // an agency lead may read the guidance but is not offered the import
        assertThat(page(get("/section11/templates"), DemoAccounts.POLICE_LEAD))
                .doesNotContain("/section11/templates/import");
        assertThat(perform(get("/section11/templates/999999999"), DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void anExportDownloadsTheVersionAsAFile() throws Exception {
        TemplateStructure t = reader.latest("km-s175").orElseThrow();
        MockHttpServletResponse response =
                perform(get("/section11/templates/" + t.id() + "/export.yaml"), DemoAccounts.BUSINESS);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("km-s175-v" + t.version() + ".yml");
        TemplateFiles.Parsed parsed = TemplateFiles.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(parsed.file()).isEqualTo(TemplateFile.of(t));
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemAndAGoodOneIsAdded() throws Exception {
        String code = Section11Fixtures.unique("page").replace(' ', '-');
        String bad = TemplateLibraryTests.file(code, 1, "Question?")
                .replace("kind: YES_NO", "kind: MAYBE")
                .replace("name: Library test", "nom: Library test");
        MockHttpServletResponse refused = perform(upload(bad), DemoAccounts.BUSINESS);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("nothing was imported")
                .contains("name: missing")
                .contains(
                        "sections[0].standards[0].questions[0].kind: must be YES_NO, FREE_TEXT or EVIDENCE (not MAYBE)");
        assertThat(versions(code)).isZero();

        MockHttpServletResponse empty = perform(
                multipart("/section11/templates/import").file(new MockMultipartFile("file", new byte[0])),
                DemoAccounts.BUSINESS);
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Select a template file (YAML) to upload");

        // a file saved as Windows-1252 is refused with a message, never stored with replacement characters
        MockHttpServletResponse windows1252 = perform(
                multipart("/section11/templates/import")
                        .file(new MockMultipartFile(
                                "file",
                                "template.yml",
                                "application/yaml",
                                TemplateLibraryTests.file(code, 1, "Ça va? £5")
                                        .getBytes(java.nio.charset.Charset.forName("windows-1252")))),
                DemoAccounts.BUSINESS);
        assertThat(windows1252.getStatus()).isEqualTo(422);
        assertThat(windows1252.getContentAsString(StandardCharsets.UTF_8))
                .contains("not saved as UTF-8")
                .contains("Save it as YAML in UTF-8");
        assertThat(versions(code)).isZero();

        MockHttpServletResponse added =
                perform(upload(TemplateLibraryTests.file(code, 1, "Question?")), DemoAccounts.BUSINESS);
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(versions(code)).isEqualTo(1);

        // only the business team may import
        assertThat(perform(upload(TemplateLibraryTests.file(code, 1, "Other?")), DemoAccounts.POLICE_LEAD)
                        .getStatus())
                .isEqualTo(403);
        assertThat(perform(get("/section11/templates/import"), DemoAccounts.PANEL)
                        .getStatus())
                .isEqualTo(403);
        assertThat(versions(code)).isEqualTo(1);
    }

    private static AbstractMockHttpServletRequestBuilder<?> upload(String text) {
        return multipart("/section11/templates/import")
                .file(new MockMultipartFile(
                        "file", "template.yml", "application/yaml", text.getBytes(StandardCharsets.UTF_8)));
    }

    private int versions(String code) {
        return jdbc.sql("select count(*) from s11_template where code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
    }

    private String page(AbstractMockHttpServletRequestBuilder<?> request, String who) throws Exception {
        MockHttpServletResponse response = perform(request, who);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, String who)
            throws Exception {
        return mvc.perform(request.with(SignedIn.as(principals, who)).with(csrf()))
                .andReturn()
                .getResponse();
    }
}
