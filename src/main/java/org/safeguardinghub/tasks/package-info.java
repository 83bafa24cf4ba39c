/**
 * "What needs my attention": the home page's task list. Other modules never call it; it listens to their events
 * (an agency joined, an invitation was sent) and raises or closes tasks, with due dates from the working-day
 * calendar.
 */
@ApplicationModule(
        displayName = "Tasks",
        allowedDependencies = {"platform", "calendar", "organisation", "identity"})
@NullMarked
package org.safeguardinghub.tasks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
