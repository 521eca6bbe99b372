-- Undoes 001: drops training_goal and athlete. The repeatable view athlete_progress (R__athlete_progress_view.sql)
-- is built on these tables and repeatable scripts have no rollback, so it is dropped here first; 'if exists'
-- because the repeatable may never have run (it runs after the versioned migrations).
drop view if exists athlete_progress;
drop table training_goal;
drop table athlete;
