package org.safeguardinghub.imports;

/**
 * A column an import file may have.
 *
 * @param name the header, lower case with underscores (e.g. {@code short_name}); files may write it in any case
 *     and with spaces or hyphens instead of underscores
 * @param required whether the header must be present (whether each row needs a value is the kind's own rule)
 * @param description what goes in the column, shown on the upload page
 */
public record ImportColumn(String name, boolean required, String description) {

    public static ImportColumn required(String name, String description) {
        return new ImportColumn(name, true, description);
    }

    public static ImportColumn optional(String name, String description) {
        return new ImportColumn(name, false, description);
    }
}
