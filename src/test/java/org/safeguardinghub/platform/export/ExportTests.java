package org.safeguardinghub.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Exports: CSV, Excel and PDF from one table, with formulas neutralised in the spreadsheet formats. */
class ExportTests {

    static final List<String> DANGEROUS = List.of(
            "=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rReturn");

    static Table table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList("Kent Police", "Smith, Jones & \"Co\"", "Line one\nline two"));
        for (String d : DANGEROUS) {
            rows.add(Arrays.asList(d, "safe", null));
        }
        return Table.of("Agencies in Kent", List.of("Name", "Notes", "Address"), rows);
    }

    @Test
    void neutralisesCellsThatASpreadsheetWouldReadAsFormulas() {
        assertThat(SpreadsheetSafety.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetSafety.neutralise("+44 1622")).isEqualTo("'+44 1622");
        assertThat(SpreadsheetSafety.neutralise("-5")).isEqualTo("'-5");
        assertThat(SpreadsheetSafety.neutralise("@cmd")).isEqualTo("'@cmd");
        assertThat(SpreadsheetSafety.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetSafety.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetSafety.neutralise("Kent = good")).isEqualTo("Kent = good");
        assertThat(SpreadsheetSafety.neutralise("")).isEmpty();
    }

    @Test
    void csvIsUtf8WithBomRfc4180AndNeutralised() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(table(), out);
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Name,Notes,Address\r\n");
        assertThat(text).contains("\"Smith, Jones & \"\"Co\"\"\"");

        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(1 + 1 + DANGEROUS.size());
        assertThat(records.get(1).values())
                .containsExactly("Kent Police", "Smith, Jones & \"Co\"", "Line one\nline two");
        for (int i = 0; i < DANGEROUS.size(); i++) {
            CSVRecord r = records.get(2 + i);
            assertThat(r.get(0)).isEqualTo("'" + DANGEROUS.get(i));
            assertThat(r.get(2)).isEmpty(); // null cell
        }
    }

    @Test
    void xlsxHasAHeaderRowAndNeutralisedTextCells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(table(), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Agencies in Kent");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Name");
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Smith, Jones & \"Co\"");
            for (int i = 0; i < DANGEROUS.size(); i++) {
                var cell = sheet.getRow(2 + i).getCell(0);
                assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo("'" + DANGEROUS.get(i));
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + DANGEROUS.size());
        }
    }

    @Test
    void xlsxStreamsManyRows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(List.of("Agency " + i, String.valueOf(i)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(
                Table.of("A very long title that is longer than Excel allows for a sheet", List.of("Name", "N"), rows),
                out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(5_000);
            assertThat(wb.getSheetAt(0).getSheetName()).hasSizeLessThanOrEqualTo(31);
            assertThat(wb.getSheetAt(0).getRow(5_000).getCell(0).getStringCellValue())
                    .isEqualTo("Agency 4999");
        }
    }

    @Test
    void pdfIsA4LandscapeWithTitleDateAndCells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfExport.write(table(), out, ZonedDateTime.of(2026, 5, 3, 14, 5, 0, 0, ZoneId.of("Europe/London")));
        byte[] pdf = out.toByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle page = doc.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isGreaterThan(page.getHeight());
            assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(2f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Agencies in Kent").contains("Generated 3 May 2026 at 14:05");
            assertThat(text).contains("Kent Police").contains("Smith, Jones & \"Co\"");
            // PDF cells are not neutralised: nothing evaluates them
            assertThat(text).contains("@SUM(A1:A2)").doesNotContain("'@SUM");
        }
    }

    @Test
    void pdfEscapesMarkupInCells() throws IOException {
        Table t = Table.of("<b>Title</b>", List.of("A"), List.of(List.of("<script>alert(1)</script> & </td>")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfExport.write(t, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("<b>Title</b>").contains("<script>alert(1)</script> & </td>");
        }
    }

    @Test
    void downloadNamesAreSafe() {
        LocalDate day = LocalDate.of(2026, 5, 3);
        assertThat(ExportResponse.fileName("Imports", day, ExportFormat.CSV)).isEqualTo("imports-2026-05-03.csv");
        assertThat(ExportResponse.fileName("../../etc/passwd\r\nX: y\"", day, ExportFormat.PDF))
                .isEqualTo("etc-passwd-x-y-2026-05-03.pdf");
        assertThat(ExportResponse.fileName("Église d'été", day, ExportFormat.XLSX))
                .isEqualTo("eglise-d-ete-2026-05-03.xlsx");
        assertThat(ExportResponse.fileName("***", day, ExportFormat.CSV)).isEqualTo("export-2026-05-03.csv");
    }
}
