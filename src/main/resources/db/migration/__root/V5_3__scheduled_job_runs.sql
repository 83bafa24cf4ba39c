-- Scheduled jobs run once per cluster (ClusterJobs): a node claims (job, slot) by inserting its row; the primary key
-- makes every other node's claim for the same slot a no-op, even when their runs do not overlap in time.
create table scheduled_job_run (
    job         text not null,
    slot        text not null,           -- the cron fire time it stands for, e.g. 2026-11-24T06:15:00 (Europe/London)
    node        text not null,           -- host/pid of the JVM that claimed it (the last one, after a takeover)
    started_at  timestamptz not null,
    finished_at timestamptz,             -- null while running, or when the node died mid-job
    outcome     text,                    -- DONE, or FAILED: and the error
    takeovers   int not null default 0,  -- how often a stale claim was taken over by another node
    primary key (job, slot)
);
create index scheduled_job_run_started_idx on scheduled_job_run (started_at);
