-- Undoes 003: drops athlete.preferences (and its check constraint with it). Stored preferences are lost.
alter table athlete drop column preferences;
