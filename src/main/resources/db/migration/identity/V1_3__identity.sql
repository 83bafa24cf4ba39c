-- People who sign in, and the roles they hold in each partnership.
create table app_user (
    id                    bigint generated always as identity primary key,
    email                 text not null,
    display_name          text not null,
    job_title             text,
    agency_id             bigint not null references agency (id),
    password_hash         text,
    must_change_password  boolean not null default false,
    status                text not null default 'ACTIVE',
    failed_sign_ins       int not null default 0,
    locked_until          timestamptz,
    last_sign_in_at       timestamptz,
    invitation_token_hash text,
    invitation_expires_at timestamptz,
    created_at            timestamptz not null default now(),
    version               int not null default 0,
    constraint app_user_status_ck check (status in ('INVITED', 'ACTIVE', 'DEACTIVATED'))
);
create unique index app_user_email_uq on app_user (lower(email));
create index app_user_agency_idx on app_user (agency_id);
create unique index app_user_invitation_uq on app_user (invitation_token_hash) where invitation_token_hash is not null;

create table user_role (
    user_id        bigint not null references app_user (id),
    partnership_id bigint not null references partnership (id),
    role           text not null,
    primary key (user_id, partnership_id, role)
);

-- Second line of agency scoping: a connection scoped to one agency sees only that agency's people.
alter table app_user enable row level security;
create policy app_user_agency_scope on app_user
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
