-- Anonymous surveys for staff, children and families (first used by the Section 11 staff survey): a survey with its
-- questions, public links (one per audience, e.g. per agency) that need no sign-in, and responses that hold no
-- personal data at all: no name, no address, no IP, no time of day (only the date).

create table survey (
    id             bigint generated always as identity primary key,
    partnership_id bigint not null references partnership (id),
    title          text not null,
    introduction   text not null default '',
    -- the record the survey belongs to, e.g. 's11-cycle' and the cycle id; null for a free-standing survey
    owner_type     text,
    owner_id       bigint,
    opens_on       date not null,
    closes_on      date not null,
    created_at     timestamptz not null default now(),
    created_by_name text not null,
    version        int not null default 0,
    constraint survey_dates_ck check (closes_on >= opens_on)
);
create index survey_owner_idx on survey (owner_type, owner_id);

create table survey_question (
    id        bigint generated always as identity primary key,
    survey_id bigint not null references survey (id),
    position  int not null,
    code      text not null,
    text      text not null,
    hint      text not null default '',
    -- LIKERT (strongly agree .. strongly disagree), YES_NO_DONT_KNOW or FREE_TEXT
    kind      text not null,
    -- what the question is evidence for, e.g. a Section 11 standard code 'S7'; used to put results beside it
    tag       text,
    required  boolean not null default true,
    constraint survey_question_kind_ck check (kind in ('LIKERT', 'YES_NO_DONT_KNOW', 'FREE_TEXT')),
    constraint survey_question_code_uq unique (survey_id, code)
);

-- A public link for one audience (e.g. the staff of one agency). The token is a capability to answer, not to read,
-- so it is kept as is and shown again to the business team.
create table survey_link (
    id             bigint generated always as identity primary key,
    survey_id      bigint not null references survey (id),
    token          text not null unique,
    audience_label text not null,
    agency_id      bigint references agency (id),
    created_at     timestamptz not null default now(),
    closed_at      timestamptz,
    constraint survey_link_audience_uq unique (survey_id, agency_id)
);

create table survey_response (
    id           bigint generated always as identity primary key,
    survey_id    bigint not null references survey (id),
    link_id      bigint not null references survey_link (id),
    submitted_on date not null default current_date
);
create index survey_response_link_idx on survey_response (link_id);

create table survey_answer (
    response_id bigint not null references survey_response (id),
    question_id bigint not null references survey_question (id),
    -- LIKERT: STRONGLY_AGREE, AGREE, NEITHER, DISAGREE, STRONGLY_DISAGREE, NOT_APPLICABLE;
    -- YES_NO_DONT_KNOW: YES, NO, DONT_KNOW; FREE_TEXT: the text
    value       text not null,
    primary key (response_id, question_id)
);
