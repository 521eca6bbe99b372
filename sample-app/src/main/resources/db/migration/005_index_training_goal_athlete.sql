-- Indexes training_goal by athlete and target date: GET /athletes/{id}/goals and the athlete_progress view look
-- goals up by athlete. CONCURRENTLY builds the index without blocking writes to the table; PostgreSQL cannot do
-- that inside a transaction, so migrator runs this file outside one, and it is alone in its file. If it fails, an
-- INVALID index may be left behind: drop it before migrating again.
create index concurrently training_goal_athlete_target_idx on training_goal (athlete_id, target_date);
