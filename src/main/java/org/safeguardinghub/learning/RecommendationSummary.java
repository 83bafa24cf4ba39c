package org.safeguardinghub.learning;

/** A recommendation as another module lists it under its source, with how far its actions have got. */
public record RecommendationSummary(long id, String reference, String text, int actions, int signedOff) {}
