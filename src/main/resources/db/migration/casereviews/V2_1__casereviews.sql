-- Case reviews: serious incident referrals (public or signed-in), triage and national notification, rapid reviews
-- with agency contributions, practice reviews with panels and publication, and the learning themes tagged on each.
-- Case records are sensitive: reads are audited by the module, and only the business team and panel members see
-- case detail. Agency requests are row-level scoped to the agency they are addressed to.

-- A referral of a serious incident. A signed-in notifier's draft is a row with status DRAFT (autosaved); the public
-- form creates the row already RECEIVED. One referral may cover several children and counts once.
create table referral (
    id                       bigint generated always as identity primary key,
    partnership_id           bigint not null references partnership (id),
    reference                text not null,
    status                   text not null,
    source                   text not null,
    -- what happened
    incident_date            date,
    la_aware_date            date,
    harm                     text,
    abuse_or_neglect         text,
    child_in_care            boolean,
    incident_summary         text,
    incident_location        text,
    -- who is telling us and why
    notifier_name            text,
    notifier_role            text,
    notifier_organisation    text,
    notifier_agency_id       bigint references agency (id),
    notifier_email           text,
    notifier_phone           text,
    rationale                text,
    created_by               bigint,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    submitted_at             timestamptz,
    -- triage: whether the local authority notifies the national Child Safeguarding Practice Review Panel
    national_decision        text,
    national_decision_on     date,
    national_decision_by     text,
    national_decision_reason text,
    notified_on              date,
    -- local route (not notified nationally): the practice review group decides on a local review
    local_decision           text,
    local_decision_on        date,
    local_decision_by        text,
    local_decision_reason    text,
    closed_on                date,
    version                  int not null default 0,
    constraint referral_reference_uq unique (reference),
    constraint referral_status_ck check (status in
        ('DRAFT', 'RECEIVED', 'NOTIFIED', 'RAPID_REVIEW', 'LOCAL_CONSIDERATION', 'REVIEW_COMMISSIONED', 'CLOSED')),
    constraint referral_source_ck check (source in ('PUBLIC', 'SIGNED_IN', 'IMPORTED')),
    constraint referral_harm_ck check (harm is null or harm in ('DIED', 'SERIOUSLY_HARMED', 'OTHER')),
    constraint referral_abuse_ck check (abuse_or_neglect is null or abuse_or_neglect in ('KNOWN', 'SUSPECTED', 'NOT_SUSPECTED', 'UNKNOWN')),
    constraint referral_national_ck check (national_decision is null or national_decision in ('NOTIFY', 'DO_NOT_NOTIFY')),
    constraint referral_local_ck check (local_decision is null or local_decision in ('LOCAL_REVIEW', 'NO_REVIEW'))
);
create index referral_partnership_idx on referral (partnership_id, status, submitted_at);
create index referral_draft_owner_idx on referral (created_by) where status = 'DRAFT';

-- Each child in a referral. Age band is what dashboards use; date of birth is optional (data minimisation).
create table referral_child (
    id                bigint generated always as identity primary key,
    referral_id       bigint not null references referral (id),
    position          int not null,
    age_years         int,
    date_of_birth     date,
    age_band          text,
    gender            text,
    ethnicity         text,
    disability        text,
    statutory_status  text,
    district_id       bigint references district (id),
    constraint referral_child_position_uq unique (referral_id, position),
    constraint referral_child_age_band_ck check (age_band is null or age_band in
        ('UNBORN', 'UNDER_1', '1_TO_4', '5_TO_10', '11_TO_15', '16_PLUS')),
    constraint referral_child_gender_ck check (gender is null or gender in ('1', '2', '0', '9')),
    constraint referral_child_status_ck check (statutory_status is null or statutory_status in
        ('NONE', 'EARLY_HELP', 'CHILD_IN_NEED', 'CHILD_PROTECTION_PLAN', 'CHILD_IN_CARE', 'CARE_LEAVER'))
);
create index referral_child_referral_idx on referral_child (referral_id);

create table referral_agency (
    referral_id bigint not null references referral (id),
    agency_id   bigint not null references agency (id),
    primary key (referral_id, agency_id)
);

-- The rapid review that follows a national notification: due 15 working days after notification.
create table rapid_review (
    id                bigint generated always as identity primary key,
    partnership_id    bigint not null references partnership (id),
    referral_id       bigint not null references referral (id),
    meeting_on        date,
    outcome           text,
    other_review_type text,
    outcome_reason    text,
    completed_on      date,
    sent_to_panel_on  date,
    version           int not null default 0,
    constraint rapid_review_referral_uq unique (referral_id),
    constraint rapid_review_outcome_ck check (outcome is null or outcome in
        ('LCSPR', 'NO_FURTHER_REVIEW', 'OTHER_REVIEW'))
);

create table rapid_review_member (
    id              bigint generated always as identity primary key,
    rapid_review_id bigint not null references rapid_review (id),
    person_name     text not null,
    role            text,
    agency_id       bigint references agency (id)
);
create index rapid_review_member_idx on rapid_review_member (rapid_review_id);

