/**
 * The audit trail: an append-only record of who changed what (with before and after values), who read a sensitive
 * record, and sign-in events. Rows are written in the same transaction as the change; the application's database
 * role cannot update or delete them.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = "platform")
@NullMarked
package org.safeguardinghub.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
