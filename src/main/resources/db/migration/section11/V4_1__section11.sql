-- Section 11 (Children Act 2004) audits: a library of versioned templates (sections, standards, questions, a
-- scoring scale, sector variants), audit cycles shared by one or more partnerships, one return per agency and
-- cycle (self-scores, narrative evidence, answers, documents, improvement actions), moderation by panel members per
-- partnership (moderated scores, challenges and the agency's answers, a final position and feedback), panel
-- meetings, and publication of the cycle's analysis.

-- ---------------------------------------------------------------------------------------------------------------
-- Templates: shared definitions (like the indicator catalogue, metadata rather than data), versioned by code.
create table s11_template (
    id                   bigint generated always as identity primary key,
    code                 text not null,
    version              int not null,
    name                 text not null,
    -- CORE (Section 11), DISTRICT_COUNCIL (tailored), SCHOOLS_175 (section 175/157 for schools and colleges)
    variant              text not null,
    description          text not null default '',
    -- the scoring scale, lowest first: [{"score":0,"label":"Not met","description":"..."}, ...]
    scale                jsonb not null,
    allow_not_applicable boolean not null default true,
    -- where it came from: a file in the repository, an import, or a page
    source               text not null default '',
    created_at           timestamptz not null default now(),
    created_by_name      text not null default 'System',
    retired_at           timestamptz,
    constraint s11_template_variant_ck check (variant in ('CORE', 'DISTRICT_COUNCIL', 'SCHOOLS_175')),
    constraint s11_template_code_uq unique (code, version)
);

create table s11_section (
    id          bigint generated always as identity primary key,
    template_id bigint not null references s11_template (id),
    position    int not null,
    code        text not null,
    title       text not null,
    constraint s11_section_code_uq unique (template_id, code)
);

-- A standard's code (S1..S8 for the eight Section 11 arrangements) is stable across templates and versions, so
-- cycles and sector variants can be compared standard by standard.
create table s11_standard (
    id             bigint generated always as identity primary key,
    template_id    bigint not null references s11_template (id),
    section_id     bigint not null references s11_section (id),
    position       int not null,
    code           text not null,
    title          text not null,
    statement      text not null,
    guidance       text not null default '',
    -- [{"text":"Working Together to Safeguard Children 2023, chapter 2","url":"https://..."}]
    guidance_links jsonb not null default '[]',
    constraint s11_standard_code_uq unique (template_id, code)
);

create table s11_question (
    id          bigint generated always as identity primary key,
    standard_id bigint not null references s11_standard (id),
    position    int not null,
    code        text not null,
    text        text not null,
    hint        text not null default '',
    -- YES_NO, FREE_TEXT, or EVIDENCE (asks for a document); every standard also has its own self-score
    kind        text not null,
    required    boolean not null default false,
    constraint s11_question_kind_ck check (kind in ('YES_NO', 'FREE_TEXT', 'EVIDENCE')),
    constraint s11_question_code_uq unique (standard_id, code)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Cycles
create table s11_cycle (
    id                bigint generated always as identity primary key,
    name              text not null,
    opens_on          date not null,
    closes_on         date not null,
    moderation_from   date not null,
    moderation_to     date not null,
    previous_cycle_id bigint references s11_cycle (id),
    published_at      timestamptz,
    published_by_name text,
    created_at        timestamptz not null default now(),
    created_by_name   text not null,
    version           int not null default 0,
    constraint s11_cycle_dates_ck check (closes_on >= opens_on and moderation_to >= moderation_from
                                         and moderation_from >= opens_on)
);

-- The partnerships that run a cycle together (Kent and Medway run a joint one); each moderates independently.
create table s11_cycle_partnership (
    cycle_id       bigint not null references s11_cycle (id),
    partnership_id bigint not null references partnership (id),
    primary key (cycle_id, partnership_id)
);
create index s11_cycle_partnership_p_idx on s11_cycle_partnership (partnership_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Returns: one per expected agency and cycle, created when the agency is added to the cycle (so "expected versus
-- received" is a count of statuses). An agency serving several partnerships of the cycle submits once.
create table s11_return (
    id                     bigint generated always as identity primary key,
    cycle_id               bigint not null references s11_cycle (id),
    agency_id              bigint not null references agency (id),
    template_id            bigint not null references s11_template (id),
    -- NOT_STARTED, IN_PROGRESS, SUBMITTED, MODERATED
    status                 text not null default 'NOT_STARTED',
    carried_forward_from   bigint references s11_return (id),
    started_at             timestamptz,
    submitted_at           timestamptz,
    submitted_by_name      text,
    -- the declaration by the agency's accountable officer, made on submission
    declaration_name       text,
    declaration_role       text,
    updated_at             timestamptz not null default now(),
    version                int not null default 0,
    constraint s11_return_status_ck check (status in ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'MODERATED')),
    constraint s11_return_submitted_ck check (status in ('NOT_STARTED', 'IN_PROGRESS')
        or (submitted_at is not null and declaration_name is not null and declaration_role is not null)),
    constraint s11_return_agency_uq unique (cycle_id, agency_id)
);
create index s11_return_agency_idx on s11_return (agency_id);

-- Colleagues the agency lead invites to help complete the return (people of the same agency).
create table s11_contributor (
    return_id       bigint not null references s11_return (id),
    user_id         bigint not null references app_user (id),
    agency_id       bigint not null references agency (id),
    invited_by_name text not null,
    invited_at      timestamptz not null default now(),
    primary key (return_id, user_id)
);

-- Section progress as the person filling in the return marks it ("Have you completed this section?").
create table s11_section_progress (
    return_id  bigint not null references s11_return (id),
    section_id bigint not null references s11_section (id),
    agency_id  bigint not null references agency (id),
    completed  boolean not null default false,
    primary key (return_id, section_id)
);

-- The agency's answer to one standard. Each field change is versioned (optimistic lock) and audited.
create table s11_response (
    id              bigint generated always as identity primary key,
    return_id       bigint not null references s11_return (id),
    standard_id     bigint not null references s11_standard (id),
    agency_id       bigint not null references agency (id),
    self_score      smallint,
    not_applicable  boolean not null default false,
    evidence        text not null default '',
    -- carried forward from the previous cycle and not yet reviewed
    needs_review    boolean not null default false,
    updated_at      timestamptz not null default now(),
    updated_by_name text,
    version         int not null default 0,
    constraint s11_response_score_ck check (self_score is null or self_score between 0 and 9),
    constraint s11_response_na_ck check (not (not_applicable and self_score is not null)),
    constraint s11_response_standard_uq unique (return_id, standard_id)
);

create table s11_answer (
    response_id bigint not null references s11_response (id),
    question_id bigint not null references s11_question (id),
    agency_id   bigint not null references agency (id),
    -- YES_NO: 'YES' or 'NO'; FREE_TEXT and EVIDENCE: text
    value       text not null,
    primary key (response_id, question_id)
);

-- Improvement actions the agency plans; agreed ones become learning-tracker actions (source Section 11).
create table s11_improvement (
    id                 bigint generated always as identity primary key,
    return_id          bigint not null references s11_return (id),
    standard_id        bigint not null references s11_standard (id),
    agency_id          bigint not null references agency (id),
    text               text not null,
    owner_name         text not null,
    due_on             date not null,
    learning_action_id bigint,
    created_at         timestamptz not null default now(),
    created_by_name    text not null,
    version            int not null default 0
);
create index s11_improvement_return_idx on s11_improvement (return_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Moderation, per return and partnership
create table s11_assignment (
    id                   bigint generated always as identity primary key,
    return_id            bigint not null references s11_return (id),
    partnership_id       bigint not null references partnership (id),
    panel_member_id      bigint not null references app_user (id),
    -- copied so the database itself refuses a panel member moderating their own agency
    panel_member_agency  bigint not null references agency (id),
    return_agency_id     bigint not null references agency (id),
    assigned_at          timestamptz not null default now(),
    assigned_by_name     text not null,
    constraint s11_assignment_own_agency_ck check (panel_member_agency <> return_agency_id),
    constraint s11_assignment_uq unique (return_id, partnership_id, panel_member_id)
);
create index s11_assignment_member_idx on s11_assignment (panel_member_id);

create table s11_moderated_score (
    id              bigint generated always as identity primary key,
    return_id       bigint not null references s11_return (id),
    partnership_id  bigint not null references partnership (id),
    standard_id     bigint not null references s11_standard (id),
    agency_id       bigint not null references agency (id),
    moderated_score smallint,
    not_applicable  boolean not null default false,
    -- the panel's note; EMERGING_THEME or PROMISING_PRACTICE notes feed the themes document
    note            text not null default '',
    note_kind       text,
    updated_at      timestamptz not null default now(),
    updated_by_name text not null,
    version         int not null default 0,
    constraint s11_moderated_score_ck check (moderated_score is null or moderated_score between 0 and 9),
    constraint s11_moderated_na_ck check (not (not_applicable and moderated_score is not null)),
    constraint s11_moderated_note_kind_ck check (note_kind in ('EMERGING_THEME', 'PROMISING_PRACTICE')),
    constraint s11_moderated_score_uq unique (return_id, partnership_id, standard_id)
);

-- A challenge question from the panel and the agency's answer.
create table s11_challenge (
    id                bigint generated always as identity primary key,
    return_id         bigint not null references s11_return (id),
    partnership_id    bigint not null references partnership (id),
    standard_id       bigint not null references s11_standard (id),
    agency_id         bigint not null references agency (id),
    question          text not null,
    asked_by          bigint not null references app_user (id),
    asked_by_name     text not null,
    asked_at          timestamptz not null default now(),
    response          text,
    responded_by_name text,
    responded_at      timestamptz,
    version           int not null default 0
);
create index s11_challenge_return_idx on s11_challenge (return_id);

-- The panel's agreed position on a return for one partnership.
create table s11_moderation (
    return_id      bigint not null references s11_return (id),
    partnership_id bigint not null references partnership (id),
    agency_id      bigint not null references agency (id),
    -- FULLY_ASSURED, PARTLY_ASSURED, NOT_ASSURED
    final_position text not null,
    feedback       text not null,
    follow_up      text not null default '',
    agreed_at      timestamptz not null default now(),
    agreed_by_name text not null,
    version        int not null default 0,
    primary key (return_id, partnership_id),
    constraint s11_moderation_position_ck check (final_position in ('FULLY_ASSURED', 'PARTLY_ASSURED', 'NOT_ASSURED'))
);

create table s11_panel_meeting (
    id              bigint generated always as identity primary key,
    cycle_id        bigint not null references s11_cycle (id),
    partnership_id  bigint not null references partnership (id),
    held_on         date not null,
    attendees       text not null,
    notes           text not null default '',
    created_by_name text not null,
    version         int not null default 0
);

create table s11_panel_meeting_return (
    meeting_id bigint not null references s11_panel_meeting (id),
    return_id  bigint not null references s11_return (id),
    primary key (meeting_id, return_id)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Agency scope: agency-scoped people see only their own agency's rows, whatever the query.
alter table s11_return enable row level security;
create policy s11_return_agency_scope on s11_return
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
alter table s11_contributor enable row level security;
create policy s11_contributor_agency_scope on s11_contributor
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
alter table s11_section_progress enable row level security;
create policy s11_section_progress_agency_scope on s11_section_progress
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
alter table s11_response enable row level security;
create policy s11_response_agency_scope on s11_response
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
alter table s11_answer enable row level security;
create policy s11_answer_agency_scope on s11_answer
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
alter table s11_improvement enable row level security;
create policy s11_improvement_agency_scope on s11_improvement
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
alter table s11_challenge enable row level security;
create policy s11_challenge_agency_scope on s11_challenge
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());
-- the agency reads its moderated scores and final position once agreed (the service decides when to show them)
alter table s11_moderated_score enable row level security;
create policy s11_moderated_score_agency_scope on s11_moderated_score
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies());
alter table s11_moderation enable row level security;
create policy s11_moderation_agency_scope on s11_moderation
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies());
