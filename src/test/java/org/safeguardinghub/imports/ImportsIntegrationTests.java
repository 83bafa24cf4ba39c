package org.safeguardinghub.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The agencies import end to end on PostgreSQL: upload, report, commit, and every way it must refuse. Names carry a
 * random suffix because these tests also run against a shared database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    RequestPostProcessor admin() {
        return SignedIn.as(principals, DemoAccounts.ADMIN);
    }

    String name(String base) {
        return base + " " + run;
    }

    static MockMultipartFile csv(String fileName, String content) {
        return new MockMultipartFile("file", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    MvcResult upload(MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/imports/new")
                        .file(file)
                        .param("kind", "agencies")
                        .with(csrf())
                        .with(admin()))
                .andReturn();
    }

    long uploadedBatch(MockMultipartFile file) throws Exception {
        MvcResult result = upload(file);
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/imports/\\d+");
        return Long.parseLong(location.substring("/imports/".length()));
    }

    String page(String path) throws Exception {
        MvcResult result =
                mvc.perform(get(path).with(admin())).andExpect(status().isOk()).andReturn();
        return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    boolean agencyExists(String name) {
        return jdbc.sql("select count(*) from agency where lower(name) = lower(:n)")
                        .param("n", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long agencyAudits(String name) {
        return jdbc.sql("""
                        select count(*) from audit_event
                        where record_type = 'agency' and action = 'CREATE' and changes -> 'name' ->> 'after' = :n""").param("n", name).query(Long.class).single();
    }

    String batchStatus(long id) {
        return jdbc.sql("select status from import_batch where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    long batchesNamed(String fileName) {
        return jdbc.sql("select count(*) from import_batch where file_name = :f")
                .param("f", fileName)
                .query(Long.class)
                .single();
    }

    int version(long id) {
        return jdbc.sql("select version from import_batch where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    @Test
    void aValidFileIsReportedReadyThenCommittedAndAudited() throws Exception {
        String police = name("Test Constabulary");
        String school = name("Test Primary, \"Oak\" site");
        String charity = name("Test Family Charity");
        long batch = uploadedBatch(csv(
                "agencies-" + run + ".csv",
                "\uFEFFName,Short Name,Type,Sector\r\n"
                        + "\"" + police + "\",TC,police,POLICING\r\n"
                        + "\"" + school.replace("\"", "\"\"") + "\",,School,education\r\n"
                        + "\"" + charity + "\",TFC,Voluntary sector,Voluntary and community\r\n"));

        assertThat(batchStatus(batch)).isEqualTo("VALID");
        String report = page("/imports/" + batch);
        assertThat(report)
                .contains("No problems found: 3 rows ready to import")
                .contains(school)
                .contains("Import 3 rows");

        mvc.perform(post("/imports/" + batch + "/commit")
                        .param("version", String.valueOf(version(batch)))
                        .with(csrf())
                        .with(admin()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "3 rows imported"));

        assertThat(batchStatus(batch)).isEqualTo("COMMITTED");
        for (String n : List.of(police, school, charity)) {
            assertThat(agencyExists(n)).as(n).isTrue();
            assertThat(agencyAudits(n)).as(n).isEqualTo(1);
        }
        assertThat(jdbc.sql("""
                        select count(*) from agency a join agency_partnership ap on ap.agency_id = a.id
                        join partnership p on p.id = ap.partnership_id
                        where a.name = :n and a.agency_type = 'POLICE' and a.sector = 'POLICING' and a.short_name = 'TC'""").param("n", police).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where action = 'IMPORT_COMMITTED' and record_type = 'import_batch'
                        and record_id = :id""")
                        .param("id", String.valueOf(batch))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(page("/imports/" + batch)).contains("3 rows were imported on");

        // the same version again: refused, nothing imported twice
        mvc.perform(post("/imports/" + batch + "/commit")
                        .param("version", String.valueOf(version(batch) - 1))
                        .with(csrf())
                        .with(admin()))
                .andExpect(flash().attribute(
                                "commitError", "This file has already been imported. Nothing more was imported."));
        assertThat(agencyAudits(police)).isEqualTo(1);
        assertThat(page("/imports")).contains("agencies-" + run + ".csv");
    }

    @Test
    void aFileWithABadRowListsRowAndColumnAndCannotBeCommitted() throws Exception {
        String good1 = name("Good Agency One");
        String good2 = name("Good Agency Two");
        long batch = uploadedBatch(csv(
                "bad-" + run + ".csv",
                "name,type,sector\n"
                        + good1 + ",Police,Policing\n"
                        + name("Bad Agency") + ",Polise,Policing\n"
                        + good2 + ",School,Education\n"
                        + good1 + ",School,\n"));

        assertThat(batchStatus(batch)).isEqualTo("INVALID");
        String report = page("/imports/" + batch);
        assertThat(report).contains("3 problems found");
        assertThat(report)
                .containsPattern("(?s)>\\s*3\\s*</td>\\s*<td[^>]*>type</td>\\s*<td[^>]*>\"Polise\" is not one of the"
                        + " choices for the agency type");
        assertThat(report)
                .containsPattern(
                        "(?s)>\\s*5\\s*</td>\\s*<td[^>]*>name</td>\\s*<td[^>]*>\"" + good1 + "\" is also on row 2");
        assertThat(report).containsPattern("(?s)>\\s*5\\s*</td>\\s*<td[^>]*>sector</td>\\s*<td[^>]*>Enter the sector");
        assertThat(report).doesNotContain("/commit").contains("Upload a corrected file");

        mvc.perform(post("/imports/" + batch + "/commit")
                        .param("version", String.valueOf(version(batch)))
                        .with(csrf())
                        .with(admin()))
                .andExpect(flash().attribute("commitError", "Only a file with no problems can be imported."));
        assertThat(agencyExists(good1)).isFalse();
        assertThat(agencyExists(good2)).isFalse();
        assertThat(batchStatus(batch)).isEqualTo("INVALID");
    }

    @Test
    void aNameAlreadyInTheHubIsAProblem() throws Exception {
        long batch = uploadedBatch(csv("dup-" + run + ".csv", "name,type,sector\nKent Police,Police,Policing\n"));
        assertThat(page("/imports/" + batch)).contains("There is already an agency called \"Kent Police\" in the Hub");
    }

    @Test
    void aConflictAtCommitTimeRollsBackEveryRow() throws Exception {
        String first = name("Rollback First");
        String second = name("Rollback Second");
        String clash = name("Rollback Clash");
        long batch = uploadedBatch(csv(
                "clash-" + run + ".csv",
                "name,type,sector\n" + first + ",Police,Policing\n" + second + ",School,Education\n" + clash
                        + ",Other,Other\n"));
        assertThat(batchStatus(batch)).isEqualTo("VALID");

        // someone adds an agency with the third row's name after the file was checked
        jdbc.sql("insert into agency (name, agency_type, sector) values (:n, 'OTHER', 'OTHER')")
                .param("n", clash)
                .update();

        int version = version(batch);
        mvc.perform(post("/imports/" + batch + "/commit")
                        .param("version", String.valueOf(version))
                        .with(csrf())
                        .with(admin()))
                .andExpect(status().is3xxRedirection());

        assertThat(agencyExists(first)).isFalse();
        assertThat(agencyExists(second)).isFalse();
        assertThat(agencyAudits(first)).isZero();
        assertThat(batchStatus(batch)).isEqualTo("VALID");
        assertThat(version(batch)).isEqualTo(version);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'IMPORT_COMMITTED'"
                                + " and record_type = 'import_batch' and record_id = :id")
                        .param("id", String.valueOf(batch))
                        .query(Long.class)
                        .single())
                .isZero();
        String page = page("/imports/" + batch);
        assertThat(page)
                .contains("The file was not imported")
                .contains("Row 4, column name: An agency called \"" + clash
                        + "\" was added to the Hub after the file was checked");
    }

    @Test
    void filesThatCannotBeImportedAreRefusedWithAMessageAndNothingStored() throws Exception {
        record Case(MockMultipartFile file, String message) {}
        byte[] tooBig = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooBig, (byte) 'a');
        List<Case> cases = List.of(
                new Case(csv("empty-" + run + ".csv", ""), "The selected file is empty"),
                new Case(csv("header-" + run + ".csv", "name,type,sector\n"), "no rows of data"),
                new Case(
                        new MockMultipartFile("file", "big-" + run + ".csv", "text/csv", tooBig),
                        "The selected file must be smaller than 20MB"),
                new Case(csv("notes-" + run + ".txt", "name\nA\n"), "must be a CSV or an Excel workbook"),
                new Case(
                        csv("fake-" + run + ".xlsx", "name,type,sector\nA,Police,Policing\n"),
                        "is not an Excel workbook"),
                new Case(
                        csv("quote-" + run + ".csv", "name,type,sector\nA,Police,Policing\n\"B,School,Education\n"),
                        "could not be read from line 3"),
                new Case(csv("columns-" + run + ".csv", "name,colour\nA,Red\n"), "missing the required columns"));
        for (Case c : cases) {
            MvcResult result = upload(c.file());
            assertThat(result.getResponse().getStatus())
                    .as(c.file().getOriginalFilename())
                    .isEqualTo(200);
            String html = HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(html)
                    .as(c.file().getOriginalFilename())
                    .contains("There is a problem")
                    .contains(c.message())
                    .contains("govuk-file-upload--error")
                    .contains("href=\"#file\"");
            assertThat(batchesNamed(c.file().getOriginalFilename()))
                    .as(c.file().getOriginalFilename())
                    .isZero();
        }
        MvcResult none = mvc.perform(multipart("/imports/new")
                        .param("kind", "agencies")
                        .with(csrf())
                        .with(admin()))
                .andReturn();
        assertThat(none.getResponse().getContentAsString()).contains("Select a CSV or Excel file to import");
    }

    @Test
    void anExcelWorkbookIsImportedLikeACsv() throws Exception {
        String agency = name("Workbook Agency");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Agencies");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("Name");
            header.createCell(1).setCellValue("Type");
            header.createCell(2).setCellValue("Sector");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(agency);
            row.createCell(1).setCellValue("Fire and rescue");
            row.createCell(2).setCellValue("Emergency services");
            wb.write(out);
        }
        long batch = uploadedBatch(new MockMultipartFile(
                "file",
                "agencies-" + run + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                out.toByteArray()));
        assertThat(page("/imports/" + batch))
                .contains("No problems found: 1 row ready to import")
                .contains(agency);
    }

    @Test
    void aLargeFileIsCheckedInTheBackgroundWithProgress() throws Exception {
        StringBuilder csv = new StringBuilder("name,type,sector\n");
        for (int i = 0; i < 1_500; i++) {
            csv.append(name("Bulk Agency " + i))
                    .append(",Other,")
                    .append(i == 1_200 ? "Nowhere" : "Other")
                    .append('\n');
        }
        long batch = uploadedBatch(csv("bulk-" + run + ".csv", csv.toString()));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (batchStatus(batch).equals("VALIDATING") && Instant.now().isBefore(deadline)) {
            String progress = mvc.perform(get("/imports/" + batch + "/progress")
                            .header("HX-Request", "true")
                            .with(admin()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (batchStatus(batch).equals("VALIDATING")) {
                assertThat(progress).contains("rows").doesNotContain("<html");
            }
            Thread.sleep(200);
        }
        assertThat(batchStatus(batch)).isEqualTo("INVALID");
        mvc.perform(get("/imports/" + batch + "/progress")
                        .header("HX-Request", "true")
                        .with(admin()))
                .andExpect(header().string("HX-Refresh", "true"));
        mvc.perform(get("/imports/" + batch + "/progress").with(admin()))
                .andExpect(status().is3xxRedirection()); // without htmx, the full page
        String report = page("/imports/" + batch);
        assertThat(report)
                .contains("1 problem found")
                .containsPattern("(?s)>\\s*1202\\s*</td>\\s*<td[^>]*>sector</td>");
        assertThat(jdbc.sql("select processed_rows from import_batch where id = :id")
                        .param("id", batch)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1_500);
    }

    @Test
    void theBatchPageShowsProgressWhileChecking() throws Exception {
        Actor actor = (Actor) principals.loadUserByUsername(DemoAccounts.ADMIN);
        long batch = jdbc.sql("""
                        insert into import_batch (kind, partnership_id, agency_id, uploaded_by, uploaded_by_name, file_name,
                                                  status, total_rows, processed_rows)
                        values ('agencies', :partnership, :agency, :user, 'Test', :file, 'VALIDATING', 400, 100)
                        returning id""")
                .param("partnership", actor.partnershipId())
                .param("agency", actor.agencyId())
                .param("user", actor.userId())
                .param("file", "progress-" + run + ".csv")
                .query(Long.class)
                .single();
        String html = page("/imports/" + batch);
        assertThat(html)
                .contains("Checking the file")
                .contains("hx-trigger=\"every 1s\"")
                .contains("hx-get=\"/imports/" + batch + "/progress\"")
                .contains("Checked <b>100</b>")
                .contains("(25%)")
                .contains("href=\"/imports/" + batch + "\">Refresh</a>")
                .doesNotContain("http-equiv");
        String fragment = mvc.perform(get("/imports/" + batch + "/progress")
                        .header("HX-Request", "true")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("HX-Refresh"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment)
                .contains("Checked <b>100</b>")
                .doesNotContain("<html")
                .doesNotContain("hx-trigger");
    }

    @Test
    void aCheckThatStoppedIsShownAsStoppedNotPolledForever() throws Exception {
        Actor actor = (Actor) principals.loadUserByUsername(DemoAccounts.ADMIN);
        long batch = jdbc.sql("""
                        insert into import_batch (kind, partnership_id, agency_id, uploaded_by, uploaded_by_name, file_name,
                                                  status, total_rows, processed_rows, updated_at)
                        values ('agencies', :partnership, :agency, :user, 'Test', :file, 'VALIDATING', 400, 100,
                                now() - interval '20 minutes')
                        returning id""")
                .param("partnership", actor.partnershipId())
                .param("agency", actor.agencyId())
                .param("user", actor.userId())
                .param("file", "stalled-" + run + ".csv")
                .query(Long.class)
                .single();
        assertThat(page("/imports/" + batch))
                .contains("Checking the file stopped")
                .doesNotContain("hx-trigger");
        mvc.perform(get("/imports/" + batch + "/progress")
                        .header("HX-Request", "true")
                        .with(admin()))
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void templateAndExportsDownload() throws Exception {
        MvcResult template = mvc.perform(get("/imports/template/agencies.csv").with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn();
        assertThat(template.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .contains("agencies-import-template-");
        assertThat(template.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFname,short_name,type,sector\r\n");

        uploadedBatch(
                csv("=HYPERLINK(1)-" + run + ".csv", "name,type,sector\n" + name("Export Agency") + ",Other,Other\n"));
        MvcResult csv = mvc.perform(get("/imports/export.csv").with(admin()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .startsWith("\uFEFFUploaded,File,Type,Uploaded by,Rows,Problems,Status,Imported\r\n")
                .contains("'=HYPERLINK(1)-" + run + ".csv");

        MvcResult xlsx = mvc.perform(get("/imports/export.xlsx").with(admin()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(xlsx.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Uploaded");
        }

        MvcResult pdf = mvc.perform(get("/imports/export.pdf").with(admin()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(doc.getNumberOfPages()).isPositive();
        }
        mvc.perform(get("/imports/export.docx").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/imports/template/nothing.csv").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void theUploadPageOffersTheKindsTheUserHolds() throws Exception {
        assertThat(page("/imports/new")).contains("href=\"/imports/new?kind=agencies\"");
        String upload = page("/imports/new?kind=agencies");
        assertThat(upload)
                .contains("accept=\".csv,.xlsx")
                .contains("enctype=\"multipart/form-data\"")
                .contains("href=\"/imports/template/agencies.csv\"")
                .contains("short_name");
        mvc.perform(get("/imports/new?kind=nothing").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/imports/999999999").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void agencyLeadsCannotImport() throws Exception {
        RequestPostProcessor lead = SignedIn.as(principals, DemoAccounts.POLICE_LEAD);
        mvc.perform(get("/imports").with(lead)).andExpect(status().isForbidden());
        mvc.perform(get("/imports/new").with(lead)).andExpect(status().isForbidden());
        mvc.perform(get("/imports/export.csv").with(lead)).andExpect(status().isForbidden());
        mvc.perform(multipart("/imports/new")
                        .file(csv("lead-" + run + ".csv", "name,type,sector\nA,Other,Other\n"))
                        .param("kind", "agencies")
                        .with(csrf())
                        .with(lead))
                .andExpect(status().isForbidden());
        assertThat(batchesNamed("lead-" + run + ".csv")).isZero();
    }
}
