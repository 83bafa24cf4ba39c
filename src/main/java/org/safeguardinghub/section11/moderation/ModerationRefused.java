package org.safeguardinghub.section11.moderation;

/**
 * A moderation change the rules refuse (a panel member from the return's own agency, a final position while a
 * challenge is unanswered): shown in the form's error summary against {@code field}, as 422.
 */
class ModerationRefused extends RuntimeException {

    private final String field;

    ModerationRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
