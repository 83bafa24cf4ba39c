package org.safeguardinghub.performance.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardinghub.performance.returns.ValueEntry;

/**
 * The one-pass reader of extracts: it answers only for files COPY reads the same way and whose every row passes the
 * checks; anything else is left (null) to the staging table, which reports problems by line and column.
 */
class ExtractScanTests {

    private static final List<String> HEADER = List.of("CHILD", "MISSING", "MIS_START", "MIS_END", "DISTRICT");
    private static final List<String> DISTRICTS = List.of("Ashford", "Dover", "Thanet");

    @TempDir
    Path dir;

    @Test
    void datesAreTheTwoFormsAndMustExist() {
        assertThat(ExtractScan.monthKey("29/02/2024")).isEqualTo(2024 * 12 + 1);
        assertThat(ExtractScan.monthKey("2024-02-29")).isEqualTo(2024 * 12 + 1);
        assertThat(ExtractScan.monthKey("29/02/2023")).isNegative();
        assertThat(ExtractScan.monthKey("31/04/2024")).isNegative();
        assertThat(ExtractScan.monthKey("2024-13-01")).isNegative();
        assertThat(ExtractScan.monthKey("0000-01-01")).isNegative();
        assertThat(ExtractScan.monthKey("2024-1-01")).isNegative();
        assertThat(ExtractScan.monthKey("01-02-2024")).isNegative();
        assertThat(ExtractScan.monthKey("2024/02/01")).isNegative();
        assertThat(ExtractScan.monthKey("yesterday!")).isNegative();
        assertThat(ExtractScan.trimSpaces("  a b ")).isEqualTo("a b");
        assertThat(ExtractScan.trimSpaces("\ta")).isEqualTo("\ta"); // PostgreSQL's trim() keeps tabs
    }

    @Test
    void aCleanFileIsCountedByMonthAndDistrictAndQuotesAndWindowsLineEndingsAreRead() throws IOException {
        String rows = "C1,M,03/01/2024,,Ashford\n"
                + "\"C2\",m, 2024-01-10 ,,\"ashford\"\n"
                + "C3,A,15/01/2024,,Dover\n"
                + "\"C,4\",M,01/03/2024,2024-03-02,THANET\n";
        for (String text : List.of(rows, rows.replace("\n", "\r\n"), rows.substring(0, rows.length() - 1))) {
            String eol = text.contains("\r\n") ? "\r\n" : "\n";
            ExtractScan.Result result = scan("CHILD,MISSING,MIS_START,MIS_END,DISTRICT" + eol + text);
            assertThat(result).as(text).isNotNull();
            assertThat(result.rows()).isEqualTo(4);
            assertThat(result.sha256()).isEqualTo(ExtractLoads.sha256(dir.resolve("extract.csv")));
            Map<LocalDate, List<ValueEntry>> months = result.byMonth();
            // every month a row falls in, none between
            assertThat(months.keySet()).containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 31));
            assertThat(months.get(LocalDate.of(2024, 1, 31)))
                    .extracting(ValueEntry::breakdownValue, ValueEntry::rawValue)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("", "2"),
                            org.assertj.core.groups.Tuple.tuple("Ashford", "2"),
                            org.assertj.core.groups.Tuple.tuple("Dover", "0"),
                            org.assertj.core.groups.Tuple.tuple("Thanet", "0"));
            assertThat(months.get(LocalDate.of(2024, 3, 31)))
                    .extracting(ValueEntry::rawValue)
                    .containsExactly("1", "0", "0", "1");
        }
    }

    @Test
    void anythingCopyMightReadDifferentlyOrAnyBadRowIsLeftToTheStagingTable() throws IOException {
        String header = "CHILD,MISSING,MIS_START,MIS_END,DISTRICT\n";
        String good = "C1,M,03/01/2024,,Ashford\n";
        assertThat(scan(header + good)).isNotNull();
        for (String bad : List.of(
                "C2,M,31/02/2024,,Ashford\n", // no such day
                ",M,03/01/2024,,Ashford\n", // no child
                "C2,X,03/01/2024,,Ashford\n", // not M or A
                "C2,M,03/01/2024,,Atlantis\n", // not a district
                "C2,M,03/01/2024,,\n", // blank district while the file has the column
                "C2,M,03/01/2024,soon,Ashford\n", // not a date
                "C2,M,03/01/2024,,Ashford,extra\n", // more cells than the header
                "C2,M,03/01/2024\n", // fewer
                "\n", // an empty line
                "C\"2,M,03/01/2024,,Ashford\n", // a quote inside a cell
                "\"C2\"x,M,03/01/2024,,Ashford\n", // text after a closing quote
                "\"C2,M,03/01/2024,,Ashford\n", // a quote never closed
                "Cé,M,03/01/2024,,Ashford\n", // outside ASCII
                "C2,M,03/01/2024,,Ashford\r\n", // a Windows line ending in a Unix file
                "C2,M,03/01/2024,,Ash\u0000ford\n")) { // a NUL byte, which COPY refuses
            assertThat(scan(header + good + bad)).as(bad).isNull();
        }
        // a byte order mark before the header is fine, a required column missing from the header is not
        assertThat(scan("\uFEFF" + header + good)).isNotNull();
        assertThat(scan("CHILD,MISSING,MIS_END\nC1,M,\n")).isNull();
    }

    private ExtractScan.Result scan(String content) throws IOException {
        Path file = dir.resolve("extract.csv");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        List<String> header = ExtractLoads.header(file);
        if (header.isEmpty()) {
            header = HEADER;
        }
        return ExtractScan.scan(
                file, ExtractLayout.SSDA903_MISSING, header, DISTRICTS, Map.of("missing_episodes", true));
    }
}
