/**
 * Case reviews: referrals of serious incidents (a public form and signed-in drafts), triage and notification to the
 * national Child Safeguarding Practice Review Panel, rapid reviews with agency contributions, practice reviews from
 * commissioning to publication, learning themes on each, and the two learning dashboards. Case detail is sensitive:
 * only the business team and panel members read it, every read is audited, and agency leads see only the requests
 * addressed to their own agency.
 */
@ApplicationModule(
        displayName = "Case reviews",
        allowedDependencies = {
            "platform",
            "audit",
            "organisation",
            "calendar",
            "shared",
            "tasks",
            "documents",
            "learning",
            "learning :: demo"
        })
@NullMarked
package org.safeguardinghub.casereviews;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
