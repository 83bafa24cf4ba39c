package org.safeguardinghub.organisation;

import java.util.List;
import java.util.Optional;
import org.safeguardinghub.organisation.agencies.Agencies;
import org.safeguardinghub.organisation.districts.DistrictRecords;
import org.safeguardinghub.organisation.groups.GroupRecords;
import org.safeguardinghub.organisation.partnerships.PartnershipRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the organisation model: look-ups of partnerships and agencies. The organisation
 * model is a directory, not agency-scoped data, so these are open to every signed-in module caller.
 */
@Service
@Transactional(readOnly = true)
public class Organisation {

    private final PartnershipRecords partnerships;
    private final Agencies agencies;
    private final DistrictRecords districts;
    private final GroupRecords groups;

    Organisation(PartnershipRecords partnerships, Agencies agencies, DistrictRecords districts, GroupRecords groups) {
        this.partnerships = partnerships;
        this.agencies = agencies;
        this.districts = districts;
        this.groups = groups;
    }

    public List<PartnershipSummary> activePartnerships() {
        return partnerships.all(false);
    }

    public Optional<PartnershipSummary> partnership(long id) {
        return partnerships.byId(id);
    }

    public Optional<AgencySummary> agency(long id) {
        return agencies.byId(id).map(a -> new AgencySummary(a.id(), a.name(), a.type(), a.archived()));
    }

    /** Current agencies of a partnership, by name, for pick lists. */
    public List<AgencySummary> agenciesOf(long partnershipId) {
        return agencies.search(partnershipId, null, null, false, 1, 10_000).items().stream()
                .map(a -> new AgencySummary(a.id(), a.name(), a.type(), a.archived()))
                .toList();
    }

    /** Current districts of a partnership, by name. */
    public List<DistrictSummary> districtsOf(long partnershipId) {
        return districts.current(partnershipId).stream()
                .map(d -> new DistrictSummary(d.id(), d.name(), d.areaName()))
                .toList();
    }

    /** Current groups of a partnership, by name. */
    public List<GroupSummary> groupsOf(long partnershipId) {
        return groups.current(partnershipId).stream()
                .map(g -> new GroupSummary(g.id(), g.name(), g.parentGroupId()))
                .toList();
    }
}
