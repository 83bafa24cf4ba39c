/** Working days, bank holidays in England and statutory clocks (such as Working Together 2023 time limits). */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar and statutory clocks")
@org.jspecify.annotations.NullMarked
package org.safeguardinghub.calendar;
