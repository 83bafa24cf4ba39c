-- Each partnership chooses when its rapid review clock (15 working days) starts: from notification of the national
-- panel (the default) or from the local authority becoming aware of the incident.
create table case_review_setting (
    partnership_id     bigint primary key references partnership (id),
    rapid_review_start text not null default 'NOTIFICATION',
    updated_at         timestamptz not null default now(),
    updated_by         text,
    version            int not null default 0,
    constraint case_review_setting_start_ck check (rapid_review_start in ('NOTIFICATION', 'LA_AWARE'))
);

-- A member of the public says when they found out (if they know); the local authority's date is then unknown and
-- the triage clock starts from receipt.
alter table referral add column notifier_aware_date date;

-- Panel members read the case detail of the reviews they take part in, and no other: a member row may name the Hub
-- account of the person (need to know by membership).
alter table rapid_review_member add column user_id bigint references app_user (id);
alter table practice_review_member add column user_id bigint references app_user (id);
create index rapid_review_member_user_idx on rapid_review_member (user_id) where user_id is not null;
create index practice_review_member_user_idx on practice_review_member (user_id) where user_id is not null;
