-- The multi-agency dataset: a catalogue of data items (raw figures an agency supplies) and indicators (formulas
-- over them), agencies' data returns with their values and revisions, computed indicator values, commentary,
-- early-warning signals, API tokens for agencies' systems, and record-level extract loads.

-- A raw figure: a count, sum or population, supplied by one agency for each period.
create table data_item (
    id                bigint generated always as identity primary key,
    partnership_id    bigint not null references partnership (id),
    code              text not null,
    name              text not null,
    definition        text not null default '',
    -- COUNT, SUM or POPULATION
    value_kind        text not null default 'COUNT',
    -- what one value means: MONTHLY, QUARTERLY, ANNUAL (a count over that period), SNAPSHOT (at the period's end),
    -- ROLLING_12_MONTHS or YEAR_TO_DATE (to the period's end)
    period_type       text not null,
    -- how often the agency returns it: MONTHLY, QUARTERLY or ANNUAL (one return per agency per frequency and period)
    frequency         text not null,
    source_agency_id  bigint references agency (id),
    -- optional breakdowns the agency also returns: DISTRICT, AGE_BAND, GENDER, ETHNICITY
    breakdowns        text[] not null default '{}',
    required          boolean not null default true,
    min_value         numeric,
    max_value         numeric,
    archived_at       timestamptz,
    updated_at        timestamptz not null default now(),
    version           int not null default 0,
    constraint data_item_kind_ck check (value_kind in ('COUNT', 'SUM', 'POPULATION')),
    constraint data_item_period_type_ck check (period_type in
        ('MONTHLY', 'QUARTERLY', 'ANNUAL', 'SNAPSHOT', 'ROLLING_12_MONTHS', 'YEAR_TO_DATE')),
    constraint data_item_frequency_ck check (frequency in ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
    constraint data_item_breakdowns_ck check (breakdowns <@ array['DISTRICT', 'AGE_BAND', 'GENDER', 'ETHNICITY']),
    constraint data_item_code_uq unique (partnership_id, code)
);

-- Cross-item validation rules, e.g. cp_second_time <= cp_plans. Checked on every return that holds both sides.
create table data_rule (
    id             bigint generated always as identity primary key,
    partnership_id bigint not null references partnership (id),
    code           text not null,
    left_item      text not null,
    operator       text not null,
    right_item     text not null,
    message        text not null,
    constraint data_rule_operator_ck check (operator in ('<=', '<', '>=', '>', '=')),
    constraint data_rule_code_uq unique (partnership_id, code)
);

-- An indicator's identity; its definition lives in versions (a formula change never rewrites history unless asked).
create table indicator (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    code            text not null,
    name            text not null,
    current_version int not null default 1,
    sort_order      int not null default 0,
    archived_at     timestamptz,
    updated_at      timestamptz not null default now(),
    version         int not null default 0,
    constraint indicator_code_uq unique (partnership_id, code)
);

create table indicator_version (
    id                      bigint generated always as identity primary key,
    indicator_id            bigint not null references indicator (id),
    version_no              int not null,
    -- sums and differences of data item codes, e.g. "cp_plans" or "referrals - re_referrals"
    numerator               text not null,
    numerator_description   text not null default '',
    denominator             text,
    denominator_description text not null default '',
    -- COUNT (numerator as it is), PERCENT, PER_1000, PER_10000 (numerator / denominator x factor)
    factor                  text not null default 'COUNT',
    -- LATEST (the value for the period), YEAR_TO_DATE or ROLLING_12_MONTHS (sums monthly numerators)
    aggregation             text not null default 'LATEST',
    decimals                int not null default 1,
    polarity                text not null default 'NEITHER',
    target                  numeric,
    -- red/amber/green: green at or better than green_from, red at or worse than red_from, amber between
    green_from              numeric,
    red_from                numeric,
    benchmark_england       numeric,
    benchmark_region        numeric,
    benchmark_neighbours    numeric,
    priorities              text[] not null default '{}',
    owner_group             text,
    methodology             text not null default '',
    -- periods ending on or after this date are computed with this version; earlier ones keep the older version's
    -- values until someone asks for history to be recomputed
    effective_from          date not null,
    history_recomputed_at   timestamptz,
    change_reason           text,
    created_by_name         text not null default 'Catalogue file',
    created_at              timestamptz not null default now(),
    constraint indicator_version_factor_ck check (factor in ('COUNT', 'PERCENT', 'PER_1000', 'PER_10000')),
    constraint indicator_version_aggregation_ck check (aggregation in ('LATEST', 'YEAR_TO_DATE', 'ROLLING_12_MONTHS')),
    constraint indicator_version_polarity_ck check (polarity in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEITHER')),
    constraint indicator_version_decimals_ck check (decimals between 0 and 4),
    constraint indicator_version_uq unique (indicator_id, version_no)
);

-- One agency's return of the items it owns for one period. Accepted returns are locked; a correction after
-- acceptance is a revision with who, when and why.
create table data_return (
    id               bigint generated always as identity primary key,
    partnership_id   bigint not null references partnership (id),
    agency_id        bigint not null references agency (id),
    frequency        text not null,
    period_start     date not null,
    period_end       date not null,
    due_on           date not null,
    status           text not null default 'DRAFT',
    submitted_at     timestamptz,
    submitted_by_name text,
    returned_comment text,
    returned_at      timestamptz,
    returned_by_name text,
    accepted_at      timestamptz,
    accepted_by_name text,
    revision         int not null default 0,
    last_channel     text,
    updated_at       timestamptz not null default now(),
    version          int not null default 0,
    constraint data_return_status_ck check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    constraint data_return_frequency_ck check (frequency in ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
    constraint data_return_channel_ck check (last_channel is null or last_channel in ('FORM', 'UPLOAD', 'API', 'EXTRACT', 'DEMO')),
    constraint data_return_uq unique (partnership_id, agency_id, frequency, period_end)
);
create index data_return_status_idx on data_return (partnership_id, status, due_on);

alter table data_return enable row level security;
create policy data_return_agency_scope on data_return
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());

-- One figure: an item, for an agency, for a period, in total (breakdown '' / '') or for one breakdown value.
-- value is the latest; first_value what was first accepted (published); source says where it came from.
create table data_value (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    data_item_id    bigint not null references data_item (id),
    agency_id       bigint not null references agency (id),
    return_id       bigint references data_return (id),
    period_end      date not null,
    breakdown_kind  text not null default '',
    breakdown_value text not null default '',
    value           numeric not null,
    first_value     numeric,
    comment         text,
    source          text not null,
    -- where a published figure comes from, e.g. "KSCB Annual Report 2014-15, performance table [000:908-911]"
    provenance      text,
    fictional       boolean not null default false,
    updated_at      timestamptz not null default now(),
    updated_by_name text,
    constraint data_value_source_ck check (source in ('FORM', 'UPLOAD', 'API', 'EXTRACT', 'DEMO', 'PUBLISHED')),
    constraint data_value_uq unique (data_item_id, agency_id, period_end, breakdown_kind, breakdown_value)
);
create index data_value_return_idx on data_value (return_id);
create index data_value_series_idx on data_value (partnership_id, data_item_id, breakdown_kind, breakdown_value, period_end);

alter table data_value enable row level security;
create policy data_value_agency_scope on data_value
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());

create table data_value_revision (
    id               bigint generated always as identity primary key,
    data_value_id    bigint not null references data_value (id),
    return_id        bigint references data_return (id),
    agency_id        bigint not null,
    old_value        numeric,
    new_value        numeric not null,
    reason           text not null,
    changed_by_name  text not null,
    changed_at       timestamptz not null default now()
);
create index data_value_revision_value_idx on data_value_revision (data_value_id, changed_at);

alter table data_value_revision enable row level security;
create policy data_value_revision_agency_scope on data_value_revision
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());

-- Computed indicator values: partnership-level aggregates (no agency detail), recomputed when data changes.
create table indicator_value (
    indicator_id    bigint not null references indicator (id),
    partnership_id  bigint not null references partnership (id),
    period_end      date not null,
    breakdown_kind  text not null default '',
    breakdown_value text not null default '',
    version_no      int not null,
    numerator       numeric,
    denominator     numeric,
    value           numeric,
    first_value     numeric,
    fictional       boolean not null default false,
    computed_at     timestamptz not null default now(),
    primary key (indicator_id, breakdown_kind, breakdown_value, period_end)
);
create index indicator_value_partnership_idx on indicator_value (partnership_id, period_end);

-- An agency's (or the business team's) commentary on an indicator for a period.
create table indicator_commentary (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    indicator_id    bigint not null references indicator (id),
    agency_id       bigint references agency (id),
    period_end      date not null,
    body            text not null,
    written_by_name text not null,
    written_at      timestamptz not null default now()
);
create index indicator_commentary_idx on indicator_commentary (indicator_id, period_end);

-- Statistical process control signals on an indicator's own history.
create table spc_signal (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    indicator_id    bigint not null references indicator (id),
    period_end      date not null,
    rule            text not null,
    direction       text not null,
    explanation     text not null,
    detected_at     timestamptz not null default now(),
    cleared_at      timestamptz,
    constraint spc_signal_rule_ck check (rule in ('OUTSIDE_LIMITS', 'RUN_OF_8', 'TREND_OF_6')),
    constraint spc_signal_direction_ck check (direction in ('UP', 'DOWN')),
    constraint spc_signal_uq unique (indicator_id, period_end, rule)
);
create index spc_signal_partnership_idx on spc_signal (partnership_id, cleared_at);

-- A token an agency's system uses to send returns through the API. Only a hash is stored; the token is shown once.
create table api_token (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    agency_id       bigint not null references agency (id),
    name            text not null,
    token_prefix    text not null,
    token_hash      text not null unique,
    created_by      bigint,
    created_by_name text not null,
    created_at      timestamptz not null default now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by_name text
);
create index api_token_agency_idx on api_token (partnership_id, agency_id);

-- A record-level extract (e.g. SSDA903 missing episodes) loaded and aggregated into data values; the child-level
-- rows are staged in a temporary table for the load only and never kept.
create table extract_load (
    id               bigint generated always as identity primary key,
    partnership_id   bigint not null references partnership (id),
    agency_id        bigint not null references agency (id),
    layout           text not null,
    file_name        text not null,
    file_sha256      text not null,
    period_end       date not null,
    status           text not null,
    row_count        int not null default 0,
    problem_count    int not null default 0,
    values_written   int not null default 0,
    load_millis      bigint,
    uploaded_by_name text not null,
    uploaded_at      timestamptz not null default now(),
    constraint extract_load_status_ck check (status in ('INVALID', 'LOADED', 'FAILED'))
);
create index extract_load_agency_idx on extract_load (partnership_id, agency_id, uploaded_at);

alter table extract_load enable row level security;
create policy extract_load_agency_scope on extract_load
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());

create table extract_problem (
    load_id     bigint not null references extract_load (id),
    row_number  int not null,
    column_name text,
    message     text not null
);
create index extract_problem_load_idx on extract_problem (load_id, row_number);

-- Which version of a catalogue file in the repository each partnership has loaded (files load at start when newer).
create table catalogue_file_load (
    partnership_id bigint not null references partnership (id),
    file_name      text not null,
    file_version   int not null,
    loaded_at      timestamptz not null default now(),
    primary key (partnership_id, file_name)
);
