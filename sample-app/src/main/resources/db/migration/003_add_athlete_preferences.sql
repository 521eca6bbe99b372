-- Adds athlete.preferences, free-form settings as a JSON object, defaulting to an empty object. Since PostgreSQL 11
-- a column with a constant default is added without rewriting the table, so this is safe on a large table.
alter table athlete
    add column preferences jsonb not null default '{}'::jsonb
        check (jsonb_typeof(preferences) = 'object');
