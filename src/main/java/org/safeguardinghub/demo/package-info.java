/**
 * Demo data: Kent's real partnership structure with fictional people, loaded once on the first start in demo mode,
 * so a business team can try the Hub in minutes. Never runs when {@code HUB_DEMO=false} or the {@code prod} profile
 * is active.
 */
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"platform", "identity", "calendar", "casereviews :: demo"})
@NullMarked
package org.safeguardinghub.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
