/**
 * Working days, bank holidays in England (the bundled official list, lists loaded from GOV.UK, projected years after
 * them) and statutory clocks (such as Working Together 2023 time limits).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Calendar and statutory clocks",
        allowedDependencies = {"platform", "audit"})
@org.jspecify.annotations.NullMarked
package org.safeguardinghub.calendar;
