-- Imports: an uploaded file is staged row by row, validated into a report of problems, then committed all at once.
-- partnership_id and agency_id are plain numbers (no foreign keys): the imports module does not depend on the
-- organisation module's tables.

create table import_batch (
    id               bigint generated always as identity primary key,
    kind             text not null,
    partnership_id   bigint not null,
    agency_id        bigint,
    uploaded_by      bigint not null,
    uploaded_by_name text not null,
    file_name        text not null,
    status           text not null,
    total_rows       int not null default 0,
    processed_rows   int not null default 0,
    problem_count    int not null default 0,
    error_message    text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    committed_at     timestamptz,
    version          int not null default 0,
    constraint import_batch_status_ck
        check (status in ('UPLOADED', 'VALIDATING', 'INVALID', 'VALID', 'COMMITTED', 'FAILED'))
);
create index import_batch_partnership_idx on import_batch (partnership_id, created_at desc);

-- The file's rows as uploaded: column name (as the import kind names it) to text value.
create table import_row (
    batch_id   bigint not null references import_batch (id),
    row_number int not null,
    values     jsonb not null,
    primary key (batch_id, row_number)
);

-- The validation report: one line per problem, by row and column (column null for a problem with the whole row).
create table import_problem (
    id          bigint generated always as identity primary key,
    batch_id    bigint not null references import_batch (id),
    row_number  int not null,
    column_name text,
    message     text not null
);
create index import_problem_batch_idx on import_problem (batch_id, row_number, id);

-- Second line of agency scoping, as for app_user: a connection scoped to one agency sees only its own batches.
alter table import_batch enable row level security;
create policy import_batch_agency_scope on import_batch
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
