-- Learning's published read model of its themes, which case reviews tag cases with and count on their dashboards.
-- Nobody but learning writes themes (TableOwnershipTests).
create view learning_theme_view with (security_invoker = true) as
    select id, name, description, active from learning_theme;
