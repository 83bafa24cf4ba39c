-- A saved moderated score is never "new": its version starts at 1, so the form's version 0 means only "nobody has
-- scored this standard yet". Rows loaded with the old default 0 (the demo's) are brought up to 1; before this a
-- panel member could not save over them (every save was refused as someone else's edit).
update s11_moderated_score set version = 1 where version < 1;
alter table s11_moderated_score alter column version set default 1;
alter table s11_moderated_score add constraint s11_moderated_score_version_ck check (version >= 1);
