-- Organisation's published read models. Other modules read agencies, partnerships, districts and groups through these
-- views, never the tables, so organisation may change its tables behind them; nobody but organisation writes them
-- (TableOwnershipTests). security_invoker: a reader's own row level security applies, as for the tables.
create view agency_view with (security_invoker = true) as
    select id, name, short_name, agency_type, sector, archived_at, created_at from agency;

create view partnership_view with (security_invoker = true) as
    select id, name, short_name, description, archived_at, created_at from partnership;

create view agency_partnership_view with (security_invoker = true) as
    select agency_id, partnership_id from agency_partnership;

create view district_view with (security_invoker = true) as
    select id, partnership_id, area_id, name, former_names, ons_code, archived_at from district;

create view partnership_group_view with (security_invoker = true) as
    select id, partnership_id, parent_group_id, name, purpose, terms_of_reference, meeting_frequency, archived_at
    from partnership_group;
