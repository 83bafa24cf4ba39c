package org.safeguardinghub.tasks;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Published by any module that needs someone to act: the task list raises it once per source and addressee (a
 * re-delivered event changes nothing). Address it to a role in a partnership, optionally only within one agency
 * (for example the agency lead of the agency a request is addressed to).
 *
 * @param role the role name as in the identity module's {@code Role} enum, for example {@code BUSINESS_TEAM}
 * @param sourceType a short kebab-case name for the kind of thing, for example {@code referral-triage}
 * @param sourceId the id of the thing within its kind; with the type it closes the task later
 */
public record TaskRequested(
        long partnershipId,
        String role,
        @Nullable Long agencyId,
        String title,
        String link,
        @Nullable LocalDate dueOn,
        String sourceType,
        String sourceId) {}
