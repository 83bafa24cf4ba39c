-- The organisation model: partnerships, agencies (which may serve several partnerships), areas and districts,
-- groups with their members. Nothing is deleted: archived_at marks what is no longer current.

create table partnership (
    id          bigint generated always as identity primary key,
    name        text not null,
    short_name  text not null,
    description text,
    archived_at timestamptz,
    version     int not null default 0,
    created_at  timestamptz not null default now()
);
create unique index partnership_short_name_uq on partnership (lower(short_name));

create table agency (
    id          bigint generated always as identity primary key,
    name        text not null,
    short_name  text,
    agency_type text not null,
    sector      text not null,
    archived_at timestamptz,
    version     int not null default 0,
    created_at  timestamptz not null default now()
);
create unique index agency_name_uq on agency (lower(name));
create index agency_name_search_idx on agency using gin (to_tsvector('simple', name || ' ' || coalesce(short_name, '')));

create table agency_partnership (
    agency_id      bigint not null references agency (id),
    partnership_id bigint not null references partnership (id),
    primary key (agency_id, partnership_id)
);
create index agency_partnership_partnership_idx on agency_partnership (partnership_id);

create table area (
    id             bigint generated always as identity primary key,
    partnership_id bigint not null references partnership (id),
    name           text not null,
    archived_at    timestamptz,
    version        int not null default 0
);
create unique index area_name_uq on area (partnership_id, lower(name));

create table district (
    id             bigint generated always as identity primary key,
    partnership_id bigint not null references partnership (id),
    area_id        bigint references area (id),
    name           text not null,
    former_names   text,
    ons_code       text,
    archived_at    timestamptz,
    version        int not null default 0
);
create unique index district_name_uq on district (partnership_id, lower(name));

create table partnership_group (
    id                  bigint generated always as identity primary key,
    partnership_id      bigint not null references partnership (id),
    parent_group_id     bigint references partnership_group (id),
    name                text not null,
    purpose             text,
    terms_of_reference  text,
    meeting_frequency   text,
    archived_at         timestamptz,
    version             int not null default 0
);
create unique index partnership_group_name_uq on partnership_group (partnership_id, lower(name));

create table group_member (
    id          bigint generated always as identity primary key,
    group_id    bigint not null references partnership_group (id),
    person_name text not null,
    job_title   text,
    agency_id   bigint references agency (id),
    member_role text not null,
    joined_on   date,
    left_on     date,
    version     int not null default 0
);
create index group_member_group_idx on group_member (group_id);
