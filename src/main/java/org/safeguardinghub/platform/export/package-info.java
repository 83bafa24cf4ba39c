/**
 * Downloads of lists as CSV, Excel and PDF from one {@link org.safeguardinghub.platform.export.Table} model, with
 * spreadsheet formula neutralisation ({@link org.safeguardinghub.platform.export.SpreadsheetSafety}) and safe
 * download headers ({@link org.safeguardinghub.platform.export.ExportResponse}).
 */
@NullMarked
package org.safeguardinghub.platform.export;

import org.jspecify.annotations.NullMarked;
