package org.safeguardinghub.section11.cycles;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the business team sets on a cycle, checked by the controller before it gets here. */
public record CycleInput(
        String name,
        Set<Long> partnershipIds,
        LocalDate opensOn,
        LocalDate closesOn,
        LocalDate moderationFrom,
        LocalDate moderationTo,
        @Nullable Long previousCycleId) {}
