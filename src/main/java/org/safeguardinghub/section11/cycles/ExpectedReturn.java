package org.safeguardinghub.section11.cycles;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.section11.ReturnStatus;

/** An agency expected to return in a cycle: its return, template and where the return is. */
public record ExpectedReturn(
        long returnId,
        long agencyId,
        String agencyName,
        AgencyType agencyType,
        long templateId,
        String templateName,
        int templateVersion,
        ReturnStatus status,
        @Nullable OffsetDateTime submittedAt) {}
