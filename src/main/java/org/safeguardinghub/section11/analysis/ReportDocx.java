package org.safeguardinghub.section11.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.safeguardinghub.section11.analysis.ReportDocument.Block;
import org.safeguardinghub.section11.analysis.ReportDocument.Heading;
import org.safeguardinghub.section11.analysis.ReportDocument.Paragraph;
import org.safeguardinghub.section11.analysis.ReportDocument.TableBlock;

/**
 * Writes a {@link ReportDocument} as a Word document with Apache POI: real heading styles (Title, Heading 1 and 2,
 * with outline levels, so Word's navigation pane and screen readers find them), paragraphs and tables whose first
 * row repeats as a header. POI writes text through XML APIs, so any character typed by a person is escaped; control
 * characters XML cannot carry are replaced.
 */
public final class ReportDocx {

    private ReportDocx() {}

    public static void write(ReportDocument document, OutputStream out) {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFStyles styles = doc.createStyles();
            style(styles, "Title", "Title", null, 36);
            style(styles, "Heading1", "heading 1", 0, 28);
            style(styles, "Heading2", "heading 2", 1, 24);
            text(doc.createParagraph(), "Title", document.title(), true);
            for (Block block : document.blocks()) {
                if (block instanceof Heading heading) {
                    text(doc.createParagraph(), heading.level() <= 2 ? "Heading1" : "Heading2", heading.text(), true);
                } else if (block instanceof Paragraph paragraph) {
                    text(doc.createParagraph(), null, paragraph.text(), false);
                } else if (block instanceof TableBlock table) {
                    table(doc, table);
                }
            }
            doc.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Word report", e);
        }
    }

    private static void style(XWPFStyles styles, String id, String name, Integer outlineLevel, int halfPoints) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewQFormat();
        if (outlineLevel != null) {
            ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        var run = ct.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(ct, styles));
    }

    private static void text(XWPFParagraph paragraph, String style, String text, boolean bold) {
        if (style != null) {
            paragraph.setStyle(style);
        }
        XWPFRun run = paragraph.createRun();
        run.setBold(bold);
        run.setText(clean(text));
    }

    private static void table(XWPFDocument doc, TableBlock block) {
        text(doc.createParagraph(), null, block.caption(), true);
        List<List<String>> rows = block.rows().isEmpty() ? List.of(List.of("Nothing to show.")) : block.rows();
        XWPFTable table = doc.createTable(rows.size() + 1, block.headers().size());
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int i = 0; i < block.headers().size(); i++) {
            cell(header, i, block.headers().get(i), true);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int i = 0; i < block.headers().size(); i++) {
                cell(table.getRow(r + 1), i, i < row.size() ? row.get(i) : "", false);
            }
        }
        doc.createParagraph();
    }

    private static void cell(XWPFTableRow row, int index, String text, boolean bold) {
        XWPFParagraph paragraph = row.getCell(index).getParagraphs().get(0);
        XWPFRun run = paragraph.createRun();
        run.setBold(bold);
        run.setText(clean(text));
    }

    private static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " ");
    }
}
