package org.safeguardinghub.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reading uploaded files: what is accepted, how rows are numbered, and the message for each kind of bad file. */
class ImportFileReaderTests {

    final ImportFileReader reader = new ImportFileReader(100);

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String rejection(Runnable read) {
        try {
            read.run();
        } catch (FileRejected e) {
            return String.join(" | ", e.messages());
        }
        throw new AssertionError("The file was accepted");
    }

    @Nested
    class Csv {

        @Test
        void readsHeaderAndRowsNumberedAsASpreadsheetShowsThem() {
            ParsedFile file =
                    reader.read("agencies.csv", utf8("name,type\r\nKent Police,Police\r\nKCC,Local authority\r\n"));
            assertThat(file.headers()).containsExactly("name", "type");
            assertThat(file.rows()).extracting(ParsedFile.Row::number).containsExactly(2, 3);
            assertThat(file.rows().get(1).cells()).containsExactly("KCC", "Local authority");
        }

        @Test
        void ignoresAByteOrderMark() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = utf8("name,type\nA,B\n");
            byte[] content = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, content, 0, 3);
            System.arraycopy(body, 0, content, 3, body.length);
            assertThat(reader.read("a.csv", content).headers()).containsExactly("name", "type");
        }

        @Test
        void readsRfc4180QuotingWithCommasQuotesAndLineBreaksInValues() {
            String csv = "name,notes\n"
                    + "\"Smith, Jones & Co\",\"She said \"\"hello\"\"\"\n"
                    + "\"Two\nline\",x\n"
                    + "After,y\n";
            ParsedFile file = reader.read("a.csv", utf8(csv));
            assertThat(file.rows().get(0).cells()).containsExactly("Smith, Jones & Co", "She said \"hello\"");
            assertThat(file.rows().get(1).cells()).containsExactly("Two\nline", "x");
            // a value over two lines is still one row: the next row is row 4, not 5
            assertThat(file.rows()).extracting(ParsedFile.Row::number).containsExactly(2, 3, 4);
        }

        @Test
        void keepsAccentedTextAndTrimsSurroundingSpaces() {
            ParsedFile file = reader.read("a.csv", utf8("name\n  Sainte-Chapelle École  \n"));
            assertThat(file.rows().get(0).cells()).containsExactly("Sainte-Chapelle École");
        }

        @Test
        void skipsBlankLinesButKeepsRowNumbers() {
            ParsedFile file = reader.read("a.csv", utf8("name,type\n\nA,B\n,\nC,D\n"));
            assertThat(file.rows()).extracting(ParsedFile.Row::number).containsExactly(3, 5);
        }

        @Test
        void reportsAnUnclosedQuoteWithTheLineItStartsOn() {
            String csv = "name,type\nA,B\nC,D\n\"Unclosed,E\nF,G\n";
            assertThat(rejection(() -> reader.read("a.csv", utf8(csv))))
                    .contains("line 4")
                    .contains("quoted value is never closed");
        }

        @Test
        void reportsAStrayQuoteWithItsLine() {
            String csv = "name,type\nA,B\n\"Quoted\"then more,C\n";
            assertThat(rejection(() -> reader.read("a.csv", utf8(csv))))
                    .contains("line 3")
                    .contains("double quote");
        }

        @Test
        void rejectsTextThatIsNotUtf8NamingTheLine() {
            byte[] latin1 = "name\nA\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThat(rejection(() -> reader.read("a.csv", latin1)))
                    .contains("not saved as UTF-8")
                    .contains("line 3")
                    .contains("CSV UTF-8");
        }

        @Test
        void rejectsNulBytes() {
            byte[] utf16 = "name\nA\n".getBytes(StandardCharsets.UTF_16LE);
            assertThat(rejection(() -> reader.read("a.csv", utf16))).contains("NUL characters");
        }

        @Test
        void rejectsEmptyFilesAndHeaderOnlyFiles() {
            assertThat(rejection(() -> reader.read("a.csv", new byte[0]))).contains("is empty");
            assertThat(rejection(() -> reader.read("a.csv", utf8("\uFEFF \r\n"))))
                    .contains("is empty");
            assertThat(rejection(() -> reader.read("a.csv", utf8("name,type\r\n"))))
                    .contains("no rows of data");
            assertThat(rejection(() -> reader.read("a.csv", utf8("name,type\r\n,\r\n"))))
                    .contains("no rows of data");
        }

        @Test
        void rejectsTooManyRows() {
            StringBuilder csv = new StringBuilder("name\n");
            for (int i = 0; i < 101; i++) {
                csv.append("Agency ").append(i).append('\n');
            }
            assertThat(rejection(() -> reader.read("a.csv", utf8(csv.toString()))))
                    .contains("more than 100 rows");
            assertThat(new ImportFileReader(101)
                            .read("a.csv", utf8(csv.toString()))
                            .rows())
                    .hasSize(101);
        }

        @Test
        void explainsSemicolonSeparatedFiles() {
            assertThat(rejection(() -> reader.read("a.csv", utf8("name;type\nA;B\n"))))
                    .contains("semicolons");
        }
    }

    @Nested
    class FileTypes {

        @Test
        void acceptsOnlyCsvAndXlsxByName() {
            assertThat(rejection(() -> reader.read("a.txt", utf8("name\nA\n")))).contains("must be a CSV or an Excel");
            assertThat(rejection(() -> reader.read("a.xls", utf8("name\nA\n")))).contains("Excel 97-2003");
            assertThat(rejection(() -> reader.read("a.csv.exe", utf8("name\nA\n"))))
                    .contains("must be a CSV");
        }

        @Test
        void checksTheContentMatchesTheName() throws IOException {
            assertThat(rejection(() -> reader.read("a.xlsx", utf8("name\nA\n"))))
                    .contains("is not an Excel workbook");
            byte[] workbook = workbook(sheet -> sheet.createRow(0).createCell(0).setCellValue("name"));
            assertThat(rejection(() -> reader.read("a.csv", workbook))).contains("not CSV text");
        }

        @Test
        void extensionIsCaseInsensitive() {
            assertThat(reader.read("AGENCIES.CSV", utf8("name\nA\n")).rows()).hasSize(1);
        }
    }

    @Nested
    class Xlsx {

        @Test
        void refusesAValueFarRightOfTheHeaderInsteadOfPaddingEveryRow() throws IOException {
            byte[] content = workbook(sheet -> {
                sheet.createRow(0).createCell(0).setCellValue("Name");
                Row a = sheet.createRow(1);
                a.createCell(0).setCellValue("Kent Police");
                a.createCell(16_000).setCellValue("x"); // column WQJ
            });
            assertThat(rejection(() -> reader.read("agencies.xlsx", content)))
                    .contains("far to the right of the columns in the header row");
        }

        @Test
        void readsTheFirstSheetWithExcelRowNumbers() throws IOException {
            byte[] content = workbook(sheet -> {
                Row header = sheet.createRow(0);
                header.createCell(0).setCellValue("Name");
                header.createCell(1).setCellValue("Count");
                header.createCell(2).setCellValue("Type");
                Row a = sheet.createRow(1);
                a.createCell(0).setCellValue("Kent Police");
                a.createCell(1).setCellValue(42);
                a.createCell(2).setCellValue("Police");
                // row 3 left empty; row 4 has a gap in column B
                Row c = sheet.createRow(3);
                c.createCell(0).setCellValue("  Hollowbrook  ");
                c.createCell(2).setCellValue("School");
                sheet.getWorkbook()
                        .createSheet("Second")
                        .createRow(0)
                        .createCell(0)
                        .setCellValue("ignored");
            });
            ParsedFile file = reader.read("agencies.xlsx", content);
            assertThat(file.headers()).containsExactly("Name", "Count", "Type");
            assertThat(file.rows()).extracting(ParsedFile.Row::number).containsExactly(2, 4);
            assertThat(file.rows().get(0).cells()).containsExactly("Kent Police", "42", "Police");
            assertThat(file.rows().get(1).cells()).containsExactly("Hollowbrook", "", "School");
        }

        @Test
        void readsCellsAsExcelDisplaysThem() throws IOException {
            byte[] content = workbook(sheet -> {
                sheet.createRow(0).createCell(0).setCellValue("when");
                CellStyle date = sheet.getWorkbook().createCellStyle();
                date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("dd/mm/yyyy"));
                var cell = sheet.createRow(1).createCell(0);
                cell.setCellValue(java.time.LocalDate.of(2026, 3, 31));
                cell.setCellStyle(date);
            });
            assertThat(reader.read("a.xlsx", content).rows().get(0).cells()).containsExactly("31/03/2026");
        }

        @Test
        void rejectsEmptyAndHeaderOnlyWorkbooks() throws IOException {
            byte[] empty = workbook(sheet -> {});
            assertThat(rejection(() -> reader.read("a.xlsx", empty))).contains("is empty");
            byte[] headerOnly =
                    workbook(sheet -> sheet.createRow(0).createCell(0).setCellValue("name"));
            assertThat(rejection(() -> reader.read("a.xlsx", headerOnly))).contains("no rows of data");
        }

        @Test
        void rejectsTooManyRows() throws IOException {
            byte[] content = workbook(sheet -> {
                sheet.createRow(0).createCell(0).setCellValue("name");
                for (int i = 1; i <= 101; i++) {
                    sheet.createRow(i).createCell(0).setCellValue("Agency " + i);
                }
            });
            assertThat(rejection(() -> reader.read("a.xlsx", content))).contains("more than 100 rows");
        }

        @Test
        void rejectsACorruptWorkbook() throws IOException {
            byte[] good = workbook(sheet -> sheet.createRow(0).createCell(0).setCellValue("name"));
            byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
            assertThat(rejection(() -> reader.read("a.xlsx", truncated))).contains("could not be read as an Excel");
            byte[] garbage = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            assertThat(rejection(() -> reader.read("a.xlsx", garbage))).contains("could not be read as an Excel");
        }

        @Test
        void rejectsAPasswordProtectedWorkbook() throws Exception {
            byte[] plain = workbook(sheet -> {
                sheet.createRow(0).createCell(0).setCellValue("name");
                sheet.createRow(1).createCell(0).setCellValue("Secret");
            });
            ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
                Encryptor encryptor = info.getEncryptor();
                encryptor.confirmPassword("secret");
                try (OutputStream os = encryptor.getDataStream(fs)) {
                    os.write(plain);
                }
                fs.writeFilesystem(encrypted);
            }
            assertThat(rejection(() -> reader.read("a.xlsx", encrypted.toByteArray())))
                    .contains("password protected");
        }

        @Test
        void refusesAZipBomb() throws IOException {
            byte[] good = workbook(sheet -> {
                sheet.createRow(0).createCell(0).setCellValue("name");
                sheet.createRow(1).createCell(0).setCellValue("A");
            });
            // the same workbook with 20MB of spaces in the sheet: compresses more than 1000 to 1
            byte[] bomb = rewriteEntry(
                    good,
                    "xl/worksheets/sheet1.xml",
                    xml -> xml.replace("<sheetData>", "<!--" + " ".repeat(20 * 1024 * 1024) + "--><sheetData>"));
            assertThat(bomb.length).isLessThan(200_000);
            assertThat(rejection(() -> reader.read("a.xlsx", bomb))).contains("unusually large");
        }
    }

    interface SheetWriter {
        void write(XSSFSheet sheet);
    }

    static byte[] workbook(SheetWriter writer) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            writer.write(wb.createSheet("Data"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] rewriteEntry(byte[] zip, String name, java.util.function.UnaryOperator<String> change)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream zout = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zout.putNextEntry(new ZipEntry(entry.getName()));
                zout.write(data);
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void rejectionMessagesAreListedSeparately() {
        FileRejected e = new FileRejected(List.of("one", "two"));
        assertThat(e.messages()).containsExactly("one", "two");
        assertThatThrownBy(() -> reader.read("a.csv", new byte[0])).isInstanceOf(FileRejected.class);
    }
}
