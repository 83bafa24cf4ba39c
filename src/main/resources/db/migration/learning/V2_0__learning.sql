-- Learning and improvement: the managed taxonomy of learning themes, and the tracker that turns recommendations
-- (from practice reviews, rapid reviews, national reviews, and later audits and Section 11) into actions owned by
-- agencies, with updates, evidence, sign-off by the Learning and Improvement Group, and a note of impact.

create table learning_theme (
    id          bigint generated always as identity primary key,
    name        text not null,
    description text,
    active      boolean not null default true,
    version     int not null default 0,
    constraint learning_theme_name_uq unique (name)
);

-- Seeded from the themes Kent's reports name (catalogue V3); administrators add and retire themes.
insert into learning_theme (name, description) values
    ('Record keeping', 'Accurate and timely records, including case management systems (KSCB 2014-15, 2015-16).'),
    ('Voice of the child', 'Listening to children, recording what they say and showing how it changed decisions.'),
    ('Supervision', 'Management oversight and supervision of complex cases.'),
    ('Parental mental health', 'Impact of parental mental ill-health on children (KSCMP priority 2024-26).'),
    ('Substance misuse', 'Parental drug and alcohol use and its impact on children.'),
    ('Domestic abuse', 'Impact of domestic abuse on children and young people.'),
    ('Professional curiosity', 'Respectful uncertainty and looking beyond what is presented.'),
    ('Father inclusion', 'Engaging fathers and male carers in assessment and planning.'),
    ('Escalation and challenge', 'Professional challenge and use of the escalation policy.'),
    ('Information sharing', 'Timely sharing of information between agencies.'),
    ('Safer sleeping', 'Safer sleep advice for infants (Baby T, 2022-23).'),
    ('Non-accidental injury', 'Bruising and injuries in non-mobile infants (NAI deep-dive).'),
    ('Neglect', 'Recognising and responding to neglect and its effect on the child''s lived experience.'),
    ('Exploitation', 'Child sexual and criminal exploitation, county lines and missing episodes.'),
    ('Self-harm and suicide', 'Early response to self-harm and suspected suicide of young people.'),
    ('Children with disabilities', 'Safeguarding disabled children (Lost in Plain Sight).'),
    ('Online safety', 'Online harms and the role of social media (KSCMP priority 2024-26).'),
    ('Early help', 'The early help offer, engagement and family refusal.'),
    ('Education safeguarding files', 'Safeguarding files in education and their transfer between settings.');

create table recommendation (
    id                bigint generated always as identity primary key,
    partnership_id    bigint not null references partnership (id),
    reference         text not null,
    source_type       text not null,
    source_id         bigint,
    source_title      text not null,
    text              text not null,
    owning_group_id   bigint references partnership_group (id),
    agreed_on         date,
    considered_on     date,
    created_at        timestamptz not null default now(),
    created_by_name   text not null,
    version           int not null default 0,
    constraint recommendation_source_ck check (source_type in
        ('PRACTICE_REVIEW', 'RAPID_REVIEW', 'NATIONAL_REVIEW', 'MULTI_AGENCY_AUDIT', 'SECTION_11', 'OTHER')),
    constraint recommendation_reference_uq unique (partnership_id, reference)
);
create index recommendation_source_idx on recommendation (partnership_id, source_type, source_id);

create table recommendation_theme (
    recommendation_id bigint not null references recommendation (id),
    theme_id          bigint not null references learning_theme (id),
    primary key (recommendation_id, theme_id)
);

-- An action is owned by one agency; agency leads see and update only their agency's actions (row-level security
-- below is the second line behind the scoped queries).
create table learning_action (
    id                 bigint generated always as identity primary key,
    partnership_id     bigint not null references partnership (id),
    recommendation_id  bigint not null references recommendation (id),
    reference          text not null,
    text               text not null,
    owner_agency_id    bigint not null references agency (id),
    owner_person       text,
    due_on             date,
    status             text not null default 'NOT_STARTED',
    completed_on       date,
    signed_off_on      date,
    signed_off_by_name text,
    sign_off_note      text,
    impact_note        text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            int not null default 0,
    constraint learning_action_status_ck check (status in
        ('NOT_STARTED', 'UNDERWAY', 'COMPLETED', 'SIGNED_OFF', 'AWAITING_NATIONAL')),
    constraint learning_action_signed_off_ck check (status <> 'SIGNED_OFF' or signed_off_on is not null),
    constraint learning_action_reference_uq unique (partnership_id, reference)
);
create index learning_action_recommendation_idx on learning_action (recommendation_id);
create index learning_action_tracker_idx on learning_action (partnership_id, status, due_on);
create index learning_action_agency_idx on learning_action (owner_agency_id, status);

alter table learning_action enable row level security;
create policy learning_action_agency_scope on learning_action
    using (hub_all_agencies() or owner_agency_id = hub_agency_id())
    with check (hub_all_agencies() or owner_agency_id = hub_agency_id());

-- Progress notes on an action, newest last; each records any status change it made.
create table learning_action_update (
    id              bigint generated always as identity primary key,
    action_id       bigint not null references learning_action (id),
    agency_id       bigint not null,
    written_at      timestamptz not null default now(),
    written_by      bigint,
    written_by_name text not null,
    text            text not null,
    status_from     text,
    status_to       text
);
create index learning_action_update_action_idx on learning_action_update (action_id, written_at);

alter table learning_action_update enable row level security;
create policy learning_action_update_agency_scope on learning_action_update
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
