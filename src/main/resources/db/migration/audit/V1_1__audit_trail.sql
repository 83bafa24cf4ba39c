-- Append-only audit trail. The application role may insert and read, never update or delete;
-- a trigger refuses changes even from roles that hold the privilege (defence in depth).
create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    actor_user_id  bigint,
    actor_name     text not null,
    source_address text,
    request_id     text,
    action         text not null,
    record_type    text not null,
    record_id      text,
    partnership_id bigint,
    changes        jsonb not null default '{}'::jsonb
);
create index audit_event_occurred_idx on audit_event (occurred_at desc);
create index audit_event_record_idx on audit_event (record_type, record_id);
create index audit_event_actor_idx on audit_event (actor_user_id, occurred_at desc);

revoke update, delete, truncate on audit_event from ${app_role};

create function audit_event_is_append_only() returns trigger language plpgsql as
$$ begin raise exception 'audit_event is append-only'; end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
