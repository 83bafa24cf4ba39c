package org.safeguardinghub.performance.api;

import java.util.Set;
import org.safeguardinghub.performance.PerformanceAccess;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Permission;

/**
 * An agency's system calling the API with a token: it acts for the token's agency only, may only submit returns,
 * and is recorded in the audit trail under the person who created the token.
 */
record TokenActor(ApiTokens.TokenIdentity token) implements Actor {

    @Override
    public long userId() {
        return token.createdBy();
    }

    @Override
    public String displayName() {
        return "API: " + token.name() + " (" + token.agencyName() + ")";
    }

    @Override
    public Long agencyId() {
        return token.agencyId();
    }

    @Override
    public boolean seesAllAgencies() {
        return false;
    }

    @Override
    public long partnershipId() {
        return token.partnershipId();
    }

    @Override
    public String partnershipName() {
        return token.partnershipName();
    }

    @Override
    public boolean can(Permission permission) {
        return PerformanceAccess.RETURNS_SUBMIT.equals(permission);
    }

    @Override
    public Set<String> roleNames() {
        return Set.of();
    }
}
