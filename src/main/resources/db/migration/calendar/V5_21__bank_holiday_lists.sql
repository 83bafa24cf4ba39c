-- Official bank holiday lists loaded by an administrator from GOV.UK's bank-holidays.json (england-and-wales only).
-- The latest row is the one in force: its years replace the bundled list's and the projected ones. Rows are never
-- changed; loading a newer file adds a row.
create table bank_holiday_list (
    id           bigint generated always as identity primary key,
    first_year   int not null,
    last_year    int not null,
    holidays     text not null,            -- one "date,title" line per holiday, as the bundled CSV
    file_name    text not null,
    file_sha256  text not null,
    loaded_at    timestamptz not null default now(),
    loaded_by    bigint,
    constraint bank_holiday_list_years_ck check (first_year <= last_year)
);
