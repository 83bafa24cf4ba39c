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
