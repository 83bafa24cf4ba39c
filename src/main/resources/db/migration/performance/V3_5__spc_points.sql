-- The control chart each early-warning scan drew for an indicator: the plotted points with their centre line and
-- limits. Kept so the early-warning page shows exactly what the signals were found on, and needs no agency-level
-- data (an indicator that is a rolling 12-month total is charted on its monthly figures, read from data values).
create table spc_point (
    indicator_id   bigint not null references indicator (id),
    partnership_id bigint not null references partnership (id),
    period_end     date not null,
    value          double precision not null,
    centre         double precision not null,
    lower_limit    double precision not null,
    upper_limit    double precision not null,
    -- XMR or P
    chart_kind     text not null,
    -- MONTHLY or QUARTERLY
    frequency      text not null,
    baseline_size  int not null,
    -- what is plotted, in words
    basis          text not null,
    primary key (indicator_id, period_end)
);
create index spc_point_partnership_idx on spc_point (partnership_id, indicator_id);
