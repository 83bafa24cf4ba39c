/**
 * The case reviews module's demo data: Kent's fictional referrals, rapid reviews, practice reviews and the tasks their
 * open work would have raised. The demo module calls it, in order, on the first start in demo mode; the dashboard
 * benchmark uses it for synthetic volume.
 */
@NamedInterface("demo")
@NullMarked
package org.safeguardinghub.casereviews.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
