package org.safeguardinghub.organisation;

/** A partnership as other modules see it. */
public record PartnershipSummary(long id, String name, String shortName, boolean archived) {}
