package org.safeguardinghub.tasks;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Published by any module that needs someone to act: the task list raises it once per source and addressee (a
 * re-delivered event changes nothing). Address it to a role in a partnership, optionally only within one agency
 * (for example the agency lead of the agency a request is addressed to).
 *
 * <p>A closed task stays closed when the same request comes again, unless the request starts a new round of the
 * same work ({@link #reopening}): a return submitted again after it was sent back, an action taken back from
 * "completed". Then a task closed before that moment opens again; one closed after it (the round already done, the
 * event re-delivered late) stays closed.
 *
 * @param role the role name as in the identity module's {@code Role} enum, for example {@code BUSINESS_TEAM}
 * @param sourceType a short kebab-case name for the kind of thing, for example {@code referral-triage}
 * @param sourceId the id of the thing within its kind; with the type it closes the task later
 * @param reopensClosedBefore when set, a task from this source closed before this moment opens again
 */
public record TaskRequested(
        long partnershipId,
        String role,
        @Nullable Long agencyId,
        String title,
        String link,
        @Nullable LocalDate dueOn,
        String sourceType,
        String sourceId,
        @Nullable Instant reopensClosedBefore) {

    /** A request that leaves a closed task from the same source closed. */
    public TaskRequested(
            long partnershipId,
            String role,
            @Nullable Long agencyId,
            String title,
            String link,
            @Nullable LocalDate dueOn,
            String sourceType,
            String sourceId) {
        this(partnershipId, role, agencyId, title, link, dueOn, sourceType, sourceId, null);
    }

    /** The same request as the start of a new round of the work, at {@code now}. */
    public TaskRequested reopening(Instant now) {
        return new TaskRequested(partnershipId, role, agencyId, title, link, dueOn, sourceType, sourceId, now);
    }
}
