package org.safeguardinghub.identity;

/** Someone was invited to the Hub; the invitation is pending until they set a password or sign in. */
public record UserInvited(long userId, long agencyId, long partnershipId) {}
