package org.safeguardinghub.platform.web;

/** One choice in a select, radios or checkboxes. */
public record Option(String value, String label) {

    public static Option of(Object value, String label) {
        return new Option(String.valueOf(value), label);
    }
}
