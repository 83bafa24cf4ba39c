-- API tokens expire: each has an end date (a year after it is created; existing tokens a year after theirs, or
-- 30 days from now if that has passed, so no system stops without warning).
alter table api_token add column expires_at timestamptz;
update api_token set expires_at = greatest(created_at + interval '365 days', now() + interval '30 days');
alter table api_token alter column expires_at set not null;
create index api_token_live_idx on api_token (agency_id) where revoked_at is null;
