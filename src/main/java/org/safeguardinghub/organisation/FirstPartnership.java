package org.safeguardinghub.organisation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the very first start of a production Hub: makes sure one partnership and one agency exist, so the first
 * administrator has somewhere to belong. Does nothing once any partnership exists.
 */
@Service
public class FirstPartnership {

    private final FirstPartnershipRecords records;

    FirstPartnership(FirstPartnershipRecords records) {
        this.records = records;
    }

    public record Ids(long partnershipId, long agencyId) {}

    @Transactional
    public Ids ensure(String partnershipName, String shortName, String agencyName) {
        var existing = records.existing();
        if (existing.isPresent()) {
            return existing.get();
        }
        long partnership = records.insertPartnership(partnershipName, shortName);
        long agency = records.insertLocalAuthority(agencyName, partnership);
        return new Ids(partnership, agency);
    }
}
