package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.analysis.AnalysisFixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business team opens the analysis of a cycle with answered and moderated returns, downloads the report (PDF
 * and Word) and the data, and publishes it; the scrutineer then reads it. Every page is scanned with axe.
 */
class Section11AnalysisJourneyTests extends BrowserJourney {

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void businessTeamPublishesTheAnalysisAndTheScrutineerReadsIt() throws Exception {
        AnalysisFixtures f = new AnalysisFixtures(jdbc, principals);
        f.build(f.fx.kent());
        String analysis = "/section11/cycles/" + f.cycle + "/analysis";

        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit(analysis);
        assertThat(page.locator("#return-rate-text").textContent()).isEqualTo("2 of 3 (67%)");
        assertThat(page.locator("#self-heat").textContent())
                .contains(f.moderatedName)
                .contains("3 Fully met");
        assertThat(page.locator("#not-published").isVisible()).isTrue();

        Download pdf = page.waitForDownload(() -> page.locator("#report-pdf").click());
        assertThat(Files.readAllBytes(pdf.path())).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        Download docx = page.waitForDownload(() -> page.locator("#report-docx").click());
        try (InputStream in = Files.newInputStream(docx.path());
                var word = new XWPFDocument(in);
                var extractor = new XWPFWordExtractor(word)) {
            assertThat(extractor.getText()).contains(f.moderatedName).contains("Impact from the previous cycle");
        }
        Download csv = page.waitForDownload(() -> page.locator("#data-csv").click());
        assertThat(Files.readString(csv.path(), StandardCharsets.UTF_8))
                .contains(f.moderatedName + ",Voluntary and community,S1,Senior management commitment,3,2,1,moderated");

        page.locator("#publish-link").click();
        page.waitForLoadState();
        assertAccessible();
        page.locator("#publish").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.content()).contains("Analysis published");
        assertThat(page.locator("#published").textContent()).contains("Priya Shah");

        Page businessPage = page;
        BrowserContext scrutineer =
                browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        try {
            page = scrutineer.newPage();
            signIn(DemoAccounts.SCRUTINEER, DemoAccounts.PASSWORD);
            visit(analysis);
            assertThat(page.locator("#moderated-heat").textContent())
                    .contains(f.moderatedName)
                    .contains("2 Largely met");
            assertThat(page.locator("#change-by-standard").textContent()).contains("+1.0");
        } finally {
            page = businessPage;
            scrutineer.close();
        }
    }
}
