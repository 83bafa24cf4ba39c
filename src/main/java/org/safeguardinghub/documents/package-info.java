/**
 * Uploaded documents: attachments to referrals, agency contributions, panel agendas and minutes, review reports and
 * evidence for actions. Checks every file's size and real type (by its first bytes, not its name), stores it in
 * PostgreSQL with a checksum, and serves it back only to a module that has already decided the reader may see the
 * record it belongs to.
 */
@ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"platform", "audit"})
@NullMarked
package org.safeguardinghub.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
