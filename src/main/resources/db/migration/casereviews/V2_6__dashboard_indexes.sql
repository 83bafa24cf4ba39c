-- Indexes for the two learning dashboards (casereviews.dashboards): referrals of a partnership by submission time
-- (drafts are never counted), the referrals an agency was involved in, and the
-- reviews that came from a referral.
create index referral_dashboard_idx on referral (partnership_id, submitted_at) where status <> 'DRAFT';
create index referral_agency_agency_idx on referral_agency (agency_id, referral_id);
create index practice_review_referral_idx on practice_review (referral_id);
