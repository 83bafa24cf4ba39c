-- Platform tables shared by every module: the event publication registry and web sessions.
-- Runs as the schema owner; the application role (${app_role}) gets data rights only, never DDL.

alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- Spring Modulith event publication registry (schema v2): events between modules survive a crash.
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Spring Session JDBC: sessions live in PostgreSQL so several Hub instances can share signed-in users.
create table spring_session (
    primary_id            char(36) primary key,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);

-- Row-level security helpers. The application sets these per connection from the signed-in user
-- (see ScopedDataSource); policies on agency-scoped tables call them.
create function hub_all_agencies() returns boolean language sql stable as
$$ select coalesce(current_setting('hub.all_agencies', true), 'off') = 'on' $$;
create function hub_agency_id() returns bigint language sql stable as
$$ select nullif(current_setting('hub.agency_id', true), '')::bigint $$;
