package org.safeguardinghub.section11.access;

import java.util.Set;
import org.safeguardinghub.section11.ReturnStatus;

/** The facts about a return that decide who may do what with it. */
public record ReturnRef(
        long id,
        long cycleId,
        String cycleName,
        long agencyId,
        String agencyName,
        long templateId,
        ReturnStatus status,
        int version,
        Set<Long> cyclePartnershipIds,
        boolean analysisPublished) {}
