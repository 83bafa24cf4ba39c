/**
 * The organisation model: partnerships, agencies and their types and sectors, areas and districts, groups and
 * sub-groups with members, chairs and terms of reference. Nothing is hard-deleted; archived items stay in history.
 */
@ApplicationModule(
        displayName = "Organisation",
        allowedDependencies = {"platform", "audit", "imports"})
@NullMarked
package org.safeguardinghub.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