-- Local and national practice reviews, and the other review types a rapid review or the practice review group can
-- commission. Target: published within 6 months of commissioning.
create table practice_review (
    id                      bigint generated always as identity primary key,
    partnership_id          bigint not null references partnership (id),
    referral_id             bigint references referral (id),
    title                   text not null,
    review_type             text not null,
    status                  text not null default 'COMMISSIONED',
    commissioned_on         date not null,
    reviewers               text,
    terms_of_reference      text,
    panel_group_id          bigint references partnership_group (id),
    family_involvement      text,
    draft_report_on         date,
    final_report_on         date,
    signed_off_on           date,
    signed_off_by           text,
    publication             text,
    publication_delay_reason text,
    published_on            date,
    version                 int not null default 0,
    constraint practice_review_type_ck check (review_type in
        ('LCSPR', 'LEARNING_REVIEW', 'THEMATIC_REVIEW', 'WINDOW_ON_THE_SYSTEM', 'MANAGEMENT_REVIEW',
         'SINGLE_AGENCY_REVIEW', 'NATIONAL_CSPR')),
    constraint practice_review_status_ck check (status in
        ('COMMISSIONED', 'IN_PROGRESS', 'DRAFT_REPORT', 'FINAL_REPORT', 'SIGNED_OFF', 'PUBLICATION_DELAYED', 'PUBLISHED')),
    constraint practice_review_publication_ck check (publication is null or publication in ('NAMED', 'ANONYMISED', 'DELAYED')),
    constraint practice_review_published_needs_sign_off_ck check (status <> 'PUBLISHED' or signed_off_on is not null)
);
create index practice_review_partnership_idx on practice_review (partnership_id, status);

create table practice_review_member (
    id                 bigint generated always as identity primary key,
    practice_review_id bigint not null references practice_review (id),
    person_name        text not null,
    role               text,
    agency_id          bigint references agency (id)
);
create index practice_review_member_idx on practice_review_member (practice_review_id);

-- Panel meetings of a practice review; agenda and minutes are documents (owner type 'panel-meeting').
create table panel_meeting (
    id                 bigint generated always as identity primary key,
    practice_review_id bigint not null references practice_review (id),
    meeting_on         date not null,
    notes              text,
    version            int not null default 0
);
create index panel_meeting_review_idx on panel_meeting (practice_review_id, meeting_on);

-- A request to one agency for its involvement summary, chronology or agency report, answered by that agency's
-- lead inside the Hub. Row-level security: an agency's users see only requests addressed to their agency.
create table agency_request (
    id                 bigint generated always as identity primary key,
    partnership_id     bigint not null references partnership (id),
    referral_id        bigint references referral (id),
    practice_review_id bigint references practice_review (id),
    agency_id          bigint not null references agency (id),
    kind               text not null,
    question           text,
    requested_on       date not null,
    due_on             date,
    requested_by_name  text not null,
    status             text not null default 'REQUESTED',
    response           text,
    answered_on        date,
    answered_by        bigint,
    answered_by_name   text,
    version            int not null default 0,
    constraint agency_request_kind_ck check (kind in ('INVOLVEMENT_SUMMARY', 'CHRONOLOGY', 'AGENCY_REPORT')),
    constraint agency_request_status_ck check (status in ('REQUESTED', 'ANSWERED', 'WITHDRAWN')),
    constraint agency_request_owner_ck check (referral_id is not null or practice_review_id is not null)
);
create index agency_request_agency_idx on agency_request (agency_id, status);
create index agency_request_referral_idx on agency_request (referral_id);
create index agency_request_review_idx on agency_request (practice_review_id);

alter table agency_request enable row level security;
create policy agency_request_agency_scope on agency_request
    using (hub_all_agencies() or agency_id = hub_agency_id())
    with check (hub_all_agencies() or agency_id = hub_agency_id());

-- Learning themes tagged on referrals, rapid reviews and practice reviews (taxonomy in the learning module).
create table case_theme (
    partnership_id bigint not null references partnership (id),
    owner_type     text not null,
    owner_id       bigint not null,
    theme_id       bigint not null references learning_theme (id),
    tagged_on      date not null default current_date,
    primary key (owner_type, owner_id, theme_id),
    constraint case_theme_owner_ck check (owner_type in ('REFERRAL', 'RAPID_REVIEW', 'PRACTICE_REVIEW'))
);
create index case_theme_theme_idx on case_theme (partnership_id, theme_id);

-- How long each kind of case record is kept, and why (UK GDPR storage limitation). Shown on the data protection page.
create table record_retention (
    record_type text primary key,
    kept_for    text not null,
    basis       text not null,
    minimised   text
);
insert into record_retention (record_type, kept_for, basis, minimised) values
    ('Referral of a serious incident', '15 years from closure of the case or review',
     'UK GDPR Art 6(1)(e) public task; Art 9(2)(g) with DPA 2018 Sch 1 para 18 (safeguarding of children)',
     'Names of children are not collected; age band is recorded and date of birth is optional'),
    ('Child details in a referral', '15 years from closure, then deleted with the referral',
     'As for the referral', 'Age band, gender, ethnicity, disability, statutory status and district only'),
    ('Rapid review record and agency contributions', '15 years from the rapid review',
     'Working Together 2023, chapter 5; DPA 2018 Sch 1 para 18', null),
    ('Practice review, panel papers and reports', 'Permanently for published reports; 15 years for working papers',
     'Children Act 2004 s16C; SI 2018/789 reg 14', null),
    ('Recommendations and actions', '10 years after the last action is signed off',
     'Working Together 2023: partners must show recommendations were implemented with impact', null),
    ('Attachments and evidence documents', 'As for the record they belong to', 'As for the owning record', null);
