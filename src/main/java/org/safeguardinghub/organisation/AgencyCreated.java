package org.safeguardinghub.organisation;

import java.util.List;

/** A new agency joined one or more partnerships; the business team will want to give it a safeguarding lead. */
public record AgencyCreated(long agencyId, String name, List<Long> partnershipIds) {}
