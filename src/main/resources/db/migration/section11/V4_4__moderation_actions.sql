-- Which learning-tracker action each agreed improvement became, per partnership: in a joint cycle each partnership
-- agrees its own final position and raises its own actions, so s11_improvement.learning_action_id (the first one)
-- is not enough to make "send to the tracker" idempotent per partnership.
create table s11_improvement_action (
    improvement_id     bigint not null references s11_improvement (id),
    partnership_id     bigint not null references partnership (id),
    agency_id          bigint not null references agency (id),
    learning_action_id bigint not null references learning_action (id),
    primary key (improvement_id, partnership_id)
);

alter table s11_improvement_action enable row level security;
create policy s11_improvement_action_agency_scope on s11_improvement_action
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
