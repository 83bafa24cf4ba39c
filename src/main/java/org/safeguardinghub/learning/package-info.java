/**
 * Learning and improvement: the managed taxonomy of learning themes, and the tracker that carries a recommendation
 * from its source (practice review, rapid review, national review, multi-agency audit, Section 11) to actions owned
 * by agencies, their progress and evidence, sign-off by the Learning and Improvement Group, and a note of impact.
 */
@ApplicationModule(
        displayName = "Learning",
        allowedDependencies = {"platform", "audit", "organisation", "calendar", "shared", "tasks", "documents"})
@NullMarked
package org.safeguardinghub.learning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
