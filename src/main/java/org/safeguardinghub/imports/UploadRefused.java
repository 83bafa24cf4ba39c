package org.safeguardinghub.imports;

import java.util.List;

/**
 * An uploaded file that cannot be read at all: not the type its name says (a PDF renamed {@code .csv}), not UTF-8
 * text, no header row, a required column missing, a workbook that expands too far. Nothing is stored; each message
 * says what is wrong and what to do, and is shown to the user as it is.
 */
public class UploadRefused extends RuntimeException {

    private final List<String> messages;

    public UploadRefused(List<String> messages) {
        super(String.join(" ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
