-- Audit log: one row per change the API makes (which entity, which row, what happened, when), written in the
-- same transaction as the change, so operators can see who changed what without reading application logs.
create table audit_log (
    id        bigint generated always as identity primary key,
    logged_at timestamptz not null default now(),
    entity    text not null,
    entity_id bigint not null,
    action    text not null
);

create index audit_log_entity_idx on audit_log (entity, entity_id);
