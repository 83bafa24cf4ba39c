-- Early warning's per-rule signals (spc_signal, dropped in V5_30) raised tasks with source 'indicator-signal'; nothing
-- can close those any more, so they are closed here. Episodes raise their own tasks ('indicator-episode').
update task set status = 'DONE', completed_at = now()
where source_type = 'indicator-signal' and status = 'OPEN';
