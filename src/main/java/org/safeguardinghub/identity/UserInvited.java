package org.safeguardinghub.identity;

import java.util.Set;

/** Someone was invited to the Hub with these roles; the invitation is pending until they set a password or sign in. */
public record UserInvited(long userId, long agencyId, long partnershipId, Set<Role> roles) {}
