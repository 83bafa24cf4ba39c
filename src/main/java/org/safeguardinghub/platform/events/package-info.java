/**
 * The event publication registry's state, for code that must wait until events it published have been handled:
 * {@link org.safeguardinghub.platform.events.PendingEvents}.
 */
@NullMarked
package org.safeguardinghub.platform.events;

import org.jspecify.annotations.NullMarked;
