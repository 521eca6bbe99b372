-- Keeps updated_at correct whoever changes a row (the API, a script, psql): a trigger function sets it on every
-- UPDATE of athlete and training_goal. The body is dollar-quoted, so its semicolons do not end the statement.
create function set_updated_at() returns trigger
    language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end;
$$;

create trigger athlete_set_updated_at
    before update on athlete
    for each row execute function set_updated_at();

create trigger training_goal_set_updated_at
    before update on training_goal
    for each row execute function set_updated_at();
