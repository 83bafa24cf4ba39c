/**
 * The learning module's demo data (the Kent tracker), which the case review demo loads for the reviews it writes.
 */
@NamedInterface("demo")
@NullMarked
package org.safeguardinghub.learning.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
