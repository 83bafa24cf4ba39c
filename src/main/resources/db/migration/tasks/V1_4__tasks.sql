-- "What needs my attention": to-dos and deadlines other modules raise through events. A task is addressed to one
-- person, or to everyone holding a role in a partnership (optionally only within one agency).
create table task (
    id                bigint generated always as identity primary key,
    partnership_id    bigint not null,
    assignee_user_id  bigint,
    assignee_role     text,
    agency_id         bigint,
    title             text not null,
    link              text,
    due_on            date,
    source_type       text not null,
    source_id         text not null,
    status            text not null default 'OPEN',
    created_at        timestamptz not null default now(),
    completed_at      timestamptz,
    completed_by      bigint,
    constraint task_assignee_ck check (assignee_user_id is not null or assignee_role is not null),
    constraint task_status_ck check (status in ('OPEN', 'DONE'))
);
-- one task per source and addressee, so a re-delivered event cannot raise it twice
create unique index task_source_uq on task (source_type, source_id, partnership_id,
                                            coalesce(assignee_user_id, 0), coalesce(assignee_role, ''));
create index task_open_user_idx on task (assignee_user_id) where status = 'OPEN';
create index task_open_role_idx on task (partnership_id, assignee_role) where status = 'OPEN';
