package org.safeguardinghub.casereviews.dashboards;

/** Referrals and national notifications in one financial year (starting April {@code startYear}). */
public record YearCount(int startYear, long referrals, long notifications) {}
