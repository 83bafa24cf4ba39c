/** Import batches: staging, validation with progress, and all-or-nothing commit. */
@NullMarked
package org.safeguardinghub.imports.batches;

import org.jspecify.annotations.NullMarked;
