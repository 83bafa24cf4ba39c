package org.safeguardinghub.imports.batches;

/**
 * Where a batch is in its life: {@code UPLOADED} (rows staged) → {@code VALIDATING} (rows being checked, with
 * progress) → {@code INVALID} (the report lists problems; the user fixes the file and uploads it again) or {@code
 * VALID} (ready) → {@code COMMITTED} (every row imported, once). {@code FAILED} means checking stopped on an
 * unexpected error. A commit that fails leaves the batch {@code VALID}, with the reason recorded.
 */
public enum ImportStatus {
    UPLOADED("Uploaded", "govuk-tag--grey"),
    VALIDATING("Checking", "govuk-tag--blue"),
    INVALID("Problems found", "govuk-tag--red"),
    VALID("Ready to import", "govuk-tag--yellow"),
    COMMITTED("Imported", "govuk-tag--green"),
    FAILED("Failed", "govuk-tag--red");

    private final String label;
    private final String tagClass;

    ImportStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }
}
