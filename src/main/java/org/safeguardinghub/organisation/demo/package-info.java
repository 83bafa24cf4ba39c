/**
 * Organisation's demo data for other modules' demos: the agencies a demo needs beyond the Kent script, added the way
 * the script adds them (no audit entry, no "invite a lead" task).
 */
@NamedInterface("demo")
@NullMarked
package org.safeguardinghub.organisation.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
