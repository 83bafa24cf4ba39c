/**
 * The multi-agency dataset: the indicator catalogue (data items and indicators as versioned formulas, loaded from
 * files in the repository and kept on administration pages), agencies' data returns by form, spreadsheet or API
 * with validation and a draft, submitted, returned, accepted workflow, indicator values computed from accepted
 * figures, the scorecard and dashboards, early-warning signals from statistical process control, and record-level
 * extracts aggregated into data items. Agencies see and submit only their own figures; indicator values are
 * partnership-level aggregates.
 */
@ApplicationModule(
        displayName = "Performance",
        allowedDependencies = {
            "platform",
            "audit",
            "organisation",
            "calendar",
            "shared",
            "tasks",
            "imports",
            "casereviews"
        })
@NullMarked
package org.safeguardinghub.performance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
