/** Reading uploaded CSV and Excel files into rows, with the checks that reject a file outright. */
@NullMarked
package org.safeguardinghub.imports.parsing;

import org.jspecify.annotations.NullMarked;
