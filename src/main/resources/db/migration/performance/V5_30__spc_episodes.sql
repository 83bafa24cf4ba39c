-- Early warning as NHS England's "Making Data Count" describes it: what a scan finds is grouped into episodes (one
-- stretch of special cause variation, one task), which can be acknowledged and end when the latest periods no longer
-- show them; control limits are re-based only at a recorded change. Replaces the per-rule, never-expiring signals.

drop table spc_signal;

create table spc_episode (
    id                   bigint generated always as identity primary key,
    partnership_id       bigint not null references partnership (id),
    indicator_id         bigint not null references indicator (id),
    -- UP or DOWN; variation is the MDC words: IMPROVEMENT, CONCERN or NEITHER
    direction            text not null,
    variation            text not null,
    -- period ends of its first and last point
    started_on           date not null,
    last_period          date not null,
    -- the rules seen in it: OUTSIDE_LIMITS, RUN_OF_7, TREND_OF_6, TWO_OF_THREE
    rules                text[] not null,
    explanation          text not null,
    detected_at          timestamptz not null default now(),
    -- set when the latest periods no longer show it; it then tags nothing and its task is closed
    ended_at             timestamptz,
    acknowledged_at      timestamptz,
    acknowledged_by_name text,
    cause                text,
    action_taken         text,
    version              int not null default 0,
    constraint spc_episode_direction_ck check (direction in ('UP', 'DOWN')),
    constraint spc_episode_variation_ck check (variation in ('IMPROVEMENT', 'CONCERN', 'NEITHER'))
);
create index spc_episode_open_idx on spc_episode (partnership_id, indicator_id) where ended_at is null;

-- A change in the process an indicator measures (a new service, a new definition), recorded with its reason: the
-- control limits are re-based from the first period after it.
create table spc_change (
    id               bigint generated always as identity primary key,
    partnership_id   bigint not null references partnership (id),
    indicator_id     bigint not null references indicator (id),
    -- the period end of the first point of the new phase
    period_end       date not null,
    reason           text not null,
    recorded_by_name text not null,
    recorded_at      timestamptz not null default now(),
    constraint spc_change_uq unique (indicator_id, period_end)
);

-- each point's sigma (its phase's average moving range / 1.128), for the "two of three near a limit" rule
alter table spc_point add column sigma double precision not null default 0;
