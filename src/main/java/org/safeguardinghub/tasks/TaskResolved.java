package org.safeguardinghub.tasks;

/** Published when the work a {@link TaskRequested} asked for is done: closes every open task from that source. */
public record TaskResolved(long partnershipId, String sourceType, String sourceId) {}
