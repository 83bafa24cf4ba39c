/**
 * Anonymous surveys answered through a public link without signing in: staff surveys for Section 11
 * triangulation first, and later the partnership's other surveys (escalation policy awareness, children and
 * families' voice). A survey has questions (Likert, yes/no/don't know, free text), each optionally tagged with what
 * it is evidence for; one link per audience (for example per agency); responses that hold no personal data. Results
 * are counted per link and tag and published through {@code shared.SafeTable} (rounded, small counts hidden).
 */
@ApplicationModule(
        displayName = "Surveys",
        allowedDependencies = {"platform", "audit", "organisation", "shared"})
@NullMarked
package org.safeguardinghub.surveys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
