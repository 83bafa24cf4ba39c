-- Identity's published read models: who a user is (no password, invitation or lockout columns) and which roles they
-- hold in which partnership. Other modules read people through these views, never the tables (TableOwnershipTests).
-- security_invoker keeps app_user's row level security (an agency-scoped connection sees only its agency's people).
create view app_user_view with (security_invoker = true) as
    select id, email, display_name, job_title, agency_id, status, last_sign_in_at, created_at from app_user;

create view user_role_view with (security_invoker = true) as
    select user_id, partnership_id, role from user_role;
