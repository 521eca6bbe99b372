-- Undoes 004: drops the two updated_at triggers, then their function. updated_at then changes only when the
-- application sets it.
drop trigger training_goal_set_updated_at on training_goal;
drop trigger athlete_set_updated_at on athlete;
drop function set_updated_at();
