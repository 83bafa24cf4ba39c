package org.safeguardinghub.casereviews;

/**
 * A referral of a serious incident has arrived (from the public form or a signed-in notifier) and awaits triage.
 * Published inside the submitting transaction, so listeners see it only once it is committed.
 */
public record ReferralReceived(long referralId, long partnershipId, String reference) {}
