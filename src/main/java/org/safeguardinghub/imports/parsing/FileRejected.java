package org.safeguardinghub.imports.parsing;

import java.util.List;

/**
 * The uploaded file cannot be imported at all (wrong type, empty, too big, unreadable, wrong columns). Nothing is
 * stored; the messages are shown to the user as they are, so each says what is wrong and what to do.
 */
public class FileRejected extends RuntimeException {

    private final List<String> messages;

    public FileRejected(String message) {
        this(List.of(message));
    }

    public FileRejected(List<String> messages) {
        super(String.join(" ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
