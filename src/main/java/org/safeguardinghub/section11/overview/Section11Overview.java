package org.safeguardinghub.section11.overview;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.Section11Access;
import org.safeguardinghub.section11.cycles.Cycle;
import org.safeguardinghub.section11.cycles.Cycles;
import org.safeguardinghub.shared.SharedAccess;
import org.springframework.stereotype.Service;

/**
 * What the Section 11 landing page shows a person, section by section according to what they may do: the business
 * team's cycles, the agency's own returns, returns a practitioner was invited to, returns assigned to a panel
 * member, and published analyses. Everything is within the person's current partnership.
 */
@Service
public class Section11Overview {

    private final OverviewRecords records;
    private final Cycles cycles;

    Section11Overview(OverviewRecords records, Cycles cycles) {
        this.records = records;
        this.cycles = cycles;
    }

    /** A return as a row on the landing page. */
    record ReturnRow(
            long returnId,
            long cycleId,
            String cycleName,
            String agencyName,
            ReturnStatus status,
            LocalDate closesOn,
            @Nullable OffsetDateTime submittedAt) {}

    record View(
            boolean manages,
            List<Cycle> cycles,
            boolean agencyLead,
            List<ReturnRow> agencyReturns,
            boolean invitable,
            List<ReturnRow> invitedReturns,
            boolean moderates,
            List<ReturnRow> assignedReturns,
            boolean readsReports,
            List<Cycle> published) {}

    public View of(Actor actor) {
        boolean manages = actor.can(Section11Access.SECTION11_MANAGE);
        boolean responds = actor.can(Section11Access.SECTION11_RESPOND) && actor.agencyId() != null;
        boolean agencyLead = responds && actor.isIn(Audience.AGENCY_LEAD);
        boolean moderates = actor.can(Section11Access.SECTION11_MODERATE);
        boolean readsReports = actor.can(SharedAccess.REPORTS_VIEW) || manages;
        List<Cycle> partnershipCycles = cycles.inPartnership(actor.partnershipId());
        return new View(
                manages,
                manages ? partnershipCycles : List.of(),
                agencyLead,
                agencyLead ? records.agencyReturns(actor) : List.of(),
                responds && !agencyLead,
                responds && !agencyLead ? records.invitedReturns(actor) : List.of(),
                moderates,
                moderates ? records.assignedReturns(actor) : List.of(),
                readsReports,
                readsReports
                        ? partnershipCycles.stream().filter(Cycle::published).toList()
                        : List.of());
    }
}
