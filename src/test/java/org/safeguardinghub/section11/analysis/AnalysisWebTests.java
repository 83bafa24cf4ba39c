package org.safeguardinghub.section11.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The analysis page, its downloads and publication, through the web with the real security chain. */
@SpringBootTest
@AutoConfigureMockMvc
class AnalysisWebTests {

    static final List<String> DOWNLOADS = List.of(
            "/analysis",
            "/analysis/data.csv",
            "/analysis/data.xlsx",
            "/analysis/report.pdf",
            "/analysis/report.docx",
            "/analysis/themes.pdf",
            "/analysis/themes.docx");

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    private MockHttpServletResponse fetch(String email, String path) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(principals, email)))
                .andReturn()
                .getResponse();
    }

    @Test
    void onlyTheBusinessTeamSeesTheAnalysisUntilItIsPublishedThenThePartnershipReadsIt() throws Exception {
        AnalysisFixtures f = new AnalysisFixtures(jdbc, principals);
        f.build(f.fx.kent());
        String base = "/section11/cycles/" + f.cycle;

        for (String path : DOWNLOADS) {
            for (String email : List.of(DemoAccounts.POLICE_LEAD, DemoAccounts.PANEL, DemoAccounts.SCRUTINEER)) {
                assertThat(fetch(email, base + path).getStatus())
                        .as(email + " " + path)
                        .isEqualTo(404);
            }
            assertThat(fetch(DemoAccounts.BUSINESS, base + path).getStatus())
                    .as(path)
                    .isEqualTo(200);
        }
        assertThat(fetch(DemoAccounts.POLICE_LEAD, base + "/publish").getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post(base + "/publish").with(csrf()).with(SignedIn.as(principals, DemoAccounts.PANEL)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        String page = fetch(DemoAccounts.BUSINESS, base + "/analysis").getContentAsString();
        assertThat(page)
                .contains("2 of 3 (67%)")
                .contains(f.moderatedName)
                .contains("3 Fully met")
                .contains("2 Largely met")
                .contains("Not published");
        assertThat(fetch(DemoAccounts.BUSINESS, base + "/publish").getContentAsString())
                .contains("Publish the analysis");

        var published = mvc.perform(
                        post(base + "/publish").with(csrf()).with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse();
        assertThat(published.getStatus()).isEqualTo(302);
        assertThat(published.getRedirectedUrl()).isEqualTo(base + "/analysis");
        assertThat(jdbc.sql("select published_by_name from s11_cycle where id = :c")
                        .param("c", f.cycle)
                        .query(String.class)
                        .single())
                .isEqualTo("Priya Shah");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where record_type = 's11-cycle' and record_id = :c
                        and action = 'UPDATE'""")
                        .param("c", String.valueOf(f.cycle))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the agency lead reads every agency's scores, not only their own (row-level scope set aside)
        String leadPage = fetch(DemoAccounts.POLICE_LEAD, base + "/analysis").getContentAsString();
        assertThat(leadPage).contains(f.moderatedName).contains(f.submittedName).contains("3 Fully met");
        // the themes document quotes the panel's notes and meetings: it stays with the business team
        assertThat(leadPage).doesNotContain("themes.pdf");
        for (String doc : List.of("/analysis/themes.pdf", "/analysis/themes.docx")) {
            assertThat(fetch(DemoAccounts.POLICE_LEAD, base + doc).getStatus())
                    .as(doc)
                    .isEqualTo(404);
            assertThat(fetch(DemoAccounts.SCRUTINEER, base + doc).getStatus())
                    .as(doc)
                    .isEqualTo(404);
        }
        assertThat(fetch(DemoAccounts.SCRUTINEER, base + "/analysis").getStatus())
                .isEqualTo(200);
        assertThat(fetch(DemoAccounts.SCRUTINEER, base + "/analysis/report.pdf").getStatus())
                .isEqualTo(200);
        assertThat(fetch(DemoAccounts.PANEL, base + "/analysis").getStatus()).isEqualTo(200);
    }

    @Test
    void downloadsHoldTheScoresAndOpen() throws Exception {
        AnalysisFixtures f = new AnalysisFixtures(jdbc, principals);
        f.build(f.fx.kent());
        String base = "/section11/cycles/" + f.cycle + "/analysis";

        MockHttpServletResponse csv = fetch(DemoAccounts.BUSINESS, base + "/data.csv");
        assertThat(csv.getContentType()).startsWith("text/csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("Agency,Sector,Standard code,Standard,Self score,Moderated score,Previous cycle score,"
                        + "Previous cycle score basis");
        assertThat(text)
                .contains(f.moderatedName + ",Voluntary and community,S1,Senior management commitment,3,2,1,moderated");
        assertThat(text).contains(f.submittedName + ",Voluntary and community,S7,Effective inter-agency working,2,,,");
        assertThat(text.lines().filter(l -> l.startsWith("S11 Test Agency"))).hasSize(12); // 3 agencies x 4 standards

        MockHttpServletResponse xlsx = fetch(DemoAccounts.BUSINESS, base + "/data.xlsx");
        assertThat(xlsx.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(12);
        }

        for (String doc : List.of("report", "themes")) {
            MockHttpServletResponse pdf = fetch(DemoAccounts.BUSINESS, base + "/" + doc + ".pdf");
            assertThat(pdf.getContentType()).isEqualTo("application/pdf");
            assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            assertThat(pdf.getHeader("Content-Disposition")).contains(".pdf");

            MockHttpServletResponse docx = fetch(DemoAccounts.BUSINESS, base + "/" + doc + ".docx");
            assertThat(docx.getContentType())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            try (var word = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()));
                    var extractor = new XWPFWordExtractor(word)) {
                String content = extractor.getText();
                assertThat(content).contains(f.cycleName);
                if (doc.equals("report")) {
                    assertThat(content)
                            .contains(f.moderatedName)
                            .contains("Impact from the previous cycle")
                            .contains("Gap by standard");
                } else {
                    assertThat(content).contains(f.themeText).contains("Emerging theme");
                }
            }
        }
    }

    @Test
    void aCycleOfAnotherPartnershipIsNotFound() throws Exception {
        AnalysisFixtures f = new AnalysisFixtures(jdbc, principals);
        f.build(f.fx.medway());
        String base = "/section11/cycles/" + f.cycle;
        assertThat(fetch(DemoAccounts.BUSINESS, base + "/analysis").getStatus()).isEqualTo(404);
        assertThat(fetch(DemoAccounts.BUSINESS, base + "/analysis/data.csv").getStatus())
                .isEqualTo(404);
        assertThat(fetch(DemoAccounts.BUSINESS, base + "/publish").getStatus()).isEqualTo(404);
        assertThat(fetch(DemoAccounts.BUSINESS, "/section11/cycles/999999999/analysis")
                        .getStatus())
                .isEqualTo(404);
    }
}
