-- Undoes 005: drops the training_goal index. Rollback scripts run in a transaction, so this is a plain DROP INDEX
-- (not CONCURRENTLY): it briefly locks training_goal against all access while it drops the index.
drop index training_goal_athlete_target_idx;
