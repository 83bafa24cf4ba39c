package org.safeguardinghub.performance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.PeriodType;
import org.safeguardinghub.performance.returns.ReturnChecks.CellKey;
import org.safeguardinghub.performance.returns.ReturnChecks.Given;
import org.safeguardinghub.performance.returns.ReturnTemplate.Parsed;
import org.safeguardinghub.performance.returns.ReturnTemplate.UploadProblem;
import org.safeguardinghub.platform.export.CsvExport;

/**
 * A data return template uploaded as a file never changes a value: each figure and comment arrives as the agency
 * wrote it, or the upload is refused naming the row and column (or, for a file that cannot be read at all, once,
 * saying why). The CSV cases follow csv-spectrum (quoted commas, quoted line breaks, escaped quotes, empty fields,
 * byte order mark, CRLF); the rest are the files found in testing.
 */
class ReturnTemplateUploadTests {

    static final String HEADER = "item_code,item_name,breakdown,breakdown_value,value,comment";

    static Parsed csv(String text) {
        return ReturnTemplate.read("return.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    static ValueEntry only(Parsed parsed) {
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.lines()).hasSize(1);
        return parsed.lines().get(0).entry();
    }

    static List<String> problems(Parsed parsed) {
        return parsed.problems().stream()
                .map(p -> "row " + p.row() + ", " + p.column() + ": " + p.message())
                .toList();
    }

    @Nested
    class CsvSpectrum {

        @Test
        void quotedCommasStayInTheComment() {
            assertThat(only(csv(HEADER + "\ncp_plans,Plans,,,12,\"late, see note\"\n"))
                            .comment())
                    .isEqualTo("late, see note");
        }

        @Test
        void quotedLineBreaksStayInTheCommentAndRowsAreCountedAsRecords() {
            Parsed parsed = csv(HEADER + "\ncp_plans,Plans,,,12,\"first line\nsecond line\"\ncp_second,,,,3,\n");
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.lines().get(0).entry().comment()).isEqualTo("first line\nsecond line");
            assertThat(parsed.lines().get(1).row()).isEqualTo(3);
        }

        @Test
        void escapedQuotesBecomeOneQuote() {
            assertThat(only(csv(HEADER + "\ncp_plans,Plans,,,12,\"the \"\"new\"\" system\"\n"))
                            .comment())
                    .isEqualTo("the \"new\" system");
        }

        @Test
        void emptyFieldsAreEmpty() {
            ValueEntry e = only(csv(HEADER + "\ncp_plans,,,,,note\n"));
            assertThat(e.rawValue()).isEmpty();
            assertThat(e.breakdownKind()).isEmpty();
            assertThat(e.comment()).isEqualTo("note");
        }

        @Test
        void utf8WithAByteOrderMarkKeepsAccentsAndPoundSigns() {
            ValueEntry e = only(csv("\uFEFF" + HEADER + "\ncp_plans,,,,12,café £40\n"));
            assertThat(e.itemCode()).isEqualTo("cp_plans");
            assertThat(e.comment()).isEqualTo("café £40");
        }

