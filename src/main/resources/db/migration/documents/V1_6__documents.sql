-- Uploaded documents (attachments, evidence, agendas, minutes, reports). Kept in PostgreSQL rather than on disk so
-- they are outside the web root, inside the same transaction as the record they belong to, and in every backup.
-- The owning module decides who may read a document; the owner is named by type and id.
create table document (
    id               bigint generated always as identity primary key,
    partnership_id   bigint not null,
    agency_id        bigint,
    owner_type       text not null,
    owner_id         bigint not null,
    file_name        text not null,
    content_type     text not null,
    size_bytes       bigint not null,
    sha256           text not null,
    content          bytea not null,
    description      text,
    uploaded_by      bigint,
    uploaded_by_name text not null,
    uploaded_at      timestamptz not null default now(),
    constraint document_size_ck check (size_bytes > 0)
);
create index document_owner_idx on document (owner_type, owner_id);

-- Agency-scoped documents (an agency's own evidence or contribution) are hidden from other agencies' users.
alter table document enable row level security;
create policy document_agency_scope on document
    using (hub_all_agencies() or agency_id is null or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id is null or agency_id = hub_agency_id());
