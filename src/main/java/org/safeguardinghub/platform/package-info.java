/**
 * Technical kernel shared by every module: database start-up and access scope, web layout, error pages,
 * request logging and the {@link org.safeguardinghub.platform.security.Actor} abstraction of "who is acting".
 * It holds no business rules.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.safeguardinghub.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
