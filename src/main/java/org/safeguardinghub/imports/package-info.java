/**
 * Bulk imports from spreadsheets: a user uploads a CSV or Excel file, the rows are staged in the database and
 * checked by the {@link org.safeguardinghub.imports.ImportKind} that knows what they mean (agencies, training
 * records, data returns...), the user reads a report giving the row and column of every problem, and only a file
 * with no problems can be committed, all rows or none, in one transaction that is audited and announced with
 * {@link org.safeguardinghub.imports.ImportCompleted}. Other modules take part by declaring an {@code ImportKind}
 * bean; this module owns the upload, parsing, staging, progress, report and commit pages.
 */
@ApplicationModule(
        displayName = "Imports",
        allowedDependencies = {"platform", "audit"})
@NullMarked
package org.safeguardinghub.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
