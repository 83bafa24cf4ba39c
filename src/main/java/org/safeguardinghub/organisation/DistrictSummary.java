package org.safeguardinghub.organisation;

import org.jspecify.annotations.Nullable;

/** A district as other modules see it, for pick lists and figures by district. */
public record DistrictSummary(
        long id, String name, @Nullable String areaName) {}
