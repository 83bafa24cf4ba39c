package org.safeguardinghub.imports;

import java.util.List;

/**
 * One kind of thing that can be imported from a spreadsheet. A module declares a Spring bean implementing this
 * for each of its imports; the imports module finds every such bean and offers it to users who hold {@link
 * #requiredAuthority()}.
 *
 * <p>The pipeline calls {@link #validate} once per data row, in file order, with one {@link ImportContext} for the
 * whole file (so a kind can spot duplicates within the file). Only when no row has a problem can the user commit;
 * the pipeline then calls {@link #commit} with every row, inside the same transaction that marks the batch
 * committed and writes the audit entry. If {@code commit} throws, everything it wrote is rolled back and the user
 * sees the message: throw {@link ImportRejected} to point at a row and column (for example a record someone else
 * created since the file was checked).
 */
public interface ImportKind {

    /** Stable identifier used in URLs and stored with each batch, e.g. {@code agencies}; lower case, no spaces. */
    String id();

    /** What users are importing, as a plural noun for headings: "Agencies". */
    String title();

    /** One or two sentences for the choice page: what the import creates. */
    default String description() {
        return "";
    }

    /** The columns the file may have, in template order. Headers are matched ignoring case, spaces and hyphens. */
    List<ImportColumn> columns();

    /** The authority (e.g. {@code organisation:manage}) a user needs to upload, see and commit this kind. */
    String requiredAuthority();

    /** Problems with one row, empty when the row is fine. Must not change anything. */
    List<ImportProblem> validate(ImportRow row, ImportContext ctx);

    /**
     * Creates the records for every row of a file that passed validation. Runs in the caller's transaction; write
     * through the owning module's facade so each record is audited like one entered by hand.
     */
    void commit(List<ImportRow> rows, ImportContext ctx);
}
