package org.safeguardinghub.section11.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple document (headings, paragraphs and tables) that {@link ReportPdf} and {@link ReportDocx} both write, so
 * the PDF and the Word version of a report always say the same thing.
 */
public record ReportDocument(String title, List<Block> blocks) {

    sealed interface Block permits Heading, Paragraph, TableBlock {}

    /** Level 2 or 3 (the title is level 1). */
    record Heading(int level, String text) implements Block {}

    record Paragraph(String text) implements Block {}

    record TableBlock(String caption, List<String> headers, List<List<String>> rows) implements Block {}

    static Builder titled(String title) {
        return new Builder(title);
    }

    static final class Builder {
        private final String title;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        Builder heading(String text) {
            blocks.add(new Heading(2, text));
            return this;
        }

        Builder subheading(String text) {
            blocks.add(new Heading(3, text));
            return this;
        }

        Builder paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        Builder table(String caption, List<String> headers, List<List<String>> rows) {
            blocks.add(new TableBlock(caption, List.copyOf(headers), List.copyOf(rows)));
            return this;
        }

        ReportDocument build() {
            return new ReportDocument(title, List.copyOf(blocks));
        }
    }
}
