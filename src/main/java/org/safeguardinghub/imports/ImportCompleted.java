package org.safeguardinghub.imports;

/** A batch was committed: every row of the file is now in the Hub. Published inside the commit transaction. */
public record ImportCompleted(long batchId, String kind, int rowCount, long partnershipId) {}
