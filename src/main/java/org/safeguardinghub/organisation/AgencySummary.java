package org.safeguardinghub.organisation;

/** An agency as other modules see it. */
public record AgencySummary(long id, String name, AgencyType type, boolean archived) {}
