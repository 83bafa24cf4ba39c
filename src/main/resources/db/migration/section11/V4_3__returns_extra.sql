-- Who last saved each answer, so a person's own background save racing their own form is never mistaken for a
-- colleague's change (only a colleague's save makes an edit stale).
alter table s11_response add column updated_by bigint references app_user (id);
