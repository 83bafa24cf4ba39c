/** Small shared building blocks used across modules: reporting periods and the rule for published figures. */
@ApplicationModule(displayName = "Shared building blocks", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.safeguardinghub.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