        @Test
        void crlfLineEndingsAreNotPartOfAnyValue() {
            Parsed parsed = csv(HEADER + "\r\ncp_plans,,,,12,ok\r\ncp_second,,,,3,fine\r\n");
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.lines())
                    .extracting(l -> l.entry().rawValue() + "|" + l.entry().comment())
                    .containsExactly("12|ok", "3|fine");
        }
    }

    @Nested
    class FilesFoundInTesting {

        @Test
        void aWindows1252FileIsRefusedWithAMessageNotReadWithReplacementCharacters() {
            byte[] bytes = (HEADER + "\ncp_plans,,,,12,café £40\n").getBytes(Charset.forName("windows-1252"));
            Parsed parsed = ReturnTemplate.read("return.csv", bytes);
            assertThat(parsed.lines()).isEmpty();
            assertThat(problems(parsed))
                    .singleElement()
                    .asString()
                    .contains("not saved as UTF-8")
                    .contains("line 2")
                    .doesNotContain("\uFFFD");
        }

        @Test
        void aLeadingApostropheIsText() {
            assertThat(only(csv(HEADER + "\ncp_plans,,,,12,'Tis the season\n")).comment())
                    .isEqualTo("'Tis the season");
        }

        @Test
        void onlyTheApostropheTheHubsOwnExportAddsIsTakenOffAgain() throws IOException {
            var template = ReturnTemplate.table(
                    "Data return",
                    List.of(ReturnChecksTests.PLANS),
                    Map.of(),
                    Map.of(CellKey.total("cp_plans"), "12"),
                    Map.of(CellKey.total("cp_plans"), "=HYPERLINK(\"x\") - checked"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CsvExport.write(template, out);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("'=HYPERLINK");
            Parsed parsed = ReturnTemplate.read("return.csv", out.toByteArray());
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.lines().get(0).entry().comment()).isEqualTo("=HYPERLINK(\"x\") - checked");
        }

        @Test
        void anUnquotedCommaInACommentIsAWrongColumnCountNotACutComment() {
            Parsed parsed = csv(HEADER + "\ncp_plans,,,,12,late, see note\n");
            assertThat(parsed.lines()).isEmpty();
            assertThat(problems(parsed))
                    .containsExactly("row 2, comment: This row has 7 values but the header has 6 columns, so a value"
                            + " would be cut short. Put a value that contains a comma in double quotes, like \"late,"
                            + " see note\"");
        }

        @Test
        void aPdfRenamedCsvIsReportedOnceAsNotACsvFileNamingItsType() {
            byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                    .getBytes(StandardCharsets.ISO_8859_1);
            Parsed parsed = ReturnTemplate.read("return.csv", pdf);
            assertThat(parsed.problems())
                    .singleElement()
                    .extracting(UploadProblem::message)
                    .asString()
                    .startsWith("The selected file is not a CSV file: it is a PDF document");
        }

        @Test
        void aMissingColumnIsReportedOnce() {
            assertThat(problems(csv("item_code,comment\ncp_plans,x\n")))
                    .singleElement()
                    .asString()
                    .contains("missing the required column \"value\"");
        }

        @Test
        void figuresArriveAsWrittenForTheNumberRuleToJudge() {
            Parsed parsed = csv(HEADER + "\ncp_plans,,,,\"1,5\",\ncp_second,,,,99999999999999999999,\n");
            assertThat(parsed.lines())
                    .extracting(l -> l.entry().rawValue())
                    .containsExactly("1,5", "99999999999999999999");
        }

        @Test
        void excelNumbersAreReadAsStoredWhateverTheirDisplayFormat() throws IOException {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                XSSFSheet sheet = workbook.createSheet();
                XSSFRow header = sheet.createRow(0);
                String[] names = HEADER.split(",");
                for (int i = 0; i < names.length; i++) {
                    header.createCell(i).setCellValue(names[i]);
                }
                CellStyle grouped = workbook.createCellStyle();
                grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
                XSSFRow row = sheet.createRow(1);
                row.createCell(0).setCellValue("spend");
                row.createCell(4).setCellValue(1500.25);
                row.getCell(4).setCellStyle(grouped); // Excel shows "1,500"
                row.createCell(5).setCellValue("  spaced  ");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                workbook.write(out);
                ValueEntry e = only(ReturnTemplate.read("return.xlsx", out.toByteArray()));
                assertThat(e.rawValue()).isEqualTo("1500.25");
                assertThat(e.comment()).isEqualTo("  spaced  ");
            }
        }
    }

    @Nested
    class TheNumberRuleOnEveryChannel {

        static final DataItem SPEND = new DataItem(
                3,
                1,
                "spend",
                "Spend",
                "",
                "SUM",
                PeriodType.MONTHLY,
                Frequency.MONTHLY,
                null,
                null,
                Set.of(),
                false,
                null,
                null,
                false,
                0);

        static List<String> check(String itemCode, String raw) {
            Map<CellKey, Given> cells = new LinkedHashMap<>();
            cells.put(CellKey.total(itemCode), new Given(raw, null));
            return ReturnChecks.check(new ReturnChecks.Input(
                            "Kent Police",
                            List.of(ReturnChecksTests.PLANS, SPEND),
                            Map.of(Breakdown.DISTRICT, List.of("Dover")),
                            cells,
                            List.of(),
                            Map.of(),
                            false))
                    .problems()
                    .stream()
                    .map(p -> p.field() + ": " + p.message())
                    .toList();
        }

        @Test
        void aCommaIsRefusedNotGuessed() {
            assertThat(check("cp_plans", "1,5"))
                    .singleElement()
                    .asString()
                    .startsWith("value: Child protection plans (total): enter a number without commas");
            assertThat(check("spend", "1,500.00")).hasSize(1);
        }

        @Test
        void aFigureBeyondTheDeclaredRangeIsRefusedNotRounded() {
            assertThat(check("cp_plans", "99999999999999999999"))
                    .containsExactly("value: Child protection plans (total) must be 999,999,999,999 or less");
            assertThat(check("cp_plans", "9".repeat(400)))
                    .singleElement()
                    .asString()
                    .contains("400 digits");
            assertThat(check("cp_plans", "999999999999")).isEmpty();
        }

        @Test
        void precisionIsDeclaredByTheKindOfItem() {
            assertThat(check("spend", "12.345"))
                    .containsExactly("value: Spend (total) can have at most 2 decimal places, like 12.50");
            assertThat(check("spend", "12.34")).isEmpty();
            assertThat(check("cp_plans", "12.0")).isEmpty();
            assertThat(check("cp_plans", "1E3")).hasSize(1);
        }

        @Test
        void anUnknownItemCodeIsReportedAgainstTheItemCodeColumn() {
            assertThat(check("no_such_item", "1"))
                    .containsExactly(
                            "item_code: There is no item with the code \"no_such_item\" in this return. Use the"
                                    + " codes in the return's template");
        }

        @Test
        void aFigureShownBackIsExactlyTheFigureStored() {
            assertThat(ReturnChecks.plain(new BigDecimal("99999999999.99"))).isEqualTo("99999999999.99");
            assertThat(ReturnChecks.plain(new BigDecimal("123456789012"))).isEqualTo("123456789012");
        }
    }
}
